/**
 * The workflows the e2e suite imports: the package's examples (examples/*.json, pointed at
 * the simulator) and two that use every action operation of each provider.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { IHUYI_SIM_BASE_PATHS, IHUYI_TEST_ACCOUNTS } from '../../simulator/ihuyi';
import { JIAZHIYUAN_TEST_ACCOUNT } from '../../simulator/jiazhiyuan';
import { REPO_ROOT } from './install';
import type { N8nInstance } from './n8n';

const PACKAGE = 'n8n-nodes-ihuyi-jiazhiyuan';
/** The simulator address the examples are written for (`npm run simulator` with SIMULATOR_PORT=8089). */
export const EXAMPLE_SIMULATOR_URL = 'http://127.0.0.1:8089';

export const CREDENTIAL_IDS = {
	ihuyiSmsApi: 'ihuyiSmsCred0001',
	ihuyiInternationalSmsApi: 'ihuyiIntlCred001',
	ihuyiVoiceApi: 'ihuyiVoiceCred01',
	ihuyiVoiceNotificationApi: 'ihuyiVNoteCred01',
	jiazhiyuanApi: 'jiazhiyuanCred01',
} as const;

export function credentials(simulatorUrl: string): unknown[] {
	return [
		{ id: CREDENTIAL_IDS.ihuyiSmsApi, name: 'ihuyi SMS account', type: 'ihuyiSmsApi', data: { ...IHUYI_TEST_ACCOUNTS.sms, signing: 'dynamicPassword', baseUrl: simulatorUrl } },
		{ id: CREDENTIAL_IDS.ihuyiInternationalSmsApi, name: 'ihuyi International SMS account', type: 'ihuyiInternationalSmsApi', data: { ...IHUYI_TEST_ACCOUNTS.internationalSms, signing: 'dynamicPassword', baseUrl: simulatorUrl } },
		{ id: CREDENTIAL_IDS.ihuyiVoiceApi, name: 'ihuyi Voice Code account', type: 'ihuyiVoiceApi', data: { ...IHUYI_TEST_ACCOUNTS.voiceCode, signing: 'dynamicPassword', baseUrl: simulatorUrl } },
		{ id: CREDENTIAL_IDS.ihuyiVoiceNotificationApi, name: 'ihuyi Voice Notification account', type: 'ihuyiVoiceNotificationApi', data: { ...IHUYI_TEST_ACCOUNTS.voiceNotification, signing: 'dynamicPassword', baseUrl: `${simulatorUrl}${IHUYI_SIM_BASE_PATHS.voiceNotification}` } },
		{ id: CREDENTIAL_IDS.jiazhiyuanApi, name: 'Jiazhiyuan account', type: 'jiazhiyuanApi', data: { ...JIAZHIYUAN_TEST_ACCOUNT, baseUrl: simulatorUrl, smsType: '1' } },
	];
}

/**
 * An example workflow pointed at the simulator. Examples that keep state in a Data Table leave
 * the table for the user to pick; `dataTableId` fills it in, as picking it in the editor does.
 */
export function example(file: string, simulatorUrl: string, dataTableId?: string): Record<string, unknown> {
	const text = readFileSync(join(REPO_ROOT, 'examples', file), 'utf8');
	const workflow = JSON.parse(text.split(EXAMPLE_SIMULATOR_URL).join(simulatorUrl)) as { nodes: Array<{ type: string; parameters: Record<string, unknown> }> };
	for (const node of workflow.nodes) {
		if (node.type === 'n8n-nodes-base.dataTable') {
			if (!dataTableId) throw new Error(`${file} needs a data table id`);
			node.parameters.dataTableId = { __rl: true, mode: 'id', value: dataTableId };
		}
	}
	return workflow;
}

/** The table the receipts example remembers pushed records in: one text column, key. */
export const RECEIPTS_TABLE = { name: 'ihuyi receipts seen', columns: [{ name: 'key', type: 'string' as const }] };

/** The table the daily delivery report example keeps receipts in: text columns, as its notes say. */
export const DELIVERY_TABLE = {
	name: 'sms delivery receipts',
	columns: ['key', 'provider', 'product', 'messageId', 'mobile', 'status', 'code', 'explanation', 'day'].map((name) => ({ name, type: 'string' as const })),
};

