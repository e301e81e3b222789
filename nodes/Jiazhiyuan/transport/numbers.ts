import { describeType, normaliseMainlandMobile } from '../../common/phone';

/** One API call takes at most this many numbers. */
export const MAX_NUMBERS_PER_CALL = 20000;

export interface NumberList {
	numbers: string[];
	invalid: Array<{ value: string; reason: string }>;
	duplicates: number;
}

/**
 * A list of mainland mobiles from one field: text separated by commas (also full-width),
 * semicolons, spaces or new lines, a single number, or a list from an expression. Every
 * entry is normalised; duplicates are dropped (the same text to the same person twice is
 * never wanted); bad entries are all collected so the user can fix them at once.
 */
export function parseNumberList(value: unknown): NumberList | { error: string } {
	let entries: unknown[];
	if (Array.isArray(value)) entries = value.flatMap((entry) => (typeof entry === 'string' ? splitText(entry) : [entry]));
	else if (typeof value === 'string') entries = splitText(value);
	else if (typeof value === 'number') entries = [value];
	else if (value === null || value === undefined) entries = [];
	else return { error: `must be text or a list, but the expression gave ${describeType(value)}` };

	const seen = new Set<string>();
	const numbers: string[] = [];
	const invalid: NumberList['invalid'] = [];
	let duplicates = 0;
	for (const entry of entries) {
		const result = normaliseMainlandMobile(entry);
		if (!result.ok) {
			invalid.push({ value: typeof entry === 'string' ? entry : JSON.stringify(entry) ?? String(entry), reason: result.reason });
		} else if (seen.has(result.value)) {
			duplicates++;
		} else {
			seen.add(result.value);
			numbers.push(result.value);
		}
	}
	return { numbers, invalid, duplicates };
}

/**
 * Commas, semicolons and new lines always separate. A space separates too, unless the part
 * is one number written with spaces ("138 0013 8000", "+86 138 0013 8000").
 */
function splitText(text: string): string[] {
	return text
		.split(/[,，;；\n\r\t]+/)
		.map((part) => part.trim())
		.filter((part) => part !== '')
		.flatMap((part) => {
			if (!/\s/.test(part)) return [part];
			const compact = part.replace(/[\s\u3000]+/g, '');
			return /^(\+?86|0086)?1\d{10}$/.test(compact) ? [part] : part.split(/[\s\u3000]+/);
		});
}

/** Splits a list into pieces of at most `size`. */
export function chunk<T>(list: T[], size: number = MAX_NUMBERS_PER_CALL): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
	return chunks;
}
