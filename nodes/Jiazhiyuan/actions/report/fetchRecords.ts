import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { asNodeError, errorToItemJson } from '../../../common/errors';
import type { ParsedRecords } from '../../transport/parseXml';
import { parseTextAnswer } from '../../transport/parseAnswer';
import { callJiazhiyuan, unexpectedAnswer } from '../../transport/request';
import type { JiazhiyuanMethod } from '../../transport/request';
import { timeoutOption } from '../shared/options';
import { handedOutOnceNotice } from './notice';

/**
 * Get Delivery Reports and Get Replies: one query per input item, one output item per
 * record, in the shared receipt shape. The two differ only in method, parser and wording.
 */
export function fetchRecordsOperation(operation: string, what: string, method: JiazhiyuanMethod, parse: (text: string) => ParsedRecords) {
	const properties: INodeProperties[] = [
		handedOutOnceNotice(what, 'report', operation),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [timeoutOption],
		},
	];
	const description = updateDisplayOptions({ show: { resource: ['report'], operation: [operation] } }, properties);

	async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const timeoutMs = (this.getNodeParameter('options', itemIndex, {}) as { timeout?: number }).timeout;
				const answer = await callJiazhiyuan(this, { method, itemIndex, timeoutMs });
				const { records, recognised } = parse(answer.text);
				if (!recognised && answer.text.trim() !== '' && parseTextAnswer(answer.text).kind !== 'success') {
					await unexpectedAnswer(this, itemIndex, answer);
				}
				for (const record of records) output.push({ json: record, pairedItem: { item: itemIndex } });
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
				output.push({ json: errorToItemJson(error), pairedItem: { item: itemIndex } });
			}
		}
		return output;
	}

	return { description, execute };
}
