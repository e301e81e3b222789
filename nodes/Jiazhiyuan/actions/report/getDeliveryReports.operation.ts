import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { answerAsOutput, oneCallPerItem } from '../../../common/runner/operation';
import { runOperation } from '../../../common/runner/runOperation';
import { parseReports } from '../../transport/parseXml';
import { readRecords } from '../../transport/readRecords';
import { readTimeout, timeoutOnlyOptions } from '../shared/options';

const properties: INodeProperties[] = [
	{
		displayName:
			'Jiazhiyuan hands out each delivery report once: the ones this operation returns are gone from the platform afterwards. To collect them continuously, use the Jiazhiyuan Trigger instead.',
		name: 'getDeliveryReportsNotice',
		type: 'notice',
		default: '',
	},
	timeoutOnlyOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getDeliveryReports'] } }, properties);

/** One getSmsReport query per input item, one output item per delivery report. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runOperation(this, items, {
		// Reports are handed out once, but a query changes nothing a re-run would repeat.
		validate: (itemIndex) => readTimeout(this, itemIndex),
		plan: (inputs, valid) => oneCallPerItem(inputs, valid),
		send: async ({ input: timeoutMs, items: [itemIndex] }) => await readRecords(this, { method: 'getSmsReport', itemIndex, timeoutMs }, parseReports),
		output: answerAsOutput,
	});
}
