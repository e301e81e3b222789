/**
 * Workflows of the queue-mode suite: ihuyi and Jiazhiyuan sends started by n8n's Webhook node (so that the
 * executions run on the workers) and the package's receipts example.
 */
import { CREDENTIAL_IDS } from '../../e2e/lib/workflows';

const PACKAGE = 'n8n-nodes-ihuyi-jiazhiyuan';

export interface SendsWorkflow {
	id: string;
	path: string;
	workflow: Record<string, unknown>;
}

/** n8n's node settings (Retry On Fail and its tries) given to the sending node. */
export type NodeSettings = Record<string, unknown>;

/**
 * A Webhook node taking `{ "mobiles": [...] }`, one item per number (Split Out), and the ihuyi
 * node sending each a verification code with `maxConcurrency` requests in flight.
 */
export function sendsWorkflow(id: string, path: string, maxConcurrency: number, settings: NodeSettings = {}): SendsWorkflow {
	return webhookInto(id, path, {
		type: `${PACKAGE}.ihuyi`,
		typeVersion: 1,
		parameters: { resource: 'sms', operation: 'send', mobile: '={{ $json.mobile }}', sendMode: 'fullText', content: '您的验证码是：4321。请不要把验证码泄露给其他人。', options: { maxConcurrency } },
		credentials: { ihuyiSmsApi: { id: CREDENTIAL_IDS.ihuyiSmsApi, name: 'ihuyiSmsApi' } },
		...settings,
	});
}

/**
 * The same for Jiazhiyuan: `{ "mobiles": ["a,b", "c,d"] }`, one item per list, one call per item
 * (Combine Items off).
 */
export function jiazhiyuanSendsWorkflow(id: string, path: string, settings: NodeSettings = {}): SendsWorkflow {
	return webhookInto(id, path, {
		type: `${PACKAGE}.jiazhiyuan`,
		typeVersion: 1,
		parameters: { resource: 'sms', operation: 'send', mobiles: '={{ $json.mobile }}', content: '【嘉之元】您的订单已发货。', smsType: 'default', options: { combineItems: false } },
		credentials: { jiazhiyuanApi: { id: CREDENTIAL_IDS.jiazhiyuanApi, name: 'jiazhiyuanApi' } },
		...settings,
	});
}

function webhookInto(id: string, path: string, sender: Record<string, unknown>): SendsWorkflow {
	const workflow = {
		id,
		name: `queue: sends (${path})`,
		nodes: [
			{ id: 's1', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} }, webhookId: `${id}-hook` },
			{ id: 's2', name: 'One item per number', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [220, 0], parameters: { fieldToSplitOut: 'body.mobiles', options: { destinationFieldName: 'mobile' } } },
			{ id: 's3', name: 'Send code', position: [440, 0], ...sender },
		],
		connections: { Webhook: { main: [[{ node: 'One item per number', type: 'main', index: 0 }]] }, 'One item per number': { main: [[{ node: 'Send code', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
	return { id, path, workflow };
}

/** Distinct mainland numbers: `prefix` (3 digits) and a running number. */
export function mobiles(prefix: string, from: number, count: number): string[] {
	return Array.from({ length: count }, (_, index) => `${prefix}${String(from + index).padStart(8, '0')}`);
}

/** The pattern of the mainland numbers `mobiles(prefix, …)` makes, in stored execution data. */
export const MOBILE = (prefix: string): string => `${prefix}\\d{8}`;
