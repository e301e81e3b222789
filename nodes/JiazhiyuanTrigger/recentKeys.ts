import type { IDataObject } from 'n8n-workflow';

import type { SmsReceipt } from '../common/receipt';

/**
 * The keys of the records emitted lately, kept in the workflow's static data so that a
 * record the platform hands out again (after a lost answer, or a platform retry) does not
 * start the workflow twice. Bounded: the oldest keys go first.
 */
const MAX_KEYS = 20000;

export function recordKey(record: SmsReceipt): string {
	if (record.problem) return `raw|${JSON.stringify(record.raw)}`;
	return [record.event, record.messageId, record.mobile, record.code ?? '', record.time ?? '', record.content ?? '', record.receiver ?? ''].join('|');
}

/** Returns the records not seen before (and not repeated within this batch), and remembers them. */
export function rememberNew(store: IDataObject, records: SmsReceipt[]): SmsReceipt[] {
	const recent = Array.isArray(store.recentKeys) ? (store.recentKeys as string[]) : [];
	const known = new Set(recent);
	const fresh: SmsReceipt[] = [];
	for (const record of records) {
		const key = recordKey(record);
		if (known.has(key)) continue;
		known.add(key);
		recent.push(key);
		fresh.push(record);
	}
	store.recentKeys = recent.length > MAX_KEYS ? recent.slice(recent.length - MAX_KEYS) : recent;
	return fresh;
}
