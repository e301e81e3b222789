import type { IDataObject, IDataTableProjectService, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { checkContent } from '../../../common/content';
import { openDataTable, stateError } from '../../../common/dataTable';
import { invalidInput } from '../../../common/errors';
import { readText } from '../../../common/parameters';
import { parseInternationalNumber } from '../../../common/phone';
import { DOMESTIC_SMS_MAX_CHARACTERS, INTERNATIONAL_SMS_MAX_CHARACTERS } from '../../transport/contentLimits';
import type { IhuyiProduct } from '../../transport/products';
import { sendItems } from '../shared/sendItems';
import { ihuyiContent, readMainlandMobile } from '../shared/validate';
import { makeCode } from './codeHash';
import { CODE_COLUMNS, CodeStoreBusyError, claimSend } from './codeStore';
import type { CodeLimits } from './codeState';
import { readLimits, readPurpose } from './parameters';
import { CODE_PLACEHOLDER } from './sendCode.description';

export { description } from './sendCode.description';

interface PreparedCode {
	mobile: string;
	purpose: string;
	code: string;
	content: string;
	templateId?: string;
	limits: CodeLimits;
	returnCode: boolean;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const channel = this.getNodeParameter('channel', 0, 'sms') as IhuyiProduct;
	// Opened once per execution, when the first item is about to be sent (never in a dry run).
	let table: Promise<IDataTableProjectService> | undefined;
	return await sendItems<PreparedCode>(this, items, {
		product: channel,
		prepare: (itemIndex) => prepare(this, channel, itemIndex),
		fields: (prepared): Record<string, string> => ({
			mobile: prepared.mobile,
			content: prepared.content,
			...(prepared.templateId ? { templateid: prepared.templateId } : {}),
		}),
		output: (prepared) => ({
			channel,
			purpose: prepared.purpose,
			// What the person receives, with the code masked unless Return Code is on.
			content: prepared.returnCode ? prepared.content : prepared.content.split(prepared.code).join('*'.repeat(prepared.code.length)),
			...(prepared.templateId ? { templateId: prepared.templateId } : {}),
			...(prepared.returnCode ? { verificationCode: prepared.code } : {}),
		}),
		billedMessages: () => 1,
		claim: async (prepared, itemIndex) => {
			table ??= openDataTable(this, itemIndex, CODE_COLUMNS);
			let decision;
			try {
				decision = await claimSend(await table, { mobile: prepared.mobile, purpose: prepared.purpose }, prepared.code, prepared.limits, Date.now);
			} catch (error) {
				// Fails closed: without a checked limit nothing is sent.
				throw stateError(this, itemIndex, error, { is: error instanceof CodeStoreBusyError, hint: 'Many requests for one number arrived at once. Try again in a moment.' });
			}
			if (!decision.allowed) {
				return {
					proceed: false,
					output: {
						provider: 'ihuyi',
						product: channel,
						channel,
						success: false,
						sent: false,
						mobile: prepared.mobile,
						purpose: prepared.purpose,
						limit: decision.limit,
						retryAfter: decision.retryAfter,
						message: refusalMessage(decision.limit, decision.retryAfter),
					},
				};
			}
			return {
				proceed: true,
				output: { sent: true, expiresAt: new Date(decision.expiresAt ?? Date.now()).toISOString(), retryAfter: prepared.limits.cooldownSeconds },
			};
		},
	});
}

function refusalMessage(limit: string, retryAfter: number): string {
	const what = limit === 'cooldown' ? 'A code was sent to this number moments ago' : limit === 'hourly' ? 'This number got its codes for this hour' : 'This number got its codes for today';
	return `${what}; it may get another in ${retryAfter} s. Nothing was sent.`;
}

function prepare(ctx: IExecuteFunctions, channel: IhuyiProduct, itemIndex: number): PreparedCode {
	const node = ctx.getNode();
	const limits = readLimits(ctx, itemIndex);
	const purpose = readPurpose(ctx, itemIndex);
	const returnCode = (ctx.getNodeParameter('options', itemIndex, {}) as IDataObject).returnCode === true;
	const length = Number(ctx.getNodeParameter('codeLength', itemIndex, 6));
	const [min, max] = channel === 'voiceCode' ? [4, 6] : [4, 8];
	if (!Number.isInteger(length) || length < min || length > max) {
		throw invalidInput(node, itemIndex, 'Code Length', `must be ${min} to ${max} digits, got ${String(length)}`, channel === 'voiceCode' ? 'ihuyi reads out codes of 4 to 6 digits.' : 'Choose 4 to 8 digits; 6 is usual.');
	}
	const code = makeCode(length);
	if (channel === 'voiceCode') return { mobile: readMainlandMobile(ctx, itemIndex), purpose, code, content: code, limits, returnCode };
	if (channel === 'internationalSms') {
		const parsed = parseInternationalNumber(readText(ctx, 'phoneNumber', itemIndex, 'Phone Number'));
		if (!parsed.ok) throw invalidInput(node, itemIndex, 'Phone Number', parsed.reason, 'Enter the number with + and the country code, e.g. +85261234567.');
		const content = withCode(ctx, itemIndex, 'internationalContent', code, INTERNATIONAL_SMS_MAX_CHARACTERS, true);
		return { mobile: `${parsed.countryCode} ${parsed.nationalNumber}`, purpose, code, content, limits, returnCode };
	}
	const mobile = readMainlandMobile(ctx, itemIndex);
	if (ctx.getNodeParameter('sendMode', itemIndex, 'template') === 'template') {
		const templateId = readText(ctx, 'templateId', itemIndex, 'Template ID').trim();
		if (!/^\d+$/.test(templateId)) {
			throw invalidInput(node, itemIndex, 'Template ID', templateId === '' ? 'is empty' : `"${templateId}" is not a number`, 'Enter the numeric template ID (模板ID) shown in the ihuyi console, e.g. 1.');
		}
		// The template's one variable is the code.
		return { mobile, purpose, code, content: code, templateId, limits, returnCode };
	}
	return { mobile, purpose, code, content: withCode(ctx, itemIndex, 'content', code, DOMESTIC_SMS_MAX_CHARACTERS, false), limits, returnCode };
}

function withCode(ctx: IExecuteFunctions, itemIndex: number, name: string, code: string, maxCharacters: number, allowEmoji: boolean): string {
	const text = readText(ctx, name, itemIndex, 'Content');
	if (!text.includes(CODE_PLACEHOLDER)) {
		throw invalidInput(ctx.getNode(), itemIndex, 'Content', `has no ${CODE_PLACEHOLDER} placeholder`, `Write ${CODE_PLACEHOLDER} where the code goes, e.g. 您的验证码是：${CODE_PLACEHOLDER}。请不要把验证码泄露给其他人。`);
	}
	const content = text.split(CODE_PLACEHOLDER).join(code);
	checkContent(ctx.getNode(), itemIndex, content, 'Content', ihuyiContent({ allowEmoji, maxCharacters }));
	return content;
}
