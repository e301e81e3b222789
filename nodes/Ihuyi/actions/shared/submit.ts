import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { incompleteAnswerError } from '../../../common/requestErrors';
import { IHUYI_PRODUCTS } from '../../transport/products';
import type { IhuyiProduct } from '../../transport/products';
import { callIhuyi } from '../../transport/request';

/**
 * One Submit of any product, and the fields every send returns. A success without an id
 * means the message most likely went out: it is an error that says so, never a retry.
 */
export async function submit(
	ctx: IExecuteFunctions,
	product: IhuyiProduct,
	itemIndex: number,
	fields: Record<string, string>,
	timeoutMs: number,
): Promise<IDataObject> {
	const answer = await callIhuyi(ctx, { product, method: 'Submit', itemIndex, fields, timeoutMs });
	if (!answer.id) {
		throw incompleteAnswerError(ctx.getNode(), itemIndex, { provider: 'ihuyi', product, missing: IHUYI_PRODUCTS[product].idName, sent: true });
	}
	return {
		provider: 'ihuyi',
		product,
		success: true,
		messageId: answer.id,
		mobile: fields.mobile,
		code: Number(answer.code),
		message: answer.msg,
	};
}
