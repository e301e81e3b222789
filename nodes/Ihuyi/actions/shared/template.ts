import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../common/errors';
import { readText } from '../../../common/parameters';

/**
 * Sending by template, as ihuyi's Submit takes it for SMS and voice notifications: the
 * template ID (templateid) and the values of its 【变量】 slots in order, joined by "|" into
 * the content.
 */
export function sendModeProperty(noun: string): INodeProperties {
	return {
		displayName: 'Send Mode',
		name: 'sendMode',
		type: 'options',
		options: [
			{ name: 'Full Text', value: 'fullText', description: `Send the whole ${noun}; it must match an approved template exactly` },
			{ name: 'Template (模板)', value: 'template', description: 'Send a template ID and the values of its variables' },
		],
		default: 'fullText',
	};
}

/** Template ID and Template Variables, shown in Send Mode Template. */
export function templateProperties(wording: { example: string; defaultHint: string }): INodeProperties[] {
	return [
		{
			displayName: 'Template ID',
			name: 'templateId',
			type: 'string',
			required: true,
			default: '',
			placeholder: `e.g. ${wording.example}`,
			description: `The template ID (模板ID) from the ihuyi console${wording.defaultHint}`,
			displayOptions: { show: { sendMode: ['template'] } },
		},
		{
			displayName: 'Template Variables',
			name: 'templateVariables',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			placeholder: 'Add Variable',
			description: 'The values of the template variables (【变量】), in the order they appear in the template',
			displayOptions: { show: { sendMode: ['template'] } },
			options: [
				{
					displayName: 'Variable',
					name: 'variable',
					values: [
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'e.g. 1234',
							description: 'The value of this variable; it must not contain "|"',
						},
					],
				},
			],
		},
	];
}

/** The item's template ID and its variables as ihuyi's content ("a|b"), checked before any send. */
export function readTemplate(ctx: IExecuteFunctions, itemIndex: number, emptyFix: string): { templateId: string; content: string } {
	const node = ctx.getNode();
	const templateId = readText(ctx, 'templateId', itemIndex, 'Template ID').trim();
	if (!/^\d+$/.test(templateId)) {
		throw invalidInput(node, itemIndex, 'Template ID', templateId === '' ? 'is empty' : `"${templateId}" is not a number`, 'Enter the numeric template ID (模板ID) shown in the ihuyi console, e.g. 1.');
	}
	return { templateId, content: readVariables(ctx, itemIndex, emptyFix).join('|') };
}

function readVariables(ctx: IExecuteFunctions, itemIndex: number, emptyFix: string): string[] {
	const node = ctx.getNode();
	const collection = ctx.getNodeParameter('templateVariables', itemIndex, {}) as {
		variable?: Array<{ value?: unknown }>;
	};
	const entries = collection.variable ?? [];
	if (entries.length === 0) throw invalidInput(node, itemIndex, 'Template Variables', 'is empty', emptyFix);
	return entries.map((entry, position) => {
		const value = entry.value;
		const label = `Template Variables → variable ${position + 1}`;
		if (value !== null && typeof value === 'object') {
			throw invalidInput(node, itemIndex, label, 'must be text, but the expression gave an object', 'Map a text value, e.g. {{ $json.code }}.');
		}
		const text = value === undefined || value === null ? '' : String(value);
		if (text.trim() === '') {
			throw invalidInput(node, itemIndex, label, 'is empty', 'Give every template variable a value, or remove the empty variable.');
		}
		if (text.includes('|')) {
			throw invalidInput(node, itemIndex, label, `contains "|", which ihuyi uses to separate variables`, 'Remove or replace the "|" in the value (e.g. with "/").');
		}
		return text;
	});
}
