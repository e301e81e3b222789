import type { IDataObject } from 'n8n-workflow';

/**
 * One shape for every delivery receipt and reply, whichever provider it comes from, so a
 * workflow that reacts to "delivered" or "failed" does not care who carried the message.
 * Each provider's reader fills it (the triggers and the report queries).
 */
export type ReceiptEvent = 'deliveryReceipt' | 'reply' | 'templateAudit';
export type DeliveryStatus = 'delivered' | 'failed' | 'unknown';

export interface SmsReceipt extends IDataObject {
	/** The provider's name as the nodes write it, e.g. in `provider` of a send's output. */
	provider: string;
	product: string;
	event: ReceiptEvent;
	/** The id the send call returned (a message id, or a bulk send's batch id). */
	messageId: string;
	mobile: string;
	/** Delivery receipts only. */
	status?: DeliveryStatus;
	/** The provider's raw status value. */
	code?: string;
	description?: string;
	/**
	 * Receipts that are not "delivered": what `code` means in English, from the package's own
	 * table of the provider's documented statuses, or null when the code is not in it (carrier
	 * codes a provider passes through keep only `description`).
	 */
	explanation?: string | null;
	/** ISO 8601 with the provider's time zone (+08:00), or null when the provider gave none. */
	time: string | null;
	/** Replies only: the text the customer sent. */
	content?: string;
	/** Replies only: whether the text is an opt-out answer such as "TD" or "退订" (see unsubscribe.ts). */
	unsubscribe?: boolean;
	/** Replies only: the number or extension that received the reply. */
	receiver?: string;
	/** Template audits only: the template that was reviewed. */
	templateId?: string;
	/** Template audits only: whether the template was approved. */
	approved?: boolean;
	/** Set when the record could not be read whole: what was missing or unreadable. */
	problem?: string;
	/** Every field exactly as the provider sent it. */
	raw: IDataObject;
}

/**
 * Chinese providers write local Beijing time without a zone ("2017-08-02 14:31:51", some
 * with ".0" after it). China has no daylight saving, so +08:00 is always right. Anything we
 * cannot read returns null rather than a wrong time.
 */
export function beijingTimeToIso(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*$/.exec(value);
	if (!match) return null;
	const [, y, mo, d, h, mi, s] = match;
	const pad = (part: string | undefined) => (part ?? '0').padStart(2, '0');
	const iso = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`;
	return Number.isNaN(Date.parse(iso)) ? null : iso;
}
