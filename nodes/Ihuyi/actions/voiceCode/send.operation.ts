import { randomInt } from 'crypto';
import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { dryRunOption } from '../../../common/dryRun';
import { quietHoursOption } from '../../../common/quietHours';
import { invalidInput } from '../../../common/errors';
import { readText } from '../../../common/parameters';
import { toHalfWidth } from '../../../common/phone';
import { concurrencyOption, timeoutOption } from '../shared/options';
import { runOperation } from '../../../common/runner/runOperation';
import { optionsCollection } from '../../../common/optionsCollection';
import { ihuyiSendOperation } from '../shared/sendOperation';
import { oneNumberProperty, readOneNumber } from '../shared/validate';

const properties: INodeProperties[] = [
	oneNumberProperty('e.g. 13800138000', 'One mainland-China mobile number (11 digits) that ihuyi will call'),
	{
		displayName: 'Code Source',
		name: 'codeSource',
		type: 'options',
		options: [
			{ name: 'Generate a Code', value: 'generate', description: 'The node makes a random code and returns it so the workflow can check it later' },
			{ name: 'Use My Code', value: 'provided', description: 'Speak a code the workflow already has' },
		],
		default: 'generate',
	},
	{
		displayName: 'Code Length',
		name: 'codeLength',
		type: 'options',
		options: [
			{ name: '4 Digits', value: 4 },
			{ name: '5 Digits', value: 5 },
			{ name: '6 Digits', value: 6 },
		],
		default: 6,
		displayOptions: { show: { codeSource: ['generate'] } },
	},
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1125',
		description: 'The verification code ihuyi reads out: 4 to 6 digits',
		displayOptions: { show: { codeSource: ['provided'] } },
	},
	optionsCollection([concurrencyOption, dryRunOption, quietHoursOption, timeoutOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['voiceCode'], operation: ['send'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await runOperation(this, items, ihuyiSendOperation<{ mobile: string; code: string }>(this, {
		product: 'voiceCode',
		validate: (itemIndex) => {
			const mobile = readOneNumber(this, itemIndex);
			const source = this.getNodeParameter('codeSource', itemIndex, 'generate') as string;
			if (source === 'provided') {
				const raw = readText(this, 'code', itemIndex, 'Code');
				const code = toHalfWidth(raw).trim();
				if (!/^\d{4,6}$/.test(code)) {
					throw invalidInput(node, itemIndex, 'Code', code === '' ? 'is empty' : `"${raw}" is not 4 to 6 digits`, 'ihuyi only reads out codes of 4 to 6 digits (0-9), e.g. 1125; or choose "Generate a Code".');
				}
				return { mobile, code };
			}
			const length = Number(this.getNodeParameter('codeLength', itemIndex, 6));
			if (![4, 5, 6].includes(length)) {
				throw invalidInput(node, itemIndex, 'Code Length', `must be 4, 5 or 6, got ${String(length)}`, 'Choose a code length of 4, 5 or 6 digits.');
			}
			return { mobile, code: generateCode(length) };
		},
		// ihuyi takes the code to read out as the content of the call.
		fields: (input) => ({ mobile: input.mobile, content: input.code }),
		// The code goes back to the workflow so that it can check what the user types in.
		output: (input) => ({ verificationCode: input.code }),
		// ihuyi bills one message per call, whatever the code's length.
		billedMessages: () => 1,
	}));
}

/** A uniformly random code from a cryptographic source; leading zeros are kept. */
export function generateCode(length: number): string {
	let code = '';
	for (let i = 0; i < length; i++) code += String(randomInt(10));
	return code;
}
