import type { IDataObject } from 'n8n-workflow';

import type { CallShare } from './callsOfItems';
import type { ItemPlan } from './planCalls';
import type { PreparedSend } from './prepareSend';

/** The result of an item that was sent: the batch ids of the calls its numbers went out in. */
export function sentItem(entry: PreparedSend, plan: ItemPlan, batchIds: string[]): IDataObject {
	return {
		provider: 'jiazhiyuan',
		success: true,
		// An item whose numbers all went out with earlier items has no call of its own.
		batchId: batchIds[0] ?? null,
		batchIds,
		...plannedFields(entry, plan),
	};
}

/**
 * The result of an item in a dry run: the same fields as a send where they mean the same,
 * and instead of batch ids what the calls would carry. The content is shown as it would be
 * sent; the password is never part of an item's plan, so it cannot be part of its preview.
 */
export function previewItem(entry: PreparedSend, plan: ItemPlan, calls: CallShare[]): IDataObject {
	return {
		provider: 'jiazhiyuan',
		success: true,
		dryRun: true,
		...plannedFields(entry, plan),
		content: entry.content,
		extensionNumber: entry.extenno === '' ? null : entry.extenno,
		// Every number the item sends is billed for every segment; skipped repeats are not sent.
		billedMessages: entry.segments * plan.numbers.length,
		calls: { count: calls.length, list: calls },
	};
}

function plannedFields(entry: PreparedSend, plan: ItemPlan): IDataObject {
	return {
		mobiles: { count: plan.numbers.length, list: plan.numbers },
		duplicatesRemoved: entry.duplicatesRemoved,
		repeatsSkipped: { count: plan.repeatsSkipped.length, list: plan.repeatsSkipped },
		segments: entry.segments,
		smsType: entry.smsType,
		longSms: entry.isLongSms === '1',
	};
}
