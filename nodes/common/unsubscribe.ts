import type { SmsReceipt } from './receipt';

/**
 * Whether a reply is an opt-out (退订): the answers Chinese marketing texts ask for
 * ("回T退订", "回TD退订", "拒收请回复R"…). Every reply a provider hands us goes through
 * here, so every trigger and every reply query agree on what counts.
 *
 * A reply counts only when the whole text, normalised, is one keyword: "我不想退订" says the
 * opposite, and "Tomorrow" or "TDK" merely begin with one. Normalising is what makes the
 * short answers people really type match:
 * - Unicode NFKC, because Chinese input methods often type Latin letters and punctuation in
 *   their full-width forms (ＴＤ, ！, the ideographic space): NFKC turns them into the
 *   ASCII ones, so "ＴＤ" is "TD".
 * - lower case, because phones capitalise the first letter ("Td") and some people write "td".
 * - whitespace, punctuation (CJK 。！【】「」 too), symbols and emoji, invisible format
 *   characters (zero-width space, byte order mark) and emoji variation selectors are removed
 *   from both ends only, because phones, input methods and carriers add them around the
 *   answer ("T!", "【退订】", " td。"); inside the text they are kept, so "T D" is not "TD".
 * Custom keywords are normalised the same way, so "STOP" also matches "stop。" and "ＳＴＯＰ".
 */
export const BUILT_IN_UNSUBSCRIBE_KEYWORDS: readonly string[] = ['T', 'TD', 'N', 'R', '退订', '取消', '退'];

/** One character that may surround an answer without changing it (see above). */
const SURROUNDING = /[\s\p{P}\p{S}\p{Cf}\uFE00-\uFE0F]/u;

/** The form a reply and a keyword are compared in. */
export function normaliseReply(text: string): string {
	// Walked by code point from both ends: linear in the text's length, however long.
	const characters = Array.from(text.normalize('NFKC').toLowerCase());
	let start = 0;
	let end = characters.length;
	while (start < end && SURROUNDING.test(characters[start])) start++;
	while (end > start && SURROUNDING.test(characters[end - 1])) end--;
	return characters.slice(start, end).join('');
}

/**
 * The keywords to compare replies with: the built-in ones and the user's, given as one
 * comma-separated text (NFKC makes a full-width "，" a comma too). A keyword that is nothing
 * but punctuation or spaces normalises to nothing and is dropped, so it never matches an
 * empty reply.
 */
export function unsubscribeKeywords(customKeywords = ''): ReadonlySet<string> {
	const custom = customKeywords.normalize('NFKC').split(',');
	const keywords = [...BUILT_IN_UNSUBSCRIBE_KEYWORDS, ...custom].map(normaliseReply).filter((keyword) => keyword !== '');
	return new Set(keywords);
}

export function isUnsubscribe(content: string, keywords: ReadonlySet<string>): boolean {
	return keywords.has(normaliseReply(content));
}

/**
 * A reply with `unsubscribe` set, placed right after its `content`; any other record
 * (delivery receipts, template audits) is returned as it is, as they carry no answer.
 */
export function withUnsubscribe(record: SmsReceipt, keywords: ReadonlySet<string>): SmsReceipt {
	if (record.event !== 'reply') return record;
	const unsubscribe = isUnsubscribe(record.content ?? '', keywords);
	const entries = Object.entries(record).filter(([key]) => key !== 'unsubscribe');
	// Next to the text it was read from, where a reader of the item looks for it.
	const afterContent = entries.findIndex(([key]) => key === 'content') + 1;
	entries.splice(afterContent > 0 ? afterContent : entries.length, 0, ['unsubscribe', unsubscribe]);
	return Object.fromEntries(entries) as SmsReceipt;
}
