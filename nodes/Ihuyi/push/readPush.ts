import type { SmsReceipt } from '../../common/receipt';
import { withUnsubscribe } from '../../common/unsubscribe';
import { classifyPush } from './classifyPush';
import type { PushRefusal } from './classifyPush';
import type { PushSettings } from './pushSettings';

/** What one request is: the item it makes, a push the settings leave out, or not a push. */
export type PushReading = { receipt: SmsReceipt } | { dropped: true } | { refused: PushRefusal };

/**
 * One request, as the Ihuyi Trigger receives it and as n8n's Webhook node hands it to
 * Push → Read: its Content-Type and its parsed form body. Both nodes read pushes here, so
 * the same push makes the same item in either, and the same requests are refused.
 */
export function readPush(contentType: unknown, body: unknown, settings: PushSettings): PushReading {
	if (!isFormBody(contentType)) {
		return { refused: { ok: false, status: 415, reason: 'Content-Type is not application/x-www-form-urlencoded: ihuyi pushes are form-encoded' } };
	}
	const classified = classifyPush(body, settings.product);
	if (!classified.ok) return { refused: classified };
	const { receipt } = classified;
	const wanted =
		settings.events.includes(receipt.event) &&
		!(receipt.event === 'deliveryReceipt' && settings.failedOnly && receipt.status === 'delivered');
	if (!wanted) return { dropped: true };
	return { receipt: withUnsubscribe(receipt, settings.unsubscribeKeywords) };
}

function isFormBody(contentType: unknown): boolean {
	return typeof contentType === 'string' && contentType.toLowerCase().includes('application/x-www-form-urlencoded');
}
