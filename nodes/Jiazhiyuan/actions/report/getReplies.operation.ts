import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { asNodeError, errorToItemJson } from '../../../common/errors';
import { parseReplies } from '../../transport/parseXml';
import { parseTextAnswer } from '../../transport/parseAnswer';
import { callJiazhiyuan, unexpectedAnswer } from '../../transport/request';
import { timeoutOption } from '../shared/options';
import { handedOutOnceNotice } from './notice';

const properties: INodeProperties[] = [
	handedOutOnceNotice('reply', 'report', 'getReplies'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [timeoutOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getReplies'] } }, properties);

/** One output item per reply fetched (getRecvSMS), in the shared receipt shape. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const timeoutMs = (this.getNodeParameter('options', itemIndex, {}) as { timeout?: number }).timeout;
			const text = await callJiazhiyuan(this, { method: 'getRecvSMS', itemIndex, timeoutMs });
			const { records, recognised } = parseReplies(text);
			if (!recognised && text.trim() !== '' && parseTextAnswer(text).kind !== 'success') {
				await unexpectedAnswer(this, itemIndex, text);
			}
			for (const record of records) output.push({ json: record, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			output.push({ json: errorToItemJson(error), pairedItem: { item: itemIndex } });
		}
	}
	return output;
}
