import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { dryRunOption } from '../../../common/dryRun';
import { incompleteAnswerError } from '../../../common/requestErrors';
import { parameterReader } from '../../../common/parameters';
import { quietHoursOption } from '../../../common/quietHours';
import { runOperation } from '../../../common/runner/runOperation';
import { optionsCollection } from '../../../common/optionsCollection';
import { credentialFields } from '../../../common/credentials';
import { isBatchId, parseTextAnswer } from '../../transport/parseAnswer';
import { callJiazhiyuan, CREDENTIAL_TYPE, unexpectedAnswer } from '../../transport/request';
import { SMS_TYPES } from '../../transport/smsTypes';
import { readTimeout, timeoutOption } from '../shared/options';
import { previewItem, sentItem } from './itemOutput';
import { failIfRepeatLost } from './lostRepeats';
import { prepareSend, sharedMessages } from './prepareSend';
import type { Readers } from './prepareSend';
import { planSend } from './sendPlan';

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
			...SMS_TYPES,
		],
		default: 'default',
		description: 'Which channel and balance to send with (smstype)',
	},
	optionsCollection([
		{
			displayName: 'Combine Items',
			name: 'combineItems',
			type: 'boolean',
			default: true,
			description:
				'Whether items with the same content and settings are sent together in as few calls as possible. Every item still gets its own result with its own numbers.',
		},
		{
			displayName: 'Skip Repeated Numbers',
			name: 'skipRepeats',
			type: 'boolean',
			default: true,
			description:
				"Whether a number that an earlier item already sends the same message to (same content, SMS type, long-SMS setting and extension) is left out of later items, so that nobody gets the same text twice in one execution and it is paid once. The item that leaves it out names the item that sends it; if that item's call fails, this item fails too and says so. Turn off only to send repeats on purpose.",
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
		dryRunOption,
		quietHoursOption,
		timeoutOption,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['send'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const credentials = await credentialFields(this, CREDENTIAL_TYPE);
	const defaultSmsType = String(credentials.smsType ?? '1');
	const options = this.getNodeParameter('options', 0, {}) as { combineItems?: boolean; skipRepeats?: boolean };
	const readers: Readers = {
		smsType: parameterReader(this, 'smsType', 'default'),
		options: parameterReader(this, 'options', {}),
		content: parameterReader<unknown>(this, 'content', ''),
		sameMessage: sharedMessages(),
	};
	return await runOperation(this, items, {
		validate: (itemIndex) => prepareSend(this, itemIndex, defaultSmsType, readers),
		plan: (inputs) => planSend(inputs, { skipRepeats: options.skipRepeats !== false, combineItems: options.combineItems !== false }),
		send: async (call) => await sendCall(this, call.items[0], call.fields, readTimeout(this, call.items[0])),
		output: (itemIndex, input, batchIds, { plan, results }) => {
			// A number left out as a repeat is done only when the call that carried it went out.
			if (results.anyFailed) failIfRepeatLost(this.getNode(), itemIndex, plan.of(itemIndex), plan.calls, results);
			return sentItem(input, plan.of(itemIndex), batchIds);
		},
		preview: (itemIndex, input, plan) => previewItem(input, plan.of(itemIndex), plan.sharesOf(itemIndex)),
		spends: { noun: 'call', listName: 'batch ids', id: (_call, batchId) => batchId, recipients: (call) => call.fields.mobile },
		failedExtras: (outcome) => (outcome.answers.length ? { partlySentBatchIds: outcome.answers } : {}),
		quietHours: true,
	});
}

async function sendCall(ctx: IExecuteFunctions, itemIndex: number, fields: Record<string, string>, timeoutMs?: number): Promise<string> {
	const reply = await callJiazhiyuan(ctx, { method: 'sendSMS', itemIndex, fields, timeoutMs });
	const answer = parseTextAnswer(reply.text);
	if (answer.kind !== 'success') return await unexpectedAnswer(ctx, itemIndex, reply, 'send');
	if (!isBatchId(answer.value)) {
		throw incompleteAnswerError(ctx.getNode(), itemIndex, { provider: 'jiazhiyuan', product: 'sms', missing: 'batch id', sent: true });
	}
	return answer.value;
}
