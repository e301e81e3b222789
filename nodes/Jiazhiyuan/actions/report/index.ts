import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../common/router';
import * as getDeliveryReports from './getDeliveryReports.operation';
import * as getReplies from './getReplies.operation';

export const operations = { getDeliveryReports, getReplies };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{ name: 'Get Delivery Reports', value: 'getDeliveryReports', action: 'Get delivery reports', description: 'Get the delivery reports (状态报告) not fetched yet' },
			{ name: 'Get Replies', value: 'getReplies', action: 'Get replies', description: 'Get the replies (上行回复) not fetched yet' },
		],
		default: 'getDeliveryReports',
	},
	...operationProperties(operations),
];
