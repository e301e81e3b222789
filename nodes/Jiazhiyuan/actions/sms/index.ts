import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../common/router';
import * as send from './send.operation';

export const operations = { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [
			{ name: 'Send', value: 'send', action: 'Send an SMS', description: 'Send one text to one or many mainland-China mobiles (bulk)' },
		],
		default: 'send',
	},
	...operationProperties(operations),
];
