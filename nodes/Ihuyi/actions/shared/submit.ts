import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { incompleteAnswerError } from '../../../common/requestErrors';
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
		const missing = product === 'voiceCode' ? 'call id (voiceid)' : 'message id (smsid)';
		throw incompleteAnswerError(ctx.getNode(), itemIndex, { provider: 'ihuyi', product, missing, sent: true });
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
