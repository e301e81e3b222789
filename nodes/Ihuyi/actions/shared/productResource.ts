import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../common/router';
import type { Operation as RoutedOperation } from '../../../common/router';
import { IHUYI_PRODUCTS } from '../../transport/products';
import type { IhuyiProduct } from '../../transport/products';
import { getBalanceOperation } from './balance';

/** How the Operation selector shows a product's Send. */
export interface SendWording {
	action: string;
	description: string;
}

/**
 * The resource of one ihuyi product: its own Send and the Get Balance every product has,
 * with the Operation selector that lists them.
 */
export function productResource(product: IhuyiProduct, send: RoutedOperation, sendWording: SendWording) {
	const { balance, displayName } = IHUYI_PRODUCTS[product];
	const operations = { send, getBalance: getBalanceOperation(product) };
	const description: INodeProperties[] = [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [product] } },
			options: [
				{ name: 'Send', value: 'send', ...sendWording },
				{ name: 'Get Balance', value: 'getBalance', action: balance.action, description: `Get how many ${balance.counts} the account has left` },
			],
			default: 'send',
		},
		...operationProperties(operations),
	];
	return { operations, description, displayName };
}
