import type { IDataObject } from 'n8n-workflow';

import type { CallShare } from './callsOfItems';
import type { ItemPlan } from './planCalls';
import type { PreparedSend } from './prepareSend';

/**
 * The result of an item that was sent: the batch ids of the calls its numbers went out in.
 * Written as one literal: V8 then keeps every field inside the object itself, where a spread
 * would give each of a bulk send's 100,000 results a second block for its fields.
 */
export function sentItem(entry: PreparedSend, plan: ItemPlan, batchIds: string[]): IDataObject {
	return {
		provider: 'jiazhiyuan',
		success: true,
		// An item whose numbers all went out with earlier items has no call of its own.
		batchId: batchIds[0] ?? null,
		batchIds,
		mobiles: { count: plan.numbers.length, list: plan.numbers },
		duplicatesRemoved: entry.duplicatesRemoved,
		repeatsSkipped: { count: plan.repeatsSkipped.length, list: plan.repeatsSkipped },
		segments: entry.message.segments,
		smsType: entry.message.smsType,
		longSms: entry.message.isLongSms === '1',
	};
}

const HEAD_AND_BATCH_IDS = new Set(['provider', 'success', 'batchId', 'batchIds']);

/**
 * The result of an item in a dry run: the fields of a send's result where they mean the
 * same, and instead of batch ids what the calls would carry. The content is shown as it
 * would be sent; the password is never part of an item's plan, so it cannot be part of its
 * preview.
 */
export function previewItem(entry: PreparedSend, plan: ItemPlan, calls: CallShare[]): IDataObject {
	const sent = sentItem(entry, plan, []);
	const planned = Object.fromEntries(Object.entries(sent).filter(([key]) => !HEAD_AND_BATCH_IDS.has(key)));
	return {
		provider: sent.provider,
		success: sent.success,
		dryRun: true,
		...planned,
		content: entry.message.content,
		extensionNumber: entry.message.extenno === '' ? null : entry.message.extenno,
		// Every number the item sends is billed for every segment; skipped repeats are not sent.
		billedMessages: entry.message.segments * plan.numbers.length,
		calls: { count: calls.length, list: calls },
	};
}