const cred = (type: keyof typeof CREDENTIAL_IDS) => ({ [type]: { id: CREDENTIAL_IDS[type], name: type } });

function workflow(id: string, name: string, actions: Array<{ name: string; type: string; parameters: Record<string, unknown>; credential: keyof typeof CREDENTIAL_IDS; after?: string }>) {
	const trigger = 'Start';
	const nodes: Array<Record<string, unknown>> = [{ id: 'start', name: trigger, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }> = {};
	actions.forEach((action, index) => {
		nodes.push({ id: `n${index}`, name: action.name, type: `${PACKAGE}.${action.type}`, typeVersion: 1, position: [300, index * 160], parameters: action.parameters, credentials: cred(action.credential) });
		const from = action.after ?? trigger;
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: action.name, type: 'main', index: 0 });
	});
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {}, active: false };
}

export const IHUYI_ALL_OPERATIONS_ID = 'e2eIhuyiAllOps01';
export const JIAZHIYUAN_ALL_OPERATIONS_ID = 'e2eJzyAllOps0001';

export function ihuyiAllOperations() {
	return workflow(IHUYI_ALL_OPERATIONS_ID, 'e2e: every ihuyi operation', [
		{ name: 'SMS Send', type: 'ihuyi', credential: 'ihuyiSmsApi', parameters: { resource: 'sms', operation: 'send', mobile: '+86 138 0013 8000', sendMode: 'fullText', content: '={{ "您的验证码是：" + "4321" + "。请不要把验证码泄露给其他人。" }}', options: {} } },
		{ name: 'SMS Template Send', type: 'ihuyi', credential: 'ihuyiSmsApi', parameters: { resource: 'sms', operation: 'send', mobile: '13900139000', sendMode: 'template', templateId: '2', templateVariables: { variable: [{ value: 'A2024001' }, { value: 'SF123456789' }] }, options: {} } },
		{ name: 'SMS Balance', type: 'ihuyi', credential: 'ihuyiSmsApi', parameters: { resource: 'sms', operation: 'getBalance', options: {} } },
		{ name: 'SMS Template Add', type: 'ihuyi', credential: 'ihuyiSmsApi', parameters: { resource: 'template', operation: 'add', templateText: '您的订单【变量】已发货，快递单号【变量】，请注意查收。', options: {} } },
		{ name: 'International Send', type: 'ihuyi', credential: 'ihuyiInternationalSmsApi', parameters: { resource: 'internationalSms', operation: 'send', numberFormat: 'e164', phoneNumber: '+85261234567', content: 'Your verification code is 1125', options: {} } },
		{ name: 'International Balance', type: 'ihuyi', credential: 'ihuyiInternationalSmsApi', parameters: { resource: 'internationalSms', operation: 'getBalance', options: {} } },
		{ name: 'Voice Send', type: 'ihuyi', credential: 'ihuyiVoiceApi', parameters: { resource: 'voiceCode', operation: 'send', mobile: '13700137000', codeSource: 'generate', codeLength: 6, options: {} } },
		{ name: 'Voice Balance', type: 'ihuyi', credential: 'ihuyiVoiceApi', parameters: { resource: 'voiceCode', operation: 'getBalance', options: {} } },
		{ name: 'Voice Notification Send', type: 'ihuyi', credential: 'ihuyiVoiceNotificationApi', parameters: { resource: 'voiceNotification', operation: 'send', mobile: '021-51234567', sendMode: 'template', templateId: '10001', templateVariables: { variable: [{ value: '体检' }, { value: '明天上午9点' }] }, options: {} } },
		{ name: 'Voice Notification Balance', type: 'ihuyi', credential: 'ihuyiVoiceNotificationApi', parameters: { resource: 'voiceNotification', operation: 'getBalance', options: {} } },
	]);
}

