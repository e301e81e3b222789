import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../common/errors';
import { findEmoji, hasLoneSurrogate } from '../../../common/parameters';
import { entryCount, readMobileList } from '../../../common/mobileList';
import { characterCount } from '../../../common/segments';

/**
 * The one mainland mobile of an item, read like every number list of this package
 * (nodes/common/mobileList.ts): ihuyi's SMS and voice codes go to exactly one number.
 */
export function readMainlandMobile(ctx: IExecuteFunctions, itemIndex: number): string {
	const node = ctx.getNode();
	const fix =
		'Enter one mainland-China mobile number: 11 digits starting with 1, e.g. 13800138000 (a +86 prefix, spaces and dashes are removed). For numbers outside mainland China use the International SMS resource.';
	const list = readMobileList(ctx.getNodeParameter('mobile', itemIndex, '') as unknown);
	if ('error' in list) throw invalidInput(node, itemIndex, 'Mobile', list.error, fix);
	const entries = entryCount(list);
	if (entries === 0) throw invalidInput(node, itemIndex, 'Mobile', 'is empty', fix);
	if (entries > 1) {
		throw invalidInput(
			node,
			itemIndex,
			'Mobile',
			`holds ${entries} numbers; ihuyi sends each message to one number`,
			'Give every number its own item (e.g. split a list with the Split Out node), then map one number into Mobile.',
		);
	}
	if (list.invalid.length > 0) throw invalidInput(node, itemIndex, 'Mobile', list.invalid[0].reason, fix);
	return list.numbers[0];
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
