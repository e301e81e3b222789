import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../common/router';
import * as getBalance from './getBalance.operation';
import * as send from './send.operation';

export const operations = { send, getBalance };

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
	...operationProperties(operations),
];
