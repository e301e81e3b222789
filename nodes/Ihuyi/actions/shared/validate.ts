import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../common/errors';
import { findEmoji, hasLoneSurrogate, readText } from '../../../common/parameters';
import { normaliseMainlandMobile } from '../../../common/phone';
import { characterCount } from '../../../common/segments';

export function readMainlandMobile(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = readText(ctx, 'mobile', itemIndex, 'Mobile');
	const result = normaliseMainlandMobile(raw);
	if (!result.ok) {
		throw invalidInput(
			ctx.getNode(),
			itemIndex,
			'Mobile',
			result.reason,
			'Enter one mainland-China mobile number: 11 digits starting with 1, e.g. 13800138000 (a +86 prefix, spaces and dashes are removed). For numbers outside mainland China use the International SMS resource.',
		);
	}
	return result.value;
}

export function checkContent(
	ctx: IExecuteFunctions,
	itemIndex: number,
	content: string,
	label: string,
	options: { allowEmoji: boolean; maxCharacters: number },
): void {
	const node = ctx.getNode();
	if (content.trim() === '') {
		throw invalidInput(node, itemIndex, label, 'is empty', `Enter the text to send in "${label}".`);
	}
	if (hasLoneSurrogate(content)) {
		throw invalidInput(
			node,
			itemIndex,
			label,
			'contains a broken character (half of a surrogate pair)',
			'The text was probably cut in the middle of an emoji or a rare character by an expression; fix the expression that builds it.',
		);
	}
	const length = characterCount(content);
	if (length > options.maxCharacters) {
		throw invalidInput(
			node,
			itemIndex,
			label,
			`is ${length} characters long; ihuyi accepts at most ${options.maxCharacters}`,
			`Shorten the text by ${length - options.maxCharacters} character(s): ihuyi refuses longer content (code 4073), and long messages are billed per 67 characters anyway.`,
		);
	}
	if (!options.allowEmoji) {
		const emoji = findEmoji(content);
		if (emoji) {
			throw invalidInput(
				node,
				itemIndex,
				label,
				`contains the emoji "${emoji.character}" at character ${emoji.position}; ihuyi rejects emoji (code 4074)`,
				'Remove emoji from the text: Chinese carriers do not deliver them.',
			);
		}
	}
}
