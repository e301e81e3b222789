import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { answerAsOutput, oneCallPerItem } from '../../../common/runner/operation';
import { runOperation } from '../../../common/runner/runOperation';
import type { IhuyiProduct } from '../../transport/products';
import { callIhuyi } from '../../transport/request';
import { readTimeout } from './options';

/** Get Balance (GetNum) is the same call for every product; only the credential differs. */
export async function getBalanceOfItems(ctx: IExecuteFunctions, items: INodeExecutionData[], product: IhuyiProduct): Promise<INodeExecutionData[]> {
	return await runOperation(ctx, items, {
		validate: () => undefined,
		plan: (inputs, valid) => oneCallPerItem(inputs, valid),
		send: async ({ items: [itemIndex] }) => {
			const answer = await callIhuyi(ctx, { product, method: 'GetNum', itemIndex, timeoutMs: readTimeout(ctx, itemIndex) });
			const balance = Number(answer.num);
			return {
				provider: 'ihuyi',
				product,
				success: true,
				balance: Number.isFinite(balance) ? balance : null,
				unit: 'messages',
				code: Number(answer.code),
				message: answer.msg,
			};
		},
		output: answerAsOutput,
	});
}
