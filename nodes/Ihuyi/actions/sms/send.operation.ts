import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkContent } from '../../../common/content';
import { dryRunOption } from '../../../common/dryRun';
import { quietHoursOption } from '../../../common/quietHours';
import { readText } from '../../../common/parameters';
import { countSegments } from '../../../common/segments';
import { DOMESTIC_SMS_MAX_CHARACTERS } from '../../transport/contentLimits';
import { IHUYI_PRODUCTS } from '../../transport/products';
import { signatureProperty } from '../../transport/ihuyiCredential';
import { concurrencyOption, timeoutOption } from '../shared/options';
import { runOperation } from '../../../common/runner/runOperation';
import { optionsCollection } from '../../../common/optionsCollection';
import { credentialFields } from '../../../common/credentials';
import { ihuyiSendOperation } from '../shared/sendOperation';
import { readTemplate, sendModeProperty, templateProperties } from '../shared/template';
import { ihuyiContent, oneNumberProperty, readOneNumber } from '../shared/validate';

const properties: INodeProperties[] = [
	oneNumberProperty('e.g. 13800138000', 'One mainland-China mobile number (11 digits). A +86 prefix, spaces and dashes are removed.'),
	sendModeProperty('message'),
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. 您的验证码是：1234。请不要把验证码泄露给其他人。',
		description: `The message text, at most ${DOMESTIC_SMS_MAX_CHARACTERS} characters`,
		hint: 'Must match an approved template (模板) character for character, punctuation and spaces included. Do not add the 【signature】: ihuyi adds it.',
		displayOptions: { show: { sendMode: ['fullText'] } },
	},
	...templateProperties({ example: '1', defaultHint: '; ID 1 is the default verification-code template' }),
	optionsCollection([
		concurrencyOption,
		dryRunOption,
		quietHoursOption,
		signatureProperty(
			'Your approved signature without 【】, if it differs from the one in the credential. ihuyi adds it to every message and bills it; it is only used so that Segments counts it, and is not sent.',
		),
		timeoutOption,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['send'] } }, properties);

interface SmsInput {
	mobile: string;
	content: string;
	templateId?: string;
	/** Billed parts in Full Text mode; null in template mode, where ihuyi assembles the text. */
	segments: number | null;
	segmentsIncludeSignature: boolean;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const credentialSignature = (await credentialFields(this, IHUYI_PRODUCTS.sms.credentialType)).signature;
	return await runOperation(this, items, ihuyiSendOperation<SmsInput>(this, {
		product: 'sms',
		validate: (itemIndex) => {
			const mobile = readOneNumber(this, itemIndex);
			const sendMode = this.getNodeParameter('sendMode', itemIndex, 'fullText') as string;
			const signature = billedSignature((this.getNodeParameter('options', itemIndex, {}) as IDataObject).signature, credentialSignature);
			if (sendMode === 'template') {
				const { templateId, content } = readTemplate(this, itemIndex, 'Add one variable per 【变量】 in the template, in order (the default template 1 has one: the code).');
				checkContent(node, itemIndex, content, 'Template Variables', ihuyiContent({ allowEmoji: false, maxCharacters: DOMESTIC_SMS_MAX_CHARACTERS }));
				return { mobile, content, templateId, segments: null, segmentsIncludeSignature: false };
			}
			const content = readText(this, 'content', itemIndex, 'Content');
			checkContent(node, itemIndex, content, 'Content', ihuyiContent({ allowEmoji: false, maxCharacters: DOMESTIC_SMS_MAX_CHARACTERS, refuseSignature: true }));
			const billed = signature ? `【${signature}】${content}` : content;
			return { mobile, content, segments: countSegments(billed), segmentsIncludeSignature: signature !== '' };
		},
		fields: (input): Record<string, string> =>
			input.templateId
				? { mobile: input.mobile, content: input.content, templateid: input.templateId }
				: { mobile: input.mobile, content: input.content },
		output: (input) =>
			input.templateId
				? { segments: input.segments, templateId: input.templateId }
				: { segments: input.segments, segmentsIncludeSignature: input.segmentsIncludeSignature },
		// One number per item: the billed messages are the segments.
		billedMessages: (input) => input.segments,
	}));
}

/**
 * The signature ihuyi adds and bills: the node's option when set, else the credential's.
 * Written with or without its 【】, counted once with them.
 */
function billedSignature(option: unknown, credential: unknown): string {
	const bare = (value: unknown) => String(value ?? '').trim().replace(/^【(.*)】$/u, '$1').trim();
	return bare(option) || bare(credential);
}
