import type { IDataObject } from 'n8n-workflow';

import type { SmsReceipt } from '../common/receipt';

/**
 * ihuyi repeats a push (up to 3 times) when our answer did not reach it. Remembering what
 * was seen in the workflow's static data lets a repeat start nothing. The memory is
 * bounded in time and size. In queue mode with several webhook processes, each process
 * remembers only what it received.
 */
const MAX_ENTRIES = 5000;

export function pushKey(receipt: SmsReceipt): string {
	return [receipt.event, receipt.messageId, receipt.mobile, receipt.code ?? '', receipt.time ?? '', receipt.templateId ?? '', receipt.content ?? ''].join('|');
}

/** Records the key; answers whether it was already seen within the window. */
export function seenBefore(store: IDataObject, key: string, windowMs: number, now: number): boolean {
	const seen = (store.seenPushes ?? {}) as Record<string, number>;
	for (const [stored, at] of Object.entries(seen)) {
		if (now - at > windowMs) delete seen[stored];
	}
	const duplicate = seen[key] !== undefined;
	seen[key] = now;
	const keys = Object.keys(seen);
	if (keys.length > MAX_ENTRIES) {
		for (const old of keys.slice(0, keys.length - MAX_ENTRIES)) delete seen[old];
	}
	store.seenPushes = seen;
	return duplicate;
}
