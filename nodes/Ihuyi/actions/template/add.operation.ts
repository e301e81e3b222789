import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../common/errors';
import { findEmoji, hasLoneSurrogate } from '../../../common/characters';
import { readText } from '../../../common/parameters';
import { incompleteAnswerError } from '../../../common/requestErrors';
import { answerAsOutput, itemsSpend, oneCallPerItem } from '../../../common/runner/operation';
import { runOperation } from '../../../common/runner/runOperation';
import { callIhuyi } from '../../transport/request';
import { readTimeout, timeoutOnlyOptions } from '../shared/options';

const EXAMPLE = '您的验证码是：【变量】。请不要把验证码泄露给其他人。';

const properties: INodeProperties[] = [
	{
		displayName: 'Template Text',
		name: 'templateText',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: `e.g. ${EXAMPLE}`,
		description: 'The text of the template (模板), with 【变量】 where each message puts a value of its own',
		hint: 'Do not add the 【signature】: ihuyi adds it. ihuyi reviews the template; the Ihuyi Trigger’s Template Audit event receives the result.',
	},
	timeoutOnlyOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['template'], operation: ['add'] } }, properties);

/**
 * Template → Add: ihuyi's AddTemplate files one domestic SMS template per item and answers its
 * template ID at once; the review result comes later, as a push (the trigger's Template Audit).
 * Filing changes the account, so a call is never repeated (a repeat files a second template).
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runOperation(this, items, {
		validate: (itemIndex) => readTemplateText(this, itemIndex),
		plan: (inputs, valid) => oneCallPerItem(inputs, valid),
		send: async ({ input: templateText, items: [itemIndex] }) => {
			const answer = await callIhuyi(this, { product: 'sms', method: 'AddTemplate', itemIndex, fields: { content: templateText }, timeoutMs: readTimeout(this, itemIndex) });
			if (!answer.id) {
				throw incompleteAnswerError(this.getNode(), itemIndex, { provider: 'ihuyi', product: 'sms', missing: 'template id (templateid)', sent: true });
			}
			return {
				provider: 'ihuyi',
				product: 'sms',
				success: true,
				templateId: answer.id,
				templateText,
				code: Number(answer.code),
				message: answer.msg,
			};
		},
		output: answerAsOutput,
		spends: itemsSpend(),
	});
}

/** The template text as ihuyi will file it: character for character, so it is not trimmed. */
function readTemplateText(ctx: IExecuteFunctions, itemIndex: number): string {
	const node = ctx.getNode();
	const text = readText(ctx, 'templateText', itemIndex, 'Template Text');
	if (text.trim() === '') {
		throw invalidInput(node, itemIndex, 'Template Text', 'is empty', `Enter the template text, e.g. ${EXAMPLE}`);
	}
	if (hasLoneSurrogate(text)) {
		throw invalidInput(
			node,
			itemIndex,
			'Template Text',
			'contains a broken character (half of a surrogate pair)',
			'The text was probably cut in the middle of an emoji or a rare character by an expression; fix the expression that builds it.',
		);
	}
	const emoji = findEmoji(text);
	if (emoji) {
		// ihuyi refuses every SMS with emoji (4074): no message of such a template could go out.
		throw invalidInput(
			node,
			itemIndex,
			'Template Text',
			`contains the emoji "${emoji.character}" at character ${emoji.position}; ihuyi refuses SMS with emoji (code 4074)`,
			'Remove emoji from the template: no message made from it could be sent.',
		);
	}
	return text;
}
