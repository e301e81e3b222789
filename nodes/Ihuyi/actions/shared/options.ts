import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { clamp } from '../../../common/clamp';
import { optionsCollection } from '../../../common/optionsCollection';
import { DEFAULT_TIMEOUT_MS } from '../../transport/request';

/** Options every ihuyi operation offers. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Ms)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1000, maxValue: 120000 },
	default: DEFAULT_TIMEOUT_MS,
	description:
		'How long to wait for ihuyi before giving up. A send that times out is not repeated: it may have gone out.',
};

export const concurrencyOption: INodeProperties = {
	displayName: 'Max Concurrent Requests',
	name: 'maxConcurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 50 },
	default: 1,
	description:
		'How many items are sent at the same time. Repeats of one number are still sent a second apart, as ihuyi requires, while other numbers go on.',
};

export interface CommonOptions {
	timeoutMs: number;
	maxConcurrency: number;
}

export function readCommonOptions(ctx: IExecuteFunctions): CommonOptions {
	const options = ctx.getNodeParameter('options', 0, {}) as { timeout?: number; maxConcurrency?: number };
	return {
		timeoutMs: clamp(options.timeout ?? DEFAULT_TIMEOUT_MS, 1000, 120000),
		maxConcurrency: clamp(options.maxConcurrency ?? 1, 1, 50),
	};
}

/** The Options of an operation whose only option is the timeout. */
export const timeoutOnlyOptions = optionsCollection([timeoutOption]);
