import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../common/router';
import * as read from './read.operation';

export const operations = { read };

export const displayName = 'Push (推送)';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['push'] } },
		options: [
			{
				name: 'Read',
				value: 'read',
				action: 'Read an ihuyi push',
				description: 'Turn a push received by n8n\'s Webhook node into the item the Ihuyi Trigger emits',
			},
		],
		default: 'read',
	},
	...operationProperties(operations),
];