export function jiazhiyuanAllOperations() {
	return workflow(JIAZHIYUAN_ALL_OPERATIONS_ID, 'e2e: every Jiazhiyuan operation', [
		{ name: 'Bulk Send', type: 'jiazhiyuan', credential: 'jiazhiyuanApi', parameters: { resource: 'sms', operation: 'send', mobiles: "={{ Array.from({ length: 25000 }, (_, i) => '135' + String(i).padStart(8, '0')) }}", content: '【嘉之元】短信测试', smsType: 'default', options: {} } },
		{ name: 'Delivery Reports', type: 'jiazhiyuan', credential: 'jiazhiyuanApi', after: 'Bulk Send', parameters: { resource: 'report', operation: 'getDeliveryReports', options: {} } },
		{ name: 'Replies', type: 'jiazhiyuan', credential: 'jiazhiyuanApi', parameters: { resource: 'report', operation: 'getReplies', options: {} } },
		{ name: 'Balance', type: 'jiazhiyuan', credential: 'jiazhiyuanApi', parameters: { resource: 'account', operation: 'getBalance', options: {} } },
		{ name: 'Change Password', type: 'jiazhiyuan', credential: 'jiazhiyuanApi', after: 'Balance', parameters: { resource: 'account', operation: 'changePassword', newPassword: 'Jzy2026pass', options: {} } },
	]);
}

export const DRY_RUN_SENDS_ID = 'e2eDryRunSends01';

/** Every send of both providers with Dry Run on: n8n must run them all without one request. */
export function dryRunSends() {
	const dryRun = { dryRun: true };
	return workflow(DRY_RUN_SENDS_ID, 'e2e: every send as a dry run', [
		{ name: 'SMS', type: 'ihuyi', credential: 'ihuyiSmsApi', parameters: { resource: 'sms', operation: 'send', mobile: '+86 138 0013 8000', sendMode: 'fullText', content: '您的验证码是：4321。请不要把验证码泄露给其他人。', options: dryRun } },
		{ name: 'International SMS', type: 'ihuyi', credential: 'ihuyiInternationalSmsApi', parameters: { resource: 'internationalSms', operation: 'send', numberFormat: 'e164', phoneNumber: '+85261234567', content: 'Your verification code is 1125', options: dryRun } },
		{ name: 'Voice Code', type: 'ihuyi', credential: 'ihuyiVoiceApi', parameters: { resource: 'voiceCode', operation: 'send', mobile: '13700137000', codeSource: 'generate', codeLength: 6, options: dryRun } },
		{ name: 'Voice Notification', type: 'ihuyi', credential: 'ihuyiVoiceNotificationApi', parameters: { resource: 'voiceNotification', operation: 'send', mobile: '+86 10 1234 5678', content: '您好，您预约的体检明天开始。', options: dryRun } },
		{ name: 'Jiazhiyuan SMS', type: 'jiazhiyuan', credential: 'jiazhiyuanApi', parameters: { resource: 'sms', operation: 'send', mobiles: "={{ Array.from({ length: 25000 }, (_, i) => '135' + String(i).padStart(8, '0')) }}", content: '【嘉之元】短信测试', smsType: 'default', options: dryRun } },
	]);
}

/** The webhook id of the receipts example (examples/delivery-receipts-to-log.json). */
export const RECEIPTS_EXAMPLE_WEBHOOK_ID = '5f1c2a9e-7b3d-4c8e-9a61-2d4f0e8b7c31';

