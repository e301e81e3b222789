import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getBalanceOfItems } from '../shared/balance';
import { timeoutOnlyOptions } from '../shared/options';

export const description = updateDisplayOptions({ show: { resource: ['internationalSms'], operation: ['getBalance'] } }, [timeoutOnlyOptions]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await getBalanceOfItems(this, items, 'internationalSms');
}
