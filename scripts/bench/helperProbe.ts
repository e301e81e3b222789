/**
 * A node that does nothing but n8n's own authenticated HTTP call, once per item, with the
 * request the Ihuyi node would build: the cost of n8n's HTTP helper alone, to tell our
 * node's overhead apart from n8n's.
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
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		const items = this.getInputData();
		for (const item of items) {
			await this.helpers.httpRequestWithAuthentication.call(this, 'ihuyiSmsApi', {
				method: 'POST',
				url: '/webservice/sms.php?method=Submit',
				body: { mobile: item.json.mobile as string, content: item.json.content as string },
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				encoding: 'arraybuffer',
				json: false,
			});
		}
		return [items];
	},
};
