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
		displayOptions: { show: { resource: ['voiceCode'] } },
		options: [
			{ name: 'Send', value: 'send', action: 'Send a voice code', description: 'Call a mainland-China mobile and read out a 4–6 digit code' },
			{ name: 'Get Balance', value: 'getBalance', action: 'Get the voice code balance', description: 'Get how many voice codes the account has left' },
		],
		default: 'send',
	},
	...operationProperties(operations),
];
