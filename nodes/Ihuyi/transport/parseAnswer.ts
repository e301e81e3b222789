import { XMLParser } from 'fast-xml-parser';

/**
 * An ihuyi answer, read from JSON (what we ask for) or XML (the default of older hosts and
 * resellers). Ids stay strings: they have 20 digits, beyond the precision of a JS number.
 */
export interface IhuyiAnswer {
	code: string;
	msg: string;
	id?: string;
	num?: string;
	fields: Record<string, string>;
}

export type ParseResult = { ok: true; answer: IhuyiAnswer } | { ok: false; reason: string };

// Quote bare numbers on every field before JSON.parse, so a 20-digit id never becomes a float.
const BARE_NUMBER_VALUE = /("[A-Za-z_]+"\s*:\s*)(-?\d[\d.eE+-]*)/g;

const xmlParser = new XMLParser({
	ignoreAttributes: true,
	removeNSPrefix: true,
	parseTagValue: false,
	trimValues: true,
	ignoreDeclaration: true,
	processEntities: true,
});

export function parseIhuyiAnswer(text: string, idFields: string[]): ParseResult {
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (trimmed === '') return { ok: false, reason: 'empty body' };
	let fields: Record<string, string> | undefined;
	if (trimmed.startsWith('{')) {
		fields = fromJson(trimmed);
		if (!fields) return { ok: false, reason: 'invalid JSON' };
	} else if (trimmed.startsWith('<')) {
		fields = fromXml(trimmed);
		if (!fields) return { ok: false, reason: 'invalid XML' };
	} else {
		return { ok: false, reason: 'neither JSON nor XML' };
	}
	const code = fields.code;
	if (code === undefined || !/^-?\d+$/.test(code)) return { ok: false, reason: 'no numeric code' };
	const id = idFields.map((name) => fields[name]).find((value) => value !== undefined && value !== '');
	return {
		ok: true,
		answer: { code, msg: fields.msg ?? '', id, num: fields.num, fields },
	};
}

function fromJson(text: string): Record<string, string> | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text.replace(BARE_NUMBER_VALUE, '$1"$2"'));
	} catch {
		return undefined;
	}
	return flatStrings(parsed);
}

function fromXml(text: string): Record<string, string> | undefined {
	let parsed: unknown;
	try {
		parsed = xmlParser.parse(text, true);
	} catch {
		return undefined;
	}
	if (!parsed || typeof parsed !== 'object') return undefined;
	// The root element's name varies (SubmitResult, GetNumResult, namespaced or not).
	const roots = Object.values(parsed as Record<string, unknown>).filter(
		(value) => value && typeof value === 'object',
	);
	if (roots.length !== 1) return undefined;
	return flatStrings(roots[0]);
}

function flatStrings(value: unknown): Record<string, string> | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const fields: Record<string, string> = {};
	for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
		if (typeof field === 'string') fields[key] = field.trim();
		else if (typeof field === 'number' || typeof field === 'boolean') fields[key] = String(field);
	}
	return fields;
}
