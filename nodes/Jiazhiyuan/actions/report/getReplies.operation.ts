import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/optionsCollection';
import { answerAsOutput, oneCallPerItem } from '../../../common/runner/operation';
import { runOperation } from '../../../common/runner/runOperation';
import { withUnsubscribe } from '../../../common/unsubscribe';
import { readUnsubscribeKeywords, unsubscribeKeywordsOption } from '../../../common/unsubscribeKeywordsOption';
import { parseReplies } from '../../transport/parseXml';
import { readRecords } from '../../transport/readRecords';
import { readTimeout, timeoutOption } from '../shared/options';

const properties: INodeProperties[] = [
	{
		displayName:
			'Jiazhiyuan hands out each reply once: the ones this operation returns are gone from the platform afterwards. To collect them continuously, use the Jiazhiyuan Trigger instead.',
		name: 'getRepliesNotice',
		type: 'notice',
		default: '',
	},
	optionsCollection([timeoutOption, unsubscribeKeywordsOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getReplies'] } }, properties);

/** One getRecvSMS query per input item, one output item per reply, each marked unsubscribe true or false. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runOperation(this, items, {
		// Replies are handed out once, but a query changes nothing a re-run would repeat.
		validate: (itemIndex) => ({
			timeoutMs: readTimeout(this, itemIndex),
			keywords: readUnsubscribeKeywords(this.getNodeParameter('options', itemIndex, {}) as IDataObject),
		}),
		plan: (inputs, valid) => oneCallPerItem(inputs, valid),
		send: async ({ input: { timeoutMs, keywords }, items: [itemIndex] }) => {
			const replies = await readRecords(this, { method: 'getRecvSMS', itemIndex, timeoutMs }, parseReplies);
			return replies.map((reply) => withUnsubscribe(reply, keywords));
		},
		output: answerAsOutput,
	});
}
