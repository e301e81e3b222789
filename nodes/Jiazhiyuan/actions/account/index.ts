import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../common/router';
import * as changePassword from './changePassword.operation';
import * as getBalance from './getBalance.operation';

export const operations = { getBalance, changePassword };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{ name: 'Change Password', value: 'changePassword', action: 'Change the account password', description: 'Change the platform password of the account' },
			{ name: 'Get Balance', value: 'getBalance', action: 'Get the account balance', description: 'Get the remaining messages of each SMS type' },
		],
		default: 'getBalance',
	},
	...operationProperties(operations),
];