/** The smallest workflow on the Ihuyi Trigger: the execution itself is the record. */
export function crashTriggerWorkflow() {
	const webhookId = '0b6f3d52-1c4e-4f7a-9d2b-8e5a7c3f1a40';
	return {
		id: 'e2eCrashTrigger1',
		webhookId,
		name: 'e2e: receipts on the Ihuyi Trigger',
		nodes: [
			{ id: 't1', name: 'Ihuyi Trigger', type: `${PACKAGE}.ihuyiTrigger`, typeVersion: 1, position: [0, 0], parameters: { product: 'sms', events: ['deliveryReceipt'], options: {} }, webhookId },
			{ id: 't2', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { 'Ihuyi Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}

/** The baseline: n8n's own Webhook node, Respond: Immediately; Ignore Bots lets a probe be refused. */
export function webhookNodeWorkflow() {
	const path = 'baseline-receipts';
	return {
		id: 'e2eCrashWebhook1',
		path,
		name: 'e2e: receipts on n8n\'s Webhook node',
		nodes: [
			{ id: 'w1', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: { ignoreBots: true } }, webhookId: '6d2e9b1a-3f5c-4e8d-a7b0-c1d2e3f4a5b6' },
			{ id: 'w2', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}

/** The path of the fast-route receipts example's Webhook node (examples/delivery-receipts-fast-route.json). */
export const FAST_ROUTE_EXAMPLE_PATH = '8d3b6f1e-2a4c-4e7b-9f05-6c1d2e3a4b5c';

/**
 * n8n's Webhook node answering exactly "success" (text/plain) at once, then Push → Read: the
 * fast route of the README, its parameters free of expressions. Ignore Bots (as in the baseline
 * above) lets a crawler's request prove the webhook is served; the example leaves it off.
 */
export function fastRouteWorkflow() {
	const path = 'fast-route-receipts';
	const options = { ignoreBots: true, responseData: 'success', responseHeaders: { entries: [{ name: 'Content-Type', value: 'text/plain; charset=utf-8' }] } };
	return {
		id: 'e2eCrashFastRte1',
		path,
		name: 'e2e: receipts on n8n\'s Webhook node and Push → Read',
		nodes: [
			{ id: 'f1', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options }, webhookId: '4e1f7a2c-9b3d-4c5e-8a6f-0b1c2d3e4f50' },
			{ id: 'f2', name: 'Read Push', type: `${PACKAGE}.ihuyi`, typeVersion: 1, position: [220, 0], parameters: { resource: 'push', operation: 'read', product: 'sms', events: ['deliveryReceipt'], options: {} } },
		],
		connections: { Webhook: { main: [[{ node: 'Read Push', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}

/**
 * Creates the receipts example's table the way a user does before importing it: Data Tables
 * live in n8n's database and are made through the editor, so n8n runs for a moment.
 */
export async function createReceiptsTable(n8n: N8nInstance, table: typeof RECEIPTS_TABLE = RECEIPTS_TABLE): Promise<string> {
	await n8n.start();
	try {
		return await n8n.editor.createDataTable(table.name, table.columns);
	} finally {
		await n8n.stop();
	}
}

/**
 * For comparison only: repeats filtered by n8n's Remove Duplicates node ("Remove Items
 * Processed in Previous Executions"), which keeps all keys in one database row that each
 * execution reads and writes back whole.
 */
export function removeDuplicatesWorkflow(simulatorUrl: string) {
	const webhookId = '3c8a1f6e-5b2d-4e9a-8f7c-0d1e2a3b4c5d';
	return {
		id: 'e2eRemoveDupes01',
		webhookId,
		name: 'e2e: receipts through Remove Duplicates',
		nodes: [
			{ id: 'r1', name: 'Ihuyi Trigger', type: `${PACKAGE}.ihuyiTrigger`, typeVersion: 1, position: [0, 0], parameters: { product: 'sms', events: ['deliveryReceipt', 'reply'], options: {} }, webhookId },
			{ id: 'r2', name: 'Remove Duplicates', type: 'n8n-nodes-base.removeDuplicates', typeVersion: 2, position: [220, 0], parameters: { operation: 'removeItemsSeenInPreviousExecutions', dedupeValue: '={{ $json.event }}:{{ $json.messageId }}', options: {} } },
			{ id: 'r3', name: 'Log', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [440, 0], parameters: { method: 'POST', url: `${simulatorUrl}/__sim/sink`, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify({ receipt: $json }) }}', options: {} } },
		],
		connections: { 'Ihuyi Trigger': { main: [[{ node: 'Remove Duplicates', type: 'main', index: 0 }]] }, 'Remove Duplicates': { main: [[{ node: 'Log', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}

/** n8n refuses a poll time under a minute: six once-a-minute times, ten seconds apart, poll every ten seconds. */
export const POLL_EVERY_10_SECONDS = { item: [0, 10, 20, 30, 40, 50].map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) };

/** Jiazhiyuan Trigger → the simulator's log, polling every ten seconds. */
export function pollingWorkflow(simulatorUrl: string) {
	return {
		id: 'e2ePollReports01',
		name: 'e2e: Jiazhiyuan reports to a log',
		nodes: [
			{ id: 'p1', name: 'Jiazhiyuan Trigger', type: `${PACKAGE}.jiazhiyuanTrigger`, typeVersion: 1, position: [0, 0], parameters: { pollTimes: POLL_EVERY_10_SECONDS, events: ['deliveryReports', 'replies'] }, credentials: cred('jiazhiyuanApi') },
			{ id: 'p2', name: 'Log', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [220, 0], parameters: { method: 'POST', url: `${simulatorUrl}/__sim/sink`, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify({ record: $json }) }}', options: {} } },
		],
		connections: { 'Jiazhiyuan Trigger': { main: [[{ node: 'Log', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}
