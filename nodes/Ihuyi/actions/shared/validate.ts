import type { IExecuteFunctions } from 'n8n-workflow';

import type { ContentRules } from '../../../common/content';
import { invalidInput } from '../../../common/errors';
import { entryCount, readMobileList } from '../../../common/mobileList';
import { findEmoji } from '../../../common/parameters';

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

/** ihuyi's rules for message text, for the one content check (nodes/common/content.ts). */
export function ihuyiContent(options: { allowEmoji: boolean; maxCharacters: number }): ContentRules {
	return {
		provider: 'ihuyi',
		maxCharacters: options.maxCharacters,
		tooLongFix: (over) =>
			`Shorten the text by ${over} character(s): ihuyi refuses longer content (code 4073), and long messages are billed per 67 characters anyway.`,
		refuse: options.allowEmoji ? undefined : refuseEmoji,
	};
}

function refuseEmoji(content: string): { problem: string; fix: string } | undefined {
	const emoji = findEmoji(content);
	if (!emoji) return undefined;
	return {
		problem: `contains the emoji "${emoji.character}" at character ${emoji.position}; ihuyi rejects emoji (code 4074)`,
		fix: 'Remove emoji from the text: Chinese carriers do not deliver them.',
	};
}
