/**
 * A node that does nothing but n8n's own authenticated HTTP call, once per item, with the
 * request the Ihuyi node would build: the cost of n8n's HTTP helper alone, to tell our
 * node's overhead apart from n8n's. With `concurrency` it keeps that many calls in flight
 * (a plain pool), for the concurrency figures; with a mapped `mobile` it also has n8n
 * resolve that expression per item, as n8n does for every node whose field is mapped, and
 * returns one result per item of the send's shape (as bulkBaseline does): the floor of any
 * node that sends one SMS per item through n8n.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeType } from 'n8n-workflow';

export const helperProbe: INodeType = {
	description: {
		displayName: 'HTTP helper probe',
		name: 'ihuyiHelperProbe',
		group: ['transform'],
		version: 1,
		description: 'Calls n8n\'s HTTP helper like the Ihuyi node does, without the node',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ihuyiSmsApi', required: true }],
		properties: [
			{ displayName: 'Concurrency', name: 'concurrency', type: 'number', default: 1 },
			{ displayName: 'Mobile', name: 'mobile', type: 'string', default: '' },
		],
	},
	async execute(this: IExecuteFunctions) {
		const items = this.getInputData();
		const concurrency = this.getNodeParameter('concurrency', 0) as number;
		const mapped = String(this.getNode().parameters.mobile ?? '') !== '';
		const mobiles = items.map((item, index) => (mapped ? (this.getNodeParameter('mobile', index) as string) : (item.json.mobile as string)));
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const index = next++;
				await this.helpers.httpRequestWithAuthentication.call(this, 'ihuyiSmsApi', {
					method: 'POST',
					url: '/webservice/sms.php?method=Submit',
					body: { mobile: mobiles[index], content: items[index].json.content as string },
					timeout: 15000,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					encoding: 'arraybuffer',
					json: false,
				});
			}
		};
		await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
		if (!mapped) return [items];
		return [
			items.map((_, index) => ({
				json: { provider: 'ihuyi', product: 'sms', success: true, messageId: String(index), mobile: mobiles[index], code: 2, message: '提交成功', segments: 1, segmentsIncludeSignature: false },
				pairedItem: { item: index },
			})),
		];
	},
};
