import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runItems } from '../../../common/runItems';
import type { IhuyiProduct } from '../../transport/products';
import { readCommonOptions } from './options';
import { submit } from './submit';

/** What makes one product's Send: everything else (order, concurrency, Dry Run) is shared. */
export interface IhuyiSend<Prepared> {
	product: IhuyiProduct;
	/** Reads and validates one item; throws NodeOperationError on bad input. */
	prepare(itemIndex: number): Prepared;
	/** The Submit fields of the item; the credential adds account, password and time. */
	fields(prepared: Prepared): Record<string, string>;
	/** What the output adds to ihuyi's answer: the same in a send and in a dry run. */
	output(prepared: Prepared): IDataObject;
	/** Messages ihuyi bills for the item, or null where ihuyi assembles the text. */
	billedMessages(prepared: Prepared): number | null;
}

/**
 * Runs a send over the items. A dry run (the runner's) takes the same path up to the request,
 * so what it shows (and every error it gives) is what the send would send (or give); only the
 * Submit call is left out, and with it the signing, so no password or key can reach the preview.
 */
export async function sendItems<Prepared>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	send: IhuyiSend<Prepared>,
): Promise<INodeExecutionData[]> {
	const { timeoutMs, maxConcurrency } = readCommonOptions(ctx);
	return await runItems<Prepared>(
		ctx,
		items.length,
		{
			sends: true,
			quietHours: true,
			// One message per number per second (ihuyi 4080): repeats of a number are paced.
			paceKey: (prepared) => send.fields(prepared).mobile,
			prepare: (itemIndex) => send.prepare(itemIndex),
			perform: async (prepared, itemIndex) => ({
				...(await submit(ctx, send.product, itemIndex, send.fields(prepared), timeoutMs)),
				...send.output(prepared),
			}),
			preview: (prepared) => preview(send.product, send.fields(prepared), send.output(prepared), send.billedMessages(prepared)),
		},
		maxConcurrency,
	);
}

function preview(product: IhuyiProduct, fields: Record<string, string>, output: IDataObject, billedMessages: number | null): IDataObject {
	return {
		provider: 'ihuyi',
		product,
		success: true,
		dryRun: true,
		mobile: fields.mobile,
		content: fields.content,
		...output,
		billedMessages,
	};
}
