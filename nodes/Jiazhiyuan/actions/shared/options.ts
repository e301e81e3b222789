import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/optionsCollection';
import { DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from '../../transport/request';

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Ms)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: MIN_TIMEOUT_MS, maxValue: MAX_TIMEOUT_MS },
	default: DEFAULT_TIMEOUT_MS,
	description: 'How long to wait for Jiazhiyuan. A send that times out is not repeated: it may have gone out.',
};

/** The Options of an operation whose only option is the timeout. */
export const timeoutOnlyOptions = optionsCollection([timeoutOption]);

/** The item's timeout; the transport applies the default and the bounds. */
export function readTimeout(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	return (ctx.getNodeParameter('options', itemIndex, {}) as { timeout?: number }).timeout;
}
