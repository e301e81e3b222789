/**
 * Jiazhiyuan's text answers: `success;<batch id>`, `failure;<reason>`, the balance line
 * `memberSmsNum=684;gateSmsNum=49919;kaSmsNum=49964`, and 1–4 for a password change.
 * Whitespace and a trailing CRLF are tolerated; anything else is "unexpected".
 */
export type TextAnswer =
	| { kind: 'success'; value: string }
	| { kind: 'failure'; reason: string }
	| { kind: 'unexpected' };

export function parseTextAnswer(text: string): TextAnswer {
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	const separator = trimmed.indexOf(';');
	const head = (separator < 0 ? trimmed : trimmed.slice(0, separator)).trim().toLowerCase();
	const rest = separator < 0 ? '' : trimmed.slice(separator + 1).trim();
	if (head === 'success') return { kind: 'success', value: rest };
	if (head === 'failure') return { kind: 'failure', reason: rest };
	return { kind: 'unexpected' };
}

export interface Balance {
	memberSmsNum: number;
	gateSmsNum: number;
	kaSmsNum: number;
}

export function parseBalance(text: string): Balance | undefined {
	const fields: Record<string, number> = {};
	for (const part of text.trim().split(';')) {
		const match = /^\s*(\w+)\s*=\s*(-?\d+(?:\.\d+)?)\s*$/.exec(part);
		if (match) fields[match[1]] = Number(match[2]);
	}
	const { memberSmsNum, gateSmsNum, kaSmsNum } = fields;
	if ([memberSmsNum, gateSmsNum, kaSmsNum].some((value) => value === undefined)) return undefined;
	return { memberSmsNum, gateSmsNum, kaSmsNum };
}

/** A batch id is what follows "success;": digits on every platform seen. */
export function isBatchId(value: string): boolean {
	return /^[A-Za-z0-9_-]{1,64}$/.test(value);
}
