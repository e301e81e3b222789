import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { answerAsOutput, oneCallPerItem } from '../../../common/runner/operation';
import { runOperation } from '../../../common/runner/runOperation';
import { parseBalance } from '../../transport/parseAnswer';
import { readJiazhiyuan } from '../../transport/request';
import { readTimeout, timeoutOnlyOptions } from '../shared/options';

const properties: INodeProperties[] = [
	{
		displayName:
			'Returns three balances: memberSmsNum (会员, SMS type 2), gateSmsNum (网关, SMS type 1) and kaSmsNum (卡发, SMS type 0). The platform refuses queries that come too often: check at most once a minute.',
		name: 'balanceNotice',
		type: 'notice',
		default: '',
	},
	timeoutOnlyOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getBalance'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runOperation(this, items, {
		validate: (itemIndex) => readTimeout(this, itemIndex),
		plan: (inputs, valid) => oneCallPerItem(inputs, valid),
		send: async ({ input: timeoutMs, items: [itemIndex] }) => {
			const balance = await readJiazhiyuan(this, { method: 'getRestMoney', itemIndex, timeoutMs }, parseBalance);
			return { provider: 'jiazhiyuan', success: true, ...balance, unit: 'messages' };
		},
		output: answerAsOutput,
	});
}
