import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { asNodeError, errorToItemJson, incompleteAnswerError, invalidInput } from '../../../common/errors';
import { readMobileList } from '../../../common/mobileList';
import { hasLoneSurrogate, parameterReader, readText } from '../../../common/parameters';
import { characterCount, countSegments } from '../../../common/segments';
import { firstUnencodable } from '../../transport/gbk';
import { MAX_NUMBERS_PER_CALL } from '../../transport/numbers';
import { isBatchId, parseTextAnswer } from '../../transport/parseAnswer';
import { callJiazhiyuan, CREDENTIAL_TYPE, unexpectedAnswer } from '../../transport/request';
import { timeoutOption } from '../shared/options';

const MAX_CONTENT_CHARACTERS = 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Mobiles',
		name: 'mobiles',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		placeholder: 'e.g. 13800138000, 13900139000',
		description:
			'One or more mainland-China mobiles, separated by commas or new lines, or a list from an expression. Lists of any length are split into calls of 20,000 numbers.',
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. 【嘉之元】您的订单已发货，请注意查收。',
		description: 'The message text. It is sent GBK-encoded: emoji and characters outside GBK are refused before sending.',
		hint: 'Start with your approved signature in 【】, e.g. 【嘉之元】: Jiazhiyuan does not add it for you',
	},
	{
		displayName: 'SMS Type',
		name: 'smsType',
		type: 'options',
		options: [
			{ name: 'Credential Default', value: 'default', description: 'The Default SMS Type of the credential' },
			{ name: 'Card (卡发, 0)', value: '0' },
			{ name: 'Gateway (网关, 1)', value: '1' },
			{ name: 'Member (会员, 2)', value: '2' },
		],
		default: 'default',
		description: 'Which channel and balance to send with (smstype)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Combine Items',
				name: 'combineItems',
				type: 'boolean',
				default: true,
				description:
					'Whether items with the same content and settings are sent together in as few calls as possible. Every item still gets its own result with its own numbers.',
			},
			{
				displayName: 'Extension Number',
				name: 'extenno',
				type: 'string',
				default: '',
				placeholder: 'e.g. 123',
				description: 'The channel extension sub-number (扩展子号, extenno), digits only; replies to it come back with this receiver',
			},
			{
				displayName: 'Long SMS',
				name: 'longSms',
				type: 'options',
				options: [
					{ name: 'Automatic', value: 'auto', description: 'Long SMS when the content has more than 70 characters' },
					{ name: 'Always', value: 'always' },
					{ name: 'Never', value: 'never' },
				],
				default: 'auto',
				description: 'Whether to send as one long SMS (加长短信, isLongSms) rather than separate messages',
			},
			timeoutOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['send'] } }, properties);

interface PreparedSend {
	numbers: string[];
	content: string;
	smsType: string;
	isLongSms: '0' | '1';
	extenno: string;
	segments: number;
	duplicatesRemoved: number;
}

interface ItemOutcome {
	batchIds: string[];
	failed?: unknown;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const continueOnFail = this.continueOnFail();
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const defaultSmsType = String(credentials.smsType ?? '1');
	const options = this.getNodeParameter('options', 0, {}) as { combineItems?: boolean; timeout?: number };
	const combine = options.combineItems !== false;
	const timeoutMs = options.timeout;

	// 1. Validate every item before anything is sent.
	const readers: Readers = {
		smsType: parameterReader(this, 'smsType', 'default'),
		options: parameterReader(this, 'options', {}),
		content: parameterReader<unknown>(this, 'content', ''),
	};
	const prepared: Array<PreparedSend | { error: unknown }> = items.map((_, itemIndex) => {
		try {
			return prepare(this, itemIndex, defaultSmsType, readers);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(node, error, itemIndex);
			return { error };
		}
	});

	// 2. Group items that can share calls; keep the items' order within a group.
	const groups = new Map<string, number[]>();
	prepared.forEach((entry, itemIndex) => {
		if ('error' in entry) return;
		const key = combine
			? JSON.stringify([entry.content, entry.smsType, entry.isLongSms, entry.extenno])
			: `item ${itemIndex}`;
		const members = groups.get(key) ?? [];
		members.push(itemIndex);
		groups.set(key, members);
	});

