import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { parseReplies } from '../../transport/parseXml';
import { timeoutOnlyOptions } from '../shared/options';
import { fetchRecordsOfItems } from './fetchRecords';

const properties: INodeProperties[] = [
	{
		displayName:
			'Jiazhiyuan hands out each reply once: the ones this operation returns are gone from the platform afterwards. To collect them continuously, use the Jiazhiyuan Trigger instead.',
		name: 'getRepliesNotice',
		type: 'notice',
		default: '',
	},
	timeoutOnlyOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getReplies'] } }, properties);

/** One getRecvSMS query per input item, one output item per reply. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await fetchRecordsOfItems(this, items, { method: 'getRecvSMS', parse: parseReplies });
}
