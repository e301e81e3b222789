import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from './errors';
import { describeType } from './phone';

/**
 * Reads a text parameter of one item. Expressions can hand over a number (kept as its
 * digits), null or nothing (empty text), or an object (refused with the field named).
 */
export function readText(ctx: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return String(value);
	throw invalidInput(
		ctx.getNode(),
		itemIndex,
		label,
		`must be text, but the expression gave ${describeType(value)}`,
		`Map a text value into "${label}", e.g. {{ $json.field }} of a text field, not a whole object or list.`,
	);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\uFE0F|\u20E3/u;

/** Position (1-based, in characters) and text of the first emoji, if any. */
export function findEmoji(text: string): { position: number; character: string } | undefined {
	let position = 0;
	for (const character of text) {
		position++;
		if (EMOJI.test(character)) return { position, character };
	}
	return undefined;
}

/** Broken text from a bad expression or a cut-off string: half of a surrogate pair. */
export function hasLoneSurrogate(text: string): boolean {
	return LONE_SURROGATE.test(text);
}

/**
 * A reader for a parameter that may or may not use an expression. n8n resolves a parameter
 * anew for every item (copying it each time); a parameter without any expression has the
 * same value for every item, so it is read once. This matters with 100,000 items.
 */
export function parameterReader<T>(ctx: IExecuteFunctions, name: string, fallback: T): (itemIndex: number) => T {
	const raw = ctx.getNode().parameters[name];
	if (raw !== undefined && !containsExpression(raw)) {
		const value = ctx.getNodeParameter(name, 0, fallback) as T;
		return () => value;
	}
	return (itemIndex) => ctx.getNodeParameter(name, itemIndex, fallback) as T;
}

function containsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(containsExpression);
	if (value && typeof value === 'object') return Object.values(value).some(containsExpression);
	return false;
}
