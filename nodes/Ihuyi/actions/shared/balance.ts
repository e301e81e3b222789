import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation as RoutedOperation } from '../../../common/router';
import { answerAsOutput, oneCallPerItem } from '../../../common/runner/operation';
import { runOperation } from '../../../common/runner/runOperation';
import type { IhuyiProduct } from '../../transport/products';
import { callIhuyi } from '../../transport/request';
import { readTimeout, timeoutOnlyOptions } from './options';

/** Get Balance (GetNum) is the same operation for every product; only the credential differs. */
export function getBalanceOperation(product: IhuyiProduct): RoutedOperation {
	return {
		description: updateDisplayOptions({ show: { resource: [product], operation: ['getBalance'] } }, [timeoutOnlyOptions]),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			return await runOperation(this, items, {
				validate: () => undefined,
				plan: (inputs, valid) => oneCallPerItem(inputs, valid),
				send: async ({ items: [itemIndex] }) => {
					const answer = await callIhuyi(this, { product, method: 'GetNum', itemIndex, timeoutMs: readTimeout(this, itemIndex) });
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
		},
	};
}
