import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { clamp } from '../../../common/clamp';
import { optionsCollection } from '../../../common/optionsCollection';
import { readTimeout as readTimeoutOption } from '../../../common/timeout';
import { DEFAULT_TIMEOUT_MS } from '../../transport/request';

/** Options every ihuyi operation offers. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Ms)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1000, maxValue: 120000 },
	default: DEFAULT_TIMEOUT_MS,
	description: 'How long to wait for ihuyi before giving up. A send that times out is not repeated: it may have gone out.',
};

/** The item's Timeout option, in milliseconds. */
export function readTimeout(ctx: IExecuteFunctions, itemIndex: number): number {
	return readTimeoutOption(ctx, itemIndex, timeoutOption);
}

export const concurrencyOption: INodeProperties = {
	displayName: 'Max Concurrent Requests',
	name: 'maxConcurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 50 },
	default: 1,
	description:
		'How many items are sent at the same time. Repeats of one number are still sent a second apart, as ihuyi requires, while other numbers go on.',
};

/** How many sends run at once: a setting of the whole run, so it is read once, from the first item. */
export function readConcurrency(ctx: IExecuteFunctions): number {
	return clamp((ctx.getNodeParameter('options', 0, {}) as { maxConcurrency?: unknown }).maxConcurrency ?? 1, 1, 50);
}

/** The Options of an operation whose only option is the timeout. */
export const timeoutOnlyOptions = optionsCollection([timeoutOption]);
