import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../common/errors';
import { readText } from '../../../common/parameters';
import { DEFAULT_LIMITS } from './codeState';
import type { CodeLimits } from './codeState';

/** Parameters both operations share: the same number and purpose find the same code. */
export const purposeParameter: INodeProperties = {
	displayName: 'Purpose',
	name: 'purpose',
	type: 'string',
	default: '',
	placeholder: 'e.g. login',
	description: 'Keeps codes for different uses apart (e.g. login, reset-password): a code sent for one purpose is checked only for it. Leave empty for one code per number.',
};

const number = (name: string, displayName: string, value: number, min: number, max: number, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: min, maxValue: max },
	default: value,
	description,
});

export const sendLimitOptions: INodeProperties[] = [
	number('cooldownSeconds', 'Resend Cooldown (Seconds)', DEFAULT_LIMITS.cooldownSeconds, 0, 86400, 'How long after a code the same number waits before it may get another'),
	number('perHour', 'Max Codes per Hour', DEFAULT_LIMITS.perHour, 1, 100, 'How many codes one number may get in any 60 minutes'),
	number('perDay', 'Max Codes per Day', DEFAULT_LIMITS.perDay, 1, 100, "How many codes one number may get in any 24 hours; ihuyi itself refuses a sixth verification SMS a day to one number (code 4085)"),
	number('expirySeconds', 'Code Valid For (Seconds)', DEFAULT_LIMITS.expirySeconds, 30, 86400, 'How long a code can be checked after it was sent'),
];

export const maxAttemptsOption = number('maxAttempts', 'Max Wrong Attempts', DEFAULT_LIMITS.maxAttempts, 1, 100, 'How many wrong codes a sent code takes before it is refused for good (the number then needs a new code)');

export function readLimits(ctx: IExecuteFunctions, itemIndex: number): CodeLimits {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as Partial<Record<keyof CodeLimits, unknown>>;
	const read = (name: keyof CodeLimits, min: number): number => {
		const value = options[name] === undefined ? DEFAULT_LIMITS[name] : Number(options[name]);
		if (!Number.isInteger(value) || value < min) {
			throw invalidInput(ctx.getNode(), itemIndex, `Options → ${name}`, `must be a whole number of at least ${min}, got ${String(options[name])}`, 'Enter a whole number, or remove the option to use its default.');
		}
		return value;
	};
	return {
		cooldownSeconds: read('cooldownSeconds', 0),
		perHour: read('perHour', 1),
		perDay: read('perDay', 1),
		expirySeconds: read('expirySeconds', 1),
		maxAttempts: read('maxAttempts', 1),
	};
}

export function readPurpose(ctx: IExecuteFunctions, itemIndex: number): string {
	const purpose = readText(ctx, 'purpose', itemIndex, 'Purpose').trim();
	if (purpose.length > 64) {
		throw invalidInput(ctx.getNode(), itemIndex, 'Purpose', `is ${purpose.length} characters long`, 'Use a short name of at most 64 characters, e.g. login.');
	}
	return purpose;
}
