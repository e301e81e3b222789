/**
 * The baseline of bulkPeakRssMb: a node that does nothing but what any node must do with
 * the same 100,000 items. It reads the same parameters (the mapped `mobiles` expression per
 * item) and returns one item per input of the same shape as the Jiazhiyuan send's result.
 * What the Jiazhiyuan node needs on top of this is what the benchmark charges to it.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { Jiazhiyuan } from '../../nodes/Jiazhiyuan/Jiazhiyuan.node';

export const bulkBaseline: INodeType = {
	description: {
		displayName: 'Bulk baseline',
		name: 'jiazhiyuanBulkBaseline',
		group: ['transform'],
		version: 1,
		description: 'Reads the send parameters per item and returns items shaped like the send result',
		defaults: { name: 'Baseline' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The send's own parameters: n8n keeps only the parameters a node type declares.
		properties: new Jiazhiyuan().description.properties,
	},
	async execute(this: IExecuteFunctions) {
		const items = this.getInputData();
		// A batch id known only at run time, as a send's is: a constant list literal would be
		// shared by all items (copy on write) and make the baseline lighter than any real result.
		const batchId = String(337017332 + items.length);
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const mobile = String(this.getNodeParameter('mobiles', itemIndex, ''));
			if (itemIndex === 0) {
				for (const name of ['content', 'smsType', 'options']) this.getNodeParameter(name, 0);
			}
			output.push({
				json: {
					provider: 'jiazhiyuan',
					success: true,
					batchId,
					batchIds: [batchId],
					mobiles: { count: 1, list: [mobile] },
					duplicatesRemoved: 0,
					repeatsSkipped: { count: 0, list: [] },
					segments: 1,
					smsType: '1',
					longSms: false,
				},
				pairedItem: { item: itemIndex },
			});
		}
		return [output];
	},
};
