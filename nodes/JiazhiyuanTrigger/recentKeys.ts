import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { SmsReceipt } from '../common/receipt';

/**
 * The keys of the records emitted lately, kept in the workflow's static data so that a
 * record the platform hands out again (after a lost answer, or a platform retry) does not
 * start the workflow twice. Bounded: the oldest keys go first.
 *
 * Static data is saved in the workflow itself (and in every export of it), so it holds a
 * short hash of each key, never a phone number or a reply text. 72 bits of SHA-256: among
 * 20,000 keys the chance that two records share one is about 4 in 10^14.
 */
const MAX_KEYS = 20000;

/** Keys stored before hashing was introduced are plain text with fields joined by "|". */
const PLAIN_KEY_SEPARATOR = '|';

export function recordKey(record: SmsReceipt): string {
	if (record.problem) return `raw|${JSON.stringify(record.raw)}`;
	return [record.event, record.messageId, record.mobile, record.code ?? '', record.time ?? '', record.content ?? '', record.receiver ?? ''].join('|');
}

/** 12 characters of base64url (no "|" among them, so a hash is never taken for a plain key). */
export function hashKey(key: string): string {
	return createHash('sha256').update(key, 'utf8').digest('base64url').slice(0, 12);
}

/** The stored list with any plain key of an earlier version replaced by its hash. */
function storedHashes(store: IDataObject): string[] {
	const stored = Array.isArray(store.recentKeys) ? (store.recentKeys as unknown[]) : [];
	return stored
		.filter((key): key is string => typeof key === 'string')
		.map((key) => (key.includes(PLAIN_KEY_SEPARATOR) ? hashKey(key) : key));
}

/** Returns the records not seen before (and not repeated within this batch), and remembers them. */
export function rememberNew(store: IDataObject, records: SmsReceipt[]): SmsReceipt[] {
	const recent = storedHashes(store);
	const known = new Set(recent);
	const fresh: SmsReceipt[] = [];
	for (const record of records) {
		const hash = hashKey(recordKey(record));
		if (known.has(hash)) continue;
		known.add(hash);
		recent.push(hash);
		fresh.push(record);
	}
	store.recentKeys = recent.length > MAX_KEYS ? recent.slice(recent.length - MAX_KEYS) : recent;
	return fresh;
}
