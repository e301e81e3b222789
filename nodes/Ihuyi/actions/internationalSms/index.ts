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
		displayOptions: { show: { resource: ['internationalSms'] } },
		options: [
			{ name: 'Send', value: 'send', action: 'Send an international SMS', description: 'Send an SMS to a number outside mainland China' },
			{ name: 'Get Balance', value: 'getBalance', action: 'Get the international SMS balance', description: 'Get how many international SMS the account has left' },
		],
		default: 'send',
	},
	...operationProperties(operations),
];
