import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as internationalSms from './internationalSms';
import * as sms from './sms';
import * as voiceCode from './voiceCode';

type Operation = { execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, Operation>> = {
	sms: { send: sms.send, getBalance: sms.getBalance },
	internationalSms: { send: internationalSms.send, getBalance: internationalSms.getBalance },
	voiceCode: { send: voiceCode.send, getBalance: voiceCode.getBalance },
};

/** Hands all items to the chosen resource's operation, which processes them in order. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await handler.execute.call(this, items)];
}
