import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { oneCallPerItem } from '../../../common/runner/operation';
import type { ItemCall, Operation } from '../../../common/runner/operation';
import type { IhuyiProduct } from '../../transport/products';
import { readConcurrency, readTimeout } from './options';
import { submit } from './submit';

/** What makes one product's Send: the rest of the operation is the same for every product. */
export interface IhuyiSend<Input> {
	product: IhuyiProduct;
	/** Reads and validates one item; throws NodeOperationError on bad input. */
	validate(itemIndex: number): Input;
	/** The Submit fields of the item; the credential adds account, password and time. */
	fields(input: Input): Record<string, string>;
	/** What the output adds to ihuyi's answer: the same in a send and in a dry run. */
	output(input: Input): IDataObject;
	/** Messages ihuyi bills for the item, or null where ihuyi assembles the text. */
	billedMessages(input: Input): number | null;
}

/**
 * The Send operation of an ihuyi product, for runOperation: one Submit per item. A dry run
 * takes the same path up to the request, so what it shows (and every error it gives) is what
 * the send would send (or give); only the Submit call is left out, and with it the signing,
 * so no password or key can reach the preview.
 */
export function ihuyiSendOperation<Input>(ctx: IExecuteFunctions, send: IhuyiSend<Input>): Operation<Input, ItemCall<Input>, IDataObject, undefined> {
	const mobileOf = (call: ItemCall<Input>) => send.fields(call.input).mobile;
	return {
		validate: (itemIndex) => send.validate(itemIndex),
		plan: (inputs, valid) => oneCallPerItem(inputs, valid),
		send: async ({ items: [itemIndex], input }) => ({
			...(await submit(ctx, send.product, itemIndex, send.fields(input), readTimeout(ctx, itemIndex))),
			...send.output(input),
		}),
		output: (_itemIndex, _input, [answer]) => answer,
		preview: (_itemIndex, input) => ({
			provider: 'ihuyi',
			product: send.product,
			success: true,
			dryRun: true,
			mobile: send.fields(input).mobile,
			content: send.fields(input).content,
			...send.output(input),
			billedMessages: send.billedMessages(input),
		}),
		spends: { noun: 'item', listName: 'items', id: (call) => String(call.items[0]), recipients: mobileOf },
		// One message per number per second (ihuyi 4080): repeats of a number are paced.
		paceKey: mobileOf,
		quietHours: true,
		concurrency: readConcurrency(ctx),
	};
}
