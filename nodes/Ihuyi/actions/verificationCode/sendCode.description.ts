import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { dataTableParameter } from '../../../common/dataTable';
import { dryRunOption } from '../../../common/dryRun';
import { concurrencyOption, timeoutOption } from '../shared/options';
import { purposeParameter, sendLimitOptions } from './parameters';

export const CODE_PLACEHOLDER = '{code}';

const properties: INodeProperties[] = [
	dataTableParameter,
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'SMS (验证码短信)', value: 'sms', description: 'A mainland-China mobile, with the SMS credential' },
			{ name: 'International SMS (国际短信)', value: 'internationalSms', description: 'A number outside mainland China, with the International SMS credential' },
			{ name: 'Voice Code (语音验证码)', value: 'voiceCode', description: 'A call to the mainland-China mobile in which ihuyi reads the code out, with the Voice Code credential' },
		],
		default: 'sms',
	},
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 13800138000',
		description: 'One mainland-China mobile number (11 digits). A +86 prefix, spaces and dashes are removed.',
		displayOptions: { show: { channel: ['sms', 'voiceCode'] } },
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +85261234567',
		description: 'The number in international (E.164) format, starting with + and the country code',
		displayOptions: { show: { channel: ['internationalSms'] } },
	},
	purposeParameter,
	{
		displayName: 'Code Length',
		name: 'codeLength',
		type: 'number',
		typeOptions: { minValue: 4, maxValue: 8 },
		default: 6,
		description: 'Digits of the code the node makes: 4 to 8 (a voice code: 4 to 6)',
	},
	{
		displayName: 'Send Mode',
		name: 'sendMode',
		type: 'options',
		options: [
			{ name: 'Template (模板)', value: 'template', description: 'Send a template ID; the code is its one variable' },
			{ name: 'Full Text', value: 'fullText', description: `Send the whole text; ${CODE_PLACEHOLDER} marks where the code goes` },
		],
		default: 'template',
		displayOptions: { show: { channel: ['sms'] } },
	},
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'string',
		required: true,
		default: '1',
		description: 'The template ID (模板ID) from the ihuyi console; ID 1 is the default verification-code template (您的验证码是：【变量】…)',
		displayOptions: { show: { channel: ['sms'], sendMode: ['template'] } },
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: `您的验证码是：${CODE_PLACEHOLDER}。请不要把验证码泄露给其他人。`,
		description: `The message; ${CODE_PLACEHOLDER} is replaced by the code. It must match an approved template once the code is in.`,
		displayOptions: { show: { channel: ['sms'], sendMode: ['fullText'] } },
	},
	{
		displayName: 'Content',
		name: 'internationalContent',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: `Your verification code is ${CODE_PLACEHOLDER}`,
		description: `The message; ${CODE_PLACEHOLDER} is replaced by the code. It must match an approved international template.`,
		displayOptions: { show: { channel: ['internationalSms'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			concurrencyOption,
			dryRunOption,
			...sendLimitOptions,
			{
				displayName: 'Return Code',
				name: 'returnCode',
				type: 'boolean',
				default: false,
				description: 'Whether the output holds the code itself (verificationCode). Off, the code exists only in the message and as a salted hash in the Data Table.',
			},
			timeoutOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['verificationCode'], operation: ['sendCode'] } }, properties);
