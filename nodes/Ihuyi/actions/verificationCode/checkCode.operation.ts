import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataTableProjectService, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { dataTableParameter, openDataTable, stateError } from '../../../common/dataTable';
import { invalidInput } from '../../../common/errors';
import { readText } from '../../../common/parameters';
import { parseInternationalNumber, toHalfWidth } from '../../../common/phone';
import { runItems } from '../../../common/runItems';
import { readMainlandMobile } from '../shared/validate';
import { CODE_COLUMNS, CodeStoreBusyError, checkCode } from './codeStore';
import type { CheckReason, CodeLimits } from './codeState';
import { maxAttemptsOption, purposeParameter, readLimits, readPurpose } from './parameters';

const properties: INodeProperties[] = [
	dataTableParameter,
	{
		displayName: 'Number Type',
		name: 'numberType',
		type: 'options',
		options: [
			{ name: 'Mainland China Mobile', value: 'mainland', description: 'The code went by SMS or voice code' },
			{ name: 'International Number', value: 'international', description: 'The code went by international SMS' },
		],
		default: 'mainland',
	},
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 13800138000',
		description: 'The number the code was sent to, as given to Send Code',
		displayOptions: { show: { numberType: ['mainland'] } },
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +85261234567',
		description: 'The number the code was sent to, with + and the country code',
		displayOptions: { show: { numberType: ['international'] } },
	},
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123456',
		description: 'The code the person typed',
	},
	purposeParameter,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [maxAttemptsOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['verificationCode'], operation: ['checkCode'] } }, properties);

interface PreparedCheck {
	mobile: string;
	purpose: string;
	typed: string;
	limits: CodeLimits;
}

const MESSAGES: Record<CheckReason, string> = {
	valid: 'The code is right; it is now used up.',
	wrong: 'The code is wrong.',
	expired: 'The code has expired; send a new one.',
	already_used: 'The code was already used; send a new one.',
	too_many_attempts: 'Too many wrong codes were tried; send a new one.',
	none_sent: 'No code was sent to this number (for this purpose).',
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	let table: Promise<IDataTableProjectService> | undefined;
	return await runItems<PreparedCheck>(this, items.length, {
		sends: false,
		prepare: (itemIndex) => prepare(this, itemIndex),
		perform: async (prepared, itemIndex) => {
			table ??= openDataTable(this, itemIndex, CODE_COLUMNS);
			let result;
			try {
				result = await checkCode(await table, { mobile: prepared.mobile, purpose: prepared.purpose }, prepared.typed, prepared.limits, Date.now);
			} catch (error) {
				throw stateError(this, itemIndex, error, { is: error instanceof CodeStoreBusyError, hint: 'Many checks for one number arrived at once. Try again in a moment.' });
			}
			return {
				mobile: prepared.mobile,
				purpose: prepared.purpose,
				valid: result.reason === 'valid',
				reason: result.reason,
				attemptsLeft: result.reason === 'valid' ? 0 : result.attemptsLeft,
				message: MESSAGES[result.reason],
			};
		},
	});
}

function prepare(ctx: IExecuteFunctions, itemIndex: number): PreparedCheck {
	const node = ctx.getNode();
	const limits = readLimits(ctx, itemIndex);
	const purpose = readPurpose(ctx, itemIndex);
	let mobile: string;
	if (ctx.getNodeParameter('numberType', itemIndex, 'mainland') === 'international') {
		const parsed = parseInternationalNumber(readText(ctx, 'phoneNumber', itemIndex, 'Phone Number'));
		if (!parsed.ok) throw invalidInput(node, itemIndex, 'Phone Number', parsed.reason, 'Enter the number with + and the country code, e.g. +85261234567.');
		mobile = `${parsed.countryCode} ${parsed.nationalNumber}`;
	} else {
		mobile = readMainlandMobile(ctx, itemIndex);
	}
	const raw = readText(ctx, 'code', itemIndex, 'Code');
	const typed = toHalfWidth(raw).replace(/\s+/g, '');
	if (!/^\d{4,8}$/.test(typed)) {
		throw invalidInput(node, itemIndex, 'Code', typed === '' ? 'is empty' : 'is not 4 to 8 digits', 'Map the code the person typed, e.g. {{ $json.body.code }}; codes are 4 to 8 digits.');
	}
	return { mobile, purpose, typed, limits };
}
