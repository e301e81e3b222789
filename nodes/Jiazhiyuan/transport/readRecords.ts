import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import type { SmsReceipt } from '../../common/receipt';
import { parseTextAnswer } from './parseAnswer';
import type { ParsedRecords } from './parseXml';
import { callJiazhiyuan, unexpectedAnswer } from './request';
import type { JiazhiyuanMethod } from './request';

/**
 * One query of delivery reports or replies, read with the given parser. No records come
 * as an empty answer or a bare `success`; any other answer the parser does not recognise
 * is an unexpected answer, never an empty list, because the platform hands records out
 * once and a misread answer would lose them silently.
 */
export async function readRecords(
	ctx: IExecuteFunctions | IPollFunctions,
	call: { method: JiazhiyuanMethod; itemIndex: number; timeoutMs?: number },
	parse: (text: string) => ParsedRecords,
): Promise<SmsReceipt[]> {
	const answer = await callJiazhiyuan(ctx, call);
	const { records, recognised } = parse(answer.text);
	if (!recognised && answer.text.trim() !== '' && parseTextAnswer(answer.text).kind !== 'success') {
		return await unexpectedAnswer(ctx, call.itemIndex, answer);
	}
	return records;
}
