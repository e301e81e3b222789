import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../common/router';
import * as add from './add.operation';

export const operations = { add };

export const displayName = 'SMS Template (短信模板)';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{ name: 'Add', value: 'add', action: 'Add an SMS template', description: 'Submit a domestic SMS template for review and get its template ID' },
		],
		default: 'add',
	},
	...operationProperties(operations),
];
