import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../common/errors';
import { readMobileList } from '../../../common/mobileList';
import { hasLoneSurrogate, readText } from '../../../common/parameters';
import { characterCount, countSegments } from '../../../common/segments';
import { firstUnencodable } from '../../transport/gbk';

const MAX_CONTENT_CHARACTERS = 1000;

/** One item of a send, read and checked before anything is sent. */
export interface PreparedSend {
	numbers: string[];
	content: string;
	smsType: string;
	isLongSms: '0' | '1';
	extenno: string;
	segments: number;
	duplicatesRemoved: number;
}

/** Readers of the parameters that are the same for every item unless an expression says otherwise. */
export interface Readers {
	smsType: (itemIndex: number) => string;
	options: (itemIndex: number) => { extenno?: unknown; longSms?: string };
	content: (itemIndex: number) => unknown;
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
	if (content.trim() === '') throw invalidInput(node, itemIndex, 'Content', 'is empty', 'Enter the text to send.');
	if (hasLoneSurrogate(content)) {
		throw invalidInput(node, itemIndex, 'Content', 'contains a broken character (half of a surrogate pair)', 'Fix the expression that builds the text: it cut a character in half.');
	}
	const length = characterCount(content);
	if (length > MAX_CONTENT_CHARACTERS) {
		throw invalidInput(node, itemIndex, 'Content', `is ${length} characters long; at most ${MAX_CONTENT_CHARACTERS} are sent`, 'Shorten the text.');
	}
	const bad = firstUnencodable(content);
	if (bad) {
		throw invalidInput(
			node,
			itemIndex,
			'Content',
			`contains "${bad.character}" (U+${bad.character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) at character ${bad.position}, which GBK cannot encode`,
			'Jiazhiyuan takes GBK text: remove emoji and characters outside GBK, or replace them (it would otherwise arrive as "?").',
		);
	}
	const chosen = readers.smsType(itemIndex);
	const smsType = chosen === 'default' ? defaultSmsType : chosen;
	if (!['0', '1', '2'].includes(smsType)) {
		throw invalidInput(node, itemIndex, 'SMS Type', `must be 0, 1 or 2, got "${smsType}"`, 'Choose Card (0), Gateway (1) or Member (2).');
	}
	const options = readers.options(itemIndex);
	const extenno = String(options.extenno ?? '').trim();
	if (extenno !== '' && !/^\d{1,12}$/.test(extenno)) {
		throw invalidInput(node, itemIndex, 'Extension Number', `"${extenno}" is not 1 to 12 digits`, 'Enter the extension sub-number as digits only, or leave it empty.');
	}
	const longSms = options.longSms ?? 'auto';
	const isLongSms = longSms === 'always' || (longSms === 'auto' && length > 70) ? '1' : '0';
	return {
		numbers: list.numbers,
		content,
		smsType,
		isLongSms,
		extenno,
		segments: countSegments(content),
		duplicatesRemoved: list.duplicates,
	};
}
