import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../common/router';
import * as checkCode from './checkCode.operation';
import * as sendCode from './sendCode.operation';

export const operations = { sendCode, checkCode };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['verificationCode'] } },
		options: [
			{
				name: 'Send Code',
				value: 'sendCode',
				action: 'Send a verification code',
				description: 'Make a random code, send it by SMS, international SMS or voice, and keep its hash and the limits in a Data Table',
			},
			{
				name: 'Check Code',
				value: 'checkCode',
				action: 'Check a verification code',
				description: 'Check the code a person typed: valid once, refused when wrong, expired, used or tried too often',
			},
		],
		default: 'sendCode',
	},
	...operationProperties(operations),
];
