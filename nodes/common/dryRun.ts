import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * Dry Run, offered by every send of both providers: the send runs up to its request and the
 * items show what would go out instead. It is read once for the node, not per item, because
 * a send may combine items into shared calls: one execution either sends or previews.
 */
export const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to preview the send instead of sending: every check runs and each item shows the numbers, the content, the segments and the billed messages that would go out (dryRun: true), but nothing is sent or billed. An agent can use it to check a send before making it.',
};

export function readDryRun(ctx: IExecuteFunctions): boolean {
	return (ctx.getNodeParameter('options', 0, {}) as { dryRun?: unknown }).dryRun === true;
}
