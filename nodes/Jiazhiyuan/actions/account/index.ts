import type { INodeProperties } from 'n8n-workflow';

import * as changePassword from './changePassword.operation';
import * as getBalance from './getBalance.operation';

export { changePassword, getBalance };

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
	...getBalance.description,
	...changePassword.description,
];