	// 3. One call per 20,000 numbers of a group.
	const outcomes = new Map<number, ItemOutcome>();
	const sentBatches: string[] = [];
	for (const members of groups.values()) {
		const first = prepared[members[0]] as PreparedSend;
		const numbers: string[] = [];
		const owners: number[] = [];
		for (const itemIndex of members) {
			for (const number of (prepared[itemIndex] as PreparedSend).numbers) {
				numbers.push(number);
				owners.push(itemIndex);
			}
		}
		for (let start = 0; start < numbers.length; start += MAX_NUMBERS_PER_CALL) {
			const end = Math.min(start + MAX_NUMBERS_PER_CALL, numbers.length);
			const itemsInCall = [...new Set(owners.slice(start, end))];
			try {
				const batchId = await sendCall(this, itemsInCall[0], {
					mobile: numbers.slice(start, end).join(','),
					content: first.content,
					smstype: first.smsType,
					isLongSms: first.isLongSms,
					extenno: first.extenno,
				}, timeoutMs);
				sentBatches.push(batchId);
				for (const itemIndex of itemsInCall) {
					const outcome = outcomes.get(itemIndex) ?? { batchIds: [] };
					outcome.batchIds.push(batchId);
					outcomes.set(itemIndex, outcome);
				}
			} catch (error) {
				if (!continueOnFail) {
					if (sentBatches.length > 0) noteSentBatches(error, sentBatches);
					throw asNodeError(node, error);
				}
				for (const itemIndex of itemsInCall) {
					const outcome = outcomes.get(itemIndex) ?? { batchIds: [] };
					outcome.failed = error;
					outcomes.set(itemIndex, outcome);
				}
			}
		}
	}

	// 4. One result per item, in input order.
	return prepared.map((entry, itemIndex) => {
		if ('error' in entry) return { json: errorToItemJson(entry.error), pairedItem: { item: itemIndex } };
		const outcome = outcomes.get(itemIndex) ?? { batchIds: [] };
		const json: IDataObject = outcome.failed
			? {
					...errorToItemJson(outcome.failed),
					...(outcome.batchIds.length ? { partlySentBatchIds: outcome.batchIds } : {}),
				}
			: {
					provider: 'jiazhiyuan',
					success: true,
					batchId: outcome.batchIds[0],
					batchIds: outcome.batchIds,
					mobiles: { count: entry.numbers.length, list: entry.numbers },
					duplicatesRemoved: entry.duplicatesRemoved,
					segments: entry.segments,
					smsType: entry.smsType,
					longSms: entry.isLongSms === '1',
				};
		return { json, pairedItem: { item: itemIndex } };
	});
}

interface Readers {
	smsType: (itemIndex: number) => string;
	options: (itemIndex: number) => { extenno?: unknown; longSms?: string };
	content: (itemIndex: number) => unknown;
}

function prepare(ctx: IExecuteFunctions, itemIndex: number, defaultSmsType: string, readers: Readers): PreparedSend {
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

async function sendCall(ctx: IExecuteFunctions, itemIndex: number, fields: Record<string, string>, timeoutMs?: number): Promise<string> {
	const reply = await callJiazhiyuan(ctx, { method: 'sendSMS', itemIndex, fields, timeoutMs });
	const answer = parseTextAnswer(reply.text);
	if (answer.kind !== 'success') return await unexpectedAnswer(ctx, itemIndex, reply);
	if (!isBatchId(answer.value)) {
		throw incompleteAnswerError(ctx.getNode(), itemIndex, { provider: 'jiazhiyuan', product: 'sms', missing: 'batch id', sent: true });
	}
	return answer.value;
}

function noteSentBatches(error: unknown, batches: string[]): void {
	if (!error || typeof error !== 'object') return;
	const note = `${batches.length} call(s) were already sent before this failure (batch ids ${batches.slice(0, 10).join(', ')}${batches.length > 10 ? ' …' : ''}). Running the workflow again sends those numbers again; turn on "Continue On Fail" to get one result per item instead.`;
	const target = error as { description?: string | null };
	target.description = target.description ? `${target.description} ${note}` : note;
}


