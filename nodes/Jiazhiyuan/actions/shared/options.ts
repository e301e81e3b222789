import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/optionsCollection';
import { readTimeout as readTimeoutOption } from '../../../common/timeout';
import { DEFAULT_TIMEOUT_MS } from '../../transport/request';

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Ms)',
	name: 'timeout',
	type: 'number',
	// A bulk send of 20,000 numbers may take minutes.
	typeOptions: { minValue: 1000, maxValue: 300000 },
	default: DEFAULT_TIMEOUT_MS,
	description: 'How long to wait for Jiazhiyuan. A send that times out is not repeated: it may have gone out.',
};

/** The Options of an operation whose only option is the timeout. */
export const timeoutOnlyOptions = optionsCollection([timeoutOption]);

/** The item's Timeout option, in milliseconds. */
export function readTimeout(ctx: IExecuteFunctions, itemIndex: number): number {
	return readTimeoutOption(ctx, itemIndex, timeoutOption);
}
