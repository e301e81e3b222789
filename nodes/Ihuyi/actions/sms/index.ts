import type { INodeProperties } from 'n8n-workflow';

import { getBalanceOperation } from '../shared/getBalance';
import * as send from './send.operation';

export const getBalance = getBalanceOperation('sms');
export { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [
			{ name: 'Send', value: 'send', action: 'Send an SMS', description: 'Send a verification code or notification to a mainland-China mobile' },
			{ name: 'Get Balance', value: 'getBalance', action: 'Get the SMS balance', description: 'Get how many domestic SMS the account has left' },
		],
		default: 'send',
	},
	...send.description,
	...getBalance.description,
];
