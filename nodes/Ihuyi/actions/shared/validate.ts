import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ContentRules } from '../../../common/content';
import { invalidInput } from '../../../common/errors';
import { entryCount, readMobileList } from '../../../common/mobileList';
import { findEmoji } from '../../../common/characters';

/** The Mobile field that readOneNumber reads; the products differ in what they say of it. */
export function oneNumberProperty(placeholder: string, description: string): INodeProperties {
	return { displayName: 'Mobile', name: 'mobile', type: 'string', required: true, default: '', placeholder, description };
}

/**
 * The one number of an item, read like every number list of this package
 * (nodes/common/mobileList.ts): ihuyi's SMS, voice codes and voice notifications go to
 * exactly one number. Only a voice notification can call a fixed line (`fixedLines`).
 */
export function readOneNumber(ctx: IExecuteFunctions, itemIndex: number, options: { fixedLines?: boolean } = {}): string {
	const node = ctx.getNode();
	const fix = options.fixedLines
		? 'Enter one mainland-China number: a mobile of 11 digits starting with 1 (e.g. 13800138000), or a fixed line with its area code (e.g. 02151234567 or 021-5123 4567). A +86 prefix, spaces and dashes are removed.'
		: 'Enter one mainland-China mobile number: 11 digits starting with 1, e.g. 13800138000 (a +86 prefix, spaces and dashes are removed). For numbers outside mainland China use the International SMS resource.';
	const list = readMobileList(ctx.getNodeParameter('mobile', itemIndex, '') as unknown, options);
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

/**
 * ihuyi's rules for message text, for the one content check (nodes/common/content.ts).
 * `refuseSignature` is for full domestic SMS text only: template variables are values that
 * ihuyi puts into an approved template, not the text a signature could be written into.
 * `refuseSlot` is for any full text that must match a template: a 【变量】 left in it would
 * be sent (or read out) as it stands. `spoken` text is read out in one call, not billed in parts.
 */
export function ihuyiContent(options: { allowEmoji: boolean; maxCharacters: number; refuseSignature?: boolean; refuseSlot?: boolean; spoken?: boolean }): ContentRules {
	const checks = [
		options.allowEmoji ? undefined : refuseEmoji,
		options.refuseSlot || options.refuseSignature ? refuseSlot : undefined,
		options.refuseSignature ? refuseSignature : undefined,
	].filter(
		(check): check is Refusal => check !== undefined,
	);
	return {
		provider: 'ihuyi',
		maxCharacters: options.maxCharacters,
		tooLongFix: (over) =>
			options.spoken
				? `Shorten the text by ${over} character(s): ihuyi refuses longer content (code 4073).`
				: `Shorten the text by ${over} character(s): ihuyi refuses longer content (code 4073), and long messages are billed per 67 characters anyway.`,
		refuse: checks.length === 0 ? undefined : (content) => checks.map((check) => check(content)).find((refused) => refused !== undefined),
	};
}

type Refusal = (content: string) => { problem: string; fix: string } | undefined;

function refuseEmoji(content: string): { problem: string; fix: string } | undefined {
	const emoji = findEmoji(content);
	if (!emoji) return undefined;
	return {
		problem: `contains the emoji "${emoji.character}" at character ${emoji.position}; ihuyi rejects emoji (code 4074)`,
		fix: 'Remove emoji from the text: Chinese carriers do not deliver them.',
	};
}

const BRACKETED = /【[^【】]*】/u;

const SLOT = '【变量】';

function refuseSlot(content: string): { problem: string; fix: string } | undefined {
	if (!content.includes(SLOT)) return undefined;
	return {
		problem: `contains the template slot ${SLOT}; ihuyi expects the text with the value in its place`,
		fix: `Replace ${SLOT} with the value (e.g. the code), or set Send Mode to Template and give the value as a Template Variable.`,
	};
}

/**
 * ihuyi adds the approved signature to every domestic SMS itself ("短信签名无需放在内容中，
 * 系统会自动添加") and refuses content that writes one (code 4070, 签名格式不正确); its
 * templates cannot hold 【】 either, so a 【…】 in the text is never deliverable.
 */
function refuseSignature(content: string): { problem: string; fix: string } | undefined {
	const found = BRACKETED.exec(content)?.[0];
	if (!found) return undefined;
	return {
		problem: `contains "${found}"; ihuyi adds your approved signature itself and refuses content with a 【…】 in it (code 4070)`,
		fix: `Remove "${found}" from the text: ihuyi puts your approved signature in front of every message.`,
	};
}
