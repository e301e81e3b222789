import type { IExecuteFunctions } from 'n8n-workflow';

import { checkContent } from '../../../common/content';
import type { ContentRules } from '../../../common/content';
import { invalidInput } from '../../../common/errors';
import { readMobileList } from '../../../common/mobileList';
import { readText } from '../../../common/parameters';
import { characterCount, countSegments } from '../../../common/segments';
import { firstUnencodable } from '../../../common/gbk';
import { isSmsType } from '../../transport/smsTypes';

/** Jiazhiyuan's rules for message text, for the one content check (nodes/common/content.ts). */
const CONTENT_RULES: ContentRules = {
	provider: 'Jiazhiyuan',
	maxCharacters: 1000,
	tooLongFix: (over) => `Shorten the text by ${over} character(s).`,
	refuse: (content) => {
		const bad = firstUnencodable(content);
		if (!bad) return undefined;
		const codePoint = bad.character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
		return {
			problem: `contains "${bad.character}" (U+${codePoint}) at character ${bad.position}, which GBK cannot encode`,
			fix: 'Jiazhiyuan takes GBK text: remove emoji and characters outside GBK, or replace them (it would otherwise arrive as "?").',
		};
	},
};

/** What an item sends to its numbers. */
export interface Message {
	content: string;
	smsType: string;
	isLongSms: '0' | '1';
	extenno: string;
	segments: number;
}

/** One item of a send, read and checked before anything is sent. */
export interface PreparedSend {
	numbers: string[];
	duplicatesRemoved: number;
	/**
	 * Items in a row that send the same message share one object: a bulk send holds all its
	 * items until it ends, and 100,000 copies of the same five fields cost 4 MB.
	 */
	message: Message;
}

/** Readers of the parameters that are the same for every item unless an expression says otherwise. */
export interface Readers {
	smsType: (itemIndex: number) => string;
	options: (itemIndex: number) => { extenno?: unknown; longSms?: string };
	content: (itemIndex: number) => unknown;
	/** See sharedMessages. */
	sameMessage: (message: Message) => Message;
}

export function prepareSend(ctx: IExecuteFunctions, itemIndex: number, defaultSmsType: string, readers: Readers): PreparedSend {
	const node = ctx.getNode();
	const list = readMobileList(ctx.getNodeParameter('mobiles', itemIndex, '') as unknown);
	if ('error' in list) {
		throw invalidInput(node, itemIndex, 'Mobiles', list.error, 'Map text with numbers separated by commas, or a list of numbers.');
	}
	if (list.invalid.length > 0) {
		const shown = list.invalid.slice(0, 10).map((entry) => `"${entry.value}"`).join(', ');
		const more = list.invalid.length > 10 ? ` and ${list.invalid.length - 10} more` : '';
		throw invalidInput(
			node,
			itemIndex,
			'Mobiles',
			`has ${list.invalid.length} invalid number(s): ${shown}${more}`,
			'Each number must be a mainland-China mobile: 11 digits starting with 1 (a +86 prefix, spaces and dashes inside a number are removed). Separate numbers with commas, semicolons or new lines. Fix or remove the numbers listed.',
		);
	}
	if (list.numbers.length === 0) {
		throw invalidInput(node, itemIndex, 'Mobiles', 'is empty', 'Enter at least one mobile number.');
	}
	const rawContent = readers.content(itemIndex);
	const content = typeof rawContent === 'string' ? rawContent : readText(ctx, 'content', itemIndex, 'Content');
	checkContent(node, itemIndex, content, 'Content', CONTENT_RULES);
	const chosen = readers.smsType(itemIndex);
	const smsType = chosen === 'default' ? defaultSmsType : chosen;
	if (!isSmsType(smsType)) {
		throw invalidInput(node, itemIndex, 'SMS Type', `must be 0, 1 or 2, got "${smsType}"`, 'Choose Card (0), Gateway (1) or Member (2).');
	}
	const options = readers.options(itemIndex);
	const extenno = String(options.extenno ?? '').trim();
	if (extenno !== '' && !/^\d{1,12}$/.test(extenno)) {
		throw invalidInput(node, itemIndex, 'Extension Number', `"${extenno}" is not 1 to 12 digits`, 'Enter the extension sub-number as digits only, or leave it empty.');
	}
	const longSms = options.longSms ?? 'auto';
	const isLongSms = longSms === 'always' || (longSms === 'auto' && characterCount(content) > 70) ? '1' : '0';
	return { numbers: list.numbers, duplicatesRemoved: list.duplicates, message: readers.sameMessage({ content, smsType, isLongSms, extenno, segments: countSegments(content) }) };
}

/** The message of the previous item when this one sends the same, else this one's. */
export function sharedMessages(): (message: Message) => Message {
	let previous: Message | undefined;
	return (message) => {
		const same =
			previous &&
			previous.content === message.content &&
			previous.smsType === message.smsType &&
			previous.isLongSms === message.isLongSms &&
			previous.extenno === message.extenno;
		if (!same) previous = message;
		return previous!;
	};
}
