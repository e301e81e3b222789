import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runItems } from '../../../common/runItems';
import type { IhuyiProduct } from '../../transport/products';
import { callIhuyi } from '../../transport/request';
import { readCommonOptions, timeoutOption } from './options';

/** Get Balance (GetNum) is the same call for every product; only the credential differs. */
export function getBalanceOperation(product: IhuyiProduct) {
	const properties: INodeProperties[] = [
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [timeoutOption],
		},
	];
	const description = updateDisplayOptions({ show: { resource: [product], operation: ['getBalance'] } }, properties);

	async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		const { timeoutMs } = readCommonOptions(this);
		return await runItems(this, items.length, {
			sends: false,
			prepare: () => undefined,
			perform: async (_prepared, itemIndex) => {
				const answer = await callIhuyi(this, { product, method: 'GetNum', itemIndex, timeoutMs });
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
		});
	}

	return { description, execute };
}
