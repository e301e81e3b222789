import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as account from './actions/account';
import * as report from './actions/report';
import { router } from './actions/router';
import * as sms from './actions/sms';

/**
 * Jiazhiyuan (嘉之元, jzyyun): bulk SMS through the UserServiceAPI servlet, balances,
 * delivery reports and replies (pulled, each handed out once), password change.
 */
export class Jiazhiyuan implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Jiazhiyuan',
		name: 'jiazhiyuan',
		icon: { light: 'file:jiazhiyuan.svg', dark: 'file:jiazhiyuan.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send bulk SMS and read balances, delivery reports and replies with Jiazhiyuan (嘉之元). Turn on the Dry Run option of Send to preview it: the numbers, the content, the billed messages and the calls, with nothing sent.',
		defaults: { name: 'Jiazhiyuan' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'jiazhiyuanApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'SMS (短信)', value: 'sms' },
					{ name: 'Account (账户)', value: 'account' },
					{ name: 'Report (报告)', value: 'report' },
				],
				default: 'sms',
			},
			...sms.description,
			...account.description,
			...report.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
