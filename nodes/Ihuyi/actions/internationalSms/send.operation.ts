import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkContent } from '../../../common/content';
import { dryRunOption } from '../../../common/dryRun';
import { quietHoursOption } from '../../../common/quietHours';
import { invalidInput } from '../../../common/errors';
import { readText } from '../../../common/parameters';
import { parseInternationalNumber } from '../../../common/phone';
import { countInternationalSegments } from '../../../common/segments';
import { INTERNATIONAL_SMS_MAX_CHARACTERS } from '../../transport/contentLimits';
import { concurrencyOption, timeoutOption } from '../shared/options';
import { runOperation } from '../../../common/runner/runOperation';
import { optionsCollection } from '../../../common/optionsCollection';
import { ihuyiSendOperation } from '../shared/sendOperation';
import { ihuyiContent } from '../shared/validate';

const properties: INodeProperties[] = [
	{
		displayName: 'Number Format',
		name: 'numberFormat',
		type: 'options',
		options: [
			{ name: 'Full International Number', value: 'e164', description: 'One field with a + and the country code, e.g. +85261234567' },
			{ name: 'Country Code and Number', value: 'separate', description: 'The country code and the national number in two fields' },
		],
		default: 'e164',
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +85261234567',
		description: 'The number in international (E.164) format, starting with + and the country code',
		displayOptions: { show: { numberFormat: ['e164'] } },
	},
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 852',
		description: 'The country calling code, without + or 00',
		displayOptions: { show: { numberFormat: ['separate'] } },
	},
	{
		displayName: 'National Number',
		name: 'nationalNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 61234567',
		description: 'The number without the country code',
		displayOptions: { show: { numberFormat: ['separate'] } },
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. Your verification code is 1125',
		description: `The message text, at most ${INTERNATIONAL_SMS_MAX_CHARACTERS} characters`,
		hint: 'Must match an approved international template (国际短信模版) of your ihuyi account',
	},
	optionsCollection([concurrencyOption, dryRunOption, quietHoursOption, timeoutOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['internationalSms'], operation: ['send'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await runOperation(this, items, ihuyiSendOperation<{ mobile: string; content: string }>(this, {
		product: 'internationalSms',
		validate: (itemIndex) => {
			const format = this.getNodeParameter('numberFormat', itemIndex, 'e164') as string;
			const parsed =
				format === 'separate'
					? parseInternationalNumber(
							readText(this, 'nationalNumber', itemIndex, 'National Number'),
							readText(this, 'countryCode', itemIndex, 'Country Code'),
						)
					: parseInternationalNumber(readText(this, 'phoneNumber', itemIndex, 'Phone Number'));
			if (!parsed.ok) {
				throw invalidInput(
					node,
					itemIndex,
					format === 'separate' ? 'Country Code / National Number' : 'Phone Number',
					parsed.reason,
					format === 'separate'
						? 'Enter the country calling code (e.g. 852) and the national number (e.g. 61234567).'
						: 'Enter the number with + and the country code, e.g. +85261234567.',
				);
			}
			const content = readText(this, 'content', itemIndex, 'Content');
			checkContent(node, itemIndex, content, 'Content', ihuyiContent({ allowEmoji: true, maxCharacters: INTERNATIONAL_SMS_MAX_CHARACTERS }));
			// ihuyi's format for international numbers: "<country code> <number>".
			return { mobile: `${parsed.countryCode} ${parsed.nationalNumber}`, content };
		},
		fields: (input) => ({ mobile: input.mobile, content: input.content }),
		output: (input) => ({ segments: countInternationalSegments(input.content) }),
		billedMessages: (input) => countInternationalSegments(input.content),
	}));
}
