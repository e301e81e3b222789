import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from './errors';

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

/** How an error names the kind of value an expression gave, e.g. "an object". */
export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}
