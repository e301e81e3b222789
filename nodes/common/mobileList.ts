import { describeType } from './parameters';
import { normaliseMainlandNumber } from './phone';

/**
 * The one reader of mainland mobiles for every node: a send to one number takes what it
 * reads when it is exactly one number, a bulk send takes the whole list. So a number one
 * node accepts, the others accept too.
 *
 * How a field is read:
 * - Commas, semicolons and line breaks separate numbers, also their full-width forms
 *   (，；) and the enumeration comma 、.
 * - Between two separators stands one entry. Spaces (also tabs, full-width and no-break
 *   spaces), dashes, dots and brackets inside an entry belong to the number written there:
 *   "+86 138-0013-8000", "(+86) 138 0013 8000" and "１３８ ００１３ ８０００" are one number
 *   each (see normaliseMainlandMobile); where fixed lines are taken, so is "021-5123 4567".
 * - An entry that is not one number, but whose space-separated words are each a whole
 *   number ("13800138000 13900139000", a row pasted from a spreadsheet), holds those numbers.
 *   The two readings never compete: one number has at most 15 digits (0086 and a fixed
 *   line), two have at least 20.
 * - Anything else is one invalid entry, reported as written.
 * A list from an expression is read element by element, each text element as above.
 */
export interface MobileList {
	/**
	 * The distinct numbers in the order written: mobiles normalised to 11 digits, fixed lines
	 * (where taken) to area code and number.
	 */
	numbers: string[];
	/** Entries that are not mainland mobiles, as written, with the reason. */
	invalid: Array<{ value: string; reason: string }>;
	/** Entries left out because an earlier entry is the same number. */
	duplicates: number;
}

const LIST_SEPARATORS = /[,，、;；\r\n\u2028\u2029]+/;
const WHITESPACE = /\s+/;

export function readMobileList(value: unknown, options: { fixedLines?: boolean } = {}): MobileList | { error: string } {
	const fixedLines = options.fixedLines ?? false;
	let entries: unknown[];
	if (Array.isArray(value)) entries = value.flatMap((entry) => (typeof entry === 'string' ? splitText(entry) : [entry]));
	else if (typeof value === 'string') entries = splitText(value);
	else if (typeof value === 'number') entries = [value];
	else if (value === null || value === undefined) entries = [];
	else return { error: `must be text or a list, but the expression gave ${describeType(value)}` };

	// The distinct numbers in the order written; the list is made from it at its exact size,
	// since a send keeps one list per item until it ends (100,000 items, 100,000 lists).
	const seen = new Set<string>();
	const invalid: MobileList['invalid'] = [];
	let duplicates = 0;
	for (const entry of entries) {
		for (const result of readEntry(entry, fixedLines)) {
			if (!result.ok) invalid.push({ value: result.value, reason: result.reason });
			else if (seen.has(result.number)) duplicates++;
			else seen.add(result.number);
		}
	}
	return { numbers: Array.from(seen), invalid, duplicates };
}

/** How many entries a list holds in all: its numbers, repeats and invalid entries. */
export function entryCount(list: MobileList): number {
	return list.numbers.length + list.duplicates + list.invalid.length;
}

function splitText(text: string): string[] {
	return text
		.split(LIST_SEPARATORS)
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

type EntryResult = { ok: true; number: string } | { ok: false; value: string; reason: string };

function readEntry(entry: unknown, fixedLines: boolean): EntryResult[] {
	const whole = normaliseMainlandNumber(entry, fixedLines);
	if (whole.ok) return [{ ok: true, number: whole.value }];
	const written = typeof entry === 'string' ? entry : (JSON.stringify(entry) ?? String(entry));
	if (typeof entry === 'string' && WHITESPACE.test(entry)) {
		const words = entry.split(WHITESPACE).map((word) => normaliseMainlandNumber(word, fixedLines));
		if (words.every((word) => word.ok)) return words.map((word) => ({ ok: true, number: (word as { value: string }).value }));
		if (words.some((word) => word.ok)) {
			// Some words are numbers: most likely a list with a number written with spaces in it.
			return [{ ok: false, value: written, reason: `"${entry}" is neither one number nor numbers separated by spaces: put a comma or a new line between numbers` }];
		}
	}
	return [{ ok: false, value: written, reason: whole.reason }];
}
