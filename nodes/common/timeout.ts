import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { clamp } from './clamp';

/**
 * The item's Timeout option in milliseconds, within the range the option declares (its
 * typeOptions) and its default when unset: the editor enforces the range, but expressions,
 * the API and imported workflows do not. A call that serves several items uses its first item's.
 */
export function readTimeout(ctx: IExecuteFunctions, itemIndex: number, option: INodeProperties): number {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	const { minValue, maxValue } = option.typeOptions as { minValue: number; maxValue: number };
	return clamp(options[option.name] ?? option.default, minValue, maxValue);
}
