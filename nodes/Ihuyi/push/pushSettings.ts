import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { readUnsubscribeKeywords } from '../../common/unsubscribeKeywordsOption';
import { IHUYI_PRODUCT_NAMES, IHUYI_PRODUCTS } from '../transport/products';
import type { IhuyiProduct } from '../transport/products';

/** Which pushes become items, and how they are read: the same settings in the trigger and in Push → Read. */
export interface PushSettings {
	product: IhuyiProduct;
	events: string[];
	failedOnly: boolean;
	unsubscribeKeywords: ReadonlySet<string>;
}

/**
 * Product, Events and Failed Receipts Only, as both nodes show them. `kept` says what a
 * chosen push does ("start the workflow"), `others` what happens to the rest.
 */
export function pushSettingsProperties(kept: string, others: string): INodeProperties[] {
	return [
		{
			displayName: 'Product',
			name: 'product',
			type: 'options',
			options: IHUYI_PRODUCT_NAMES.map((value) => ({ name: IHUYI_PRODUCTS[value].displayName, value })),
			default: 'sms',
			description: 'The product whose push URL this is; international receipts carry ismsid and reply_time, and a voice notification receipt may name a fixed line',
		},
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			options: [
				{ name: 'Delivery Receipt (回执)', value: 'deliveryReceipt' },
				{ name: 'Reply (上行回复)', value: 'reply' },
				{ name: 'Template Audit (模板审核)', value: 'templateAudit' },
			],
			default: ['deliveryReceipt', 'reply'],
			description: `Which pushes ${kept}; the others are ${others}`,
		},
		{
			displayName: 'Failed Receipts Only',
			name: 'failedOnly',
			type: 'boolean',
			default: false,
			description: `Whether only receipts of messages that were not delivered ${kept}`,
			displayOptions: { show: { events: ['deliveryReceipt'] } },
		},
	];
}

/** The settings from a node's parameters; `parameter(name, fallback)` reads one (per item in an action node). */
export function readPushSettings(parameter: (name: string, fallback: unknown) => unknown): PushSettings {
	return {
		product: parameter('product', 'sms') as IhuyiProduct,
		events: parameter('events', []) as string[],
		failedOnly: parameter('failedOnly', false) as boolean,
		unsubscribeKeywords: readUnsubscribeKeywords(parameter('options', {}) as IDataObject),
	};
}
