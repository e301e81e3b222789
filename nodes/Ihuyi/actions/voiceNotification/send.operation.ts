import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkContent } from '../../../common/content';
import { dryRunOption } from '../../../common/dryRun';
import { optionsCollection } from '../../../common/optionsCollection';
import { readText } from '../../../common/parameters';
import { quietHoursOption } from '../../../common/quietHours';
import { runOperation } from '../../../common/runner/runOperation';
import { VOICE_NOTIFICATION_MAX_CHARACTERS } from '../../transport/contentLimits';
import { concurrencyOption, timeoutOption } from '../shared/options';
import { ihuyiSendOperation } from '../shared/sendOperation';
import { readTemplate, sendModeProperty, templateProperties } from '../shared/template';
import { ihuyiContent, oneNumberProperty, readOneNumber } from '../shared/validate';

const properties: INodeProperties[] = [
	oneNumberProperty('e.g. 13800138000 or 021-51234567', 'One mainland-China number that ihuyi will call: a mobile (11 digits) or a fixed line with its area code. A +86 prefix, spaces and dashes are removed.'),
	sendModeProperty('text'),
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. 您好，您预约的体检明天上午9点开始，请准时到达。',
		description: `The text ihuyi reads out, at most ${VOICE_NOTIFICATION_MAX_CHARACTERS} characters`,
		hint: 'Must match an approved voice notification template (语音通知模板) character for character, with the values in place of its 【变量】.',
		displayOptions: { show: { sendMode: ['fullText'] } },
	},
	...templateProperties({ example: '10001', defaultHint: ' (语音通知 → 模板管理)' }),
	optionsCollection([concurrencyOption, dryRunOption, quietHoursOption, timeoutOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['voiceNotification'], operation: ['send'] } }, properties);

interface VoiceNotificationInput {
	mobile: string;
	content: string;
	templateId?: string;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	// ihuyi's rules for the text, in full text and in the template's variables alike.
	const rules = ihuyiContent({ allowEmoji: false, maxCharacters: VOICE_NOTIFICATION_MAX_CHARACTERS, refuseSlot: true, spoken: true });
	return await runOperation(this, items, ihuyiSendOperation<VoiceNotificationInput>(this, {
		product: 'voiceNotification',
		validate: (itemIndex) => {
			const mobile = readOneNumber(this, itemIndex, { fixedLines: true });
			if (this.getNodeParameter('sendMode', itemIndex, 'fullText') === 'template') {
				const { templateId, content } = readTemplate(this, itemIndex, 'Add one variable per 【变量】 in the voice template, in order.');
				checkContent(node, itemIndex, content, 'Template Variables', rules);
				return { mobile, content, templateId };
			}
			const content = readText(this, 'content', itemIndex, 'Content');
			checkContent(node, itemIndex, content, 'Content', rules);
			return { mobile, content };
		},
		fields: (input): Record<string, string> =>
			input.templateId
				? { mobile: input.mobile, content: input.content, templateid: input.templateId }
				: { mobile: input.mobile, content: input.content },
		output: (input) => (input.templateId ? { templateId: input.templateId } : {}),
		// ihuyi bills a voice notification per call, as a voice code.
		billedMessages: () => 1,
	}));
}
