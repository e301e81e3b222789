import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SmsReceipt } from '../../../common/receipt';
import { answerAsOutput, oneCallPerItem } from '../../../common/runner/operation';
import { runOperation } from '../../../common/runner/runOperation';

import type { ParsedRecords } from '../../transport/parseXml';
import { readRecords } from '../../transport/readRecords';
import type { JiazhiyuanMethod } from '../../transport/request';
import { readTimeout } from '../shared/options';

interface RecordQuery {
	method: JiazhiyuanMethod;
	parse: (text: string) => ParsedRecords;
}

/** One query per input item, one output item per record. */
export async function fetchRecordsOfItems(ctx: IExecuteFunctions, items: INodeExecutionData[], query: RecordQuery): Promise<INodeExecutionData[]> {
	return await runOperation(ctx, items, {
		// Records are handed out once, but a query changes nothing a re-run would repeat.
		validate: (itemIndex) => readTimeout(ctx, itemIndex),
		plan: (inputs, valid) => oneCallPerItem(inputs, valid),
		send: async ({ input: timeoutMs, items: [itemIndex] }) => await fetchRecords(ctx, itemIndex, query, timeoutMs),
		output: answerAsOutput,
	});
}

/** One query of Get Delivery Reports or Get Replies: the records in the shared receipt shape. */
export async function fetchRecords(
	ctx: IExecuteFunctions,
	itemIndex: number,
	query: RecordQuery,
	timeoutMs: number | undefined,
): Promise<SmsReceipt[]> {
	return await readRecords(ctx, { method: query.method, itemIndex, timeoutMs }, query.parse);
}
