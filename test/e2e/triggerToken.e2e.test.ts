/**
 * The Ihuyi Trigger's secret token kept in a credential, in a real n8n: the workflow uses an
 * Ihuyi Trigger Token API credential (Authentication → Secret Token); a push without the token
 * gets 403 and starts nothing, a push with it is answered "success" and recorded; and neither
 * the workflow as n8n stores and exports it nor the stored credential holds the token in
 * plain text.
 */
import type { SimulatorProcess } from '../simulator/process';
import { samplePushes } from '../simulator/pusher';
import { readExecutions } from './lib/executions';
import { selectedVersions } from './lib/install';
import type { N8nInstance } from './lib/n8n';
import { disposeAll, n8nWithPackage } from './lib/setup';

const TOKEN = 'e2e-Tk-4f9Q2mVb8Lp3RtZ6';
const CREDENTIAL = { id: 'e2eIhuyiTriggerTok1', name: 'Ihuyi Trigger Token (e2e)', type: 'ihuyiTriggerTokenApi', data: { token: TOKEN } };
const WEBHOOK_ID = '3c1e7a92-5b4d-4f6e-8a1c-2d9b0e7f6a53';
const WORKFLOW = {
	id: 'e2eTokenTrigger1',
	name: 'e2e: Ihuyi Trigger with a token credential',
	nodes: [
		{
			id: 'k1',
			name: 'Ihuyi Trigger',
			type: 'n8n-nodes-ihuyi-jiazhiyuan.ihuyiTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { authentication: 'secretToken', product: 'sms', events: ['deliveryReceipt'], options: {} },
			credentials: { ihuyiTriggerTokenApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			webhookId: WEBHOOK_ID,
		},
		{ id: 'k2', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
	],
	connections: { 'Ihuyi Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	pinData: {},
	active: false,
};

const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

describe.each(selectedVersions())('n8n %s: the Ihuyi Trigger token lives in an encrypted credential', (version) => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	let url: string;

	beforeAll(async () => {
		({ sim, n8n } = await n8nWithPackage(version));
		await n8n.importCredentials([CREDENTIAL]);
		await n8n.importWorkflow(WORKFLOW);
		await n8n.activate(WORKFLOW.id);
		await n8n.start();
		url = `${n8n.baseUrl}/webhook/${WEBHOOK_ID}/ihuyi`;
		// Without the token even a request that is not a push is refused: 403 once the node serves it.
		await n8n.waitForWebhook(url, { request: form({}), status: 403 });
	}, 30 * 60_000);

	afterAll(async () => {
		await disposeAll({ n8n, sim });
	}, 60_000);

	test('without the token 403 and no execution; with it "success" and one execution', async () => {
		const without = await fetch(url, form(samplePushes.deliveryReceipt('83000000000000000001')));
		const wrong = await fetch(`${url}?token=${TOKEN.slice(0, -1)}`, form(samplePushes.deliveryReceipt('83000000000000000002')));
		const right = await fetch(`${url}?token=${TOKEN}`, form(samplePushes.deliveryReceipt('83000000000000000003')));
		const answers = { without: without.status, wrong: wrong.status, right: [right.status, await right.text()] };
		console.log(`n8n ${version}, Ihuyi Trigger with a token credential: ${JSON.stringify(answers)}`);
		expect(answers).toEqual({ without: 403, wrong: 403, right: [200, 'success'] });
		// n8n 1.x may store the execution just after its answer: wait until it is there (bounded).
		let executions = await readExecutions(n8n, WORKFLOW.id, '83\\d{18}');
		for (const started = Date.now(); executions.length === 0 && Date.now() - started < 60_000; ) {
			await new Promise((resolve) => setTimeout(resolve, 200));
			executions = await readExecutions(n8n, WORKFLOW.id, '83\\d{18}');
		}
		expect(executions.flatMap((execution) => execution.ids)).toEqual(['83000000000000000003']);
		// The stored execution data carries no trace of the token.
		const withToken = await readExecutions(n8n, WORKFLOW.id, TOKEN);
		expect(withToken.flatMap((execution) => execution.ids)).toEqual([]);
	}, 120_000);

	test('the workflow as n8n stores and exports it, and the stored credential, hold no plain token', async () => {
		const workflow = await n8n.editor.rest('GET', `/workflows/${WORKFLOW.id}`);
		expect(JSON.stringify(workflow)).toContain(CREDENTIAL.id);
		expect(JSON.stringify(workflow)).not.toContain(TOKEN);
		const exported = await n8n.cli(['export:credentials', `--id=${CREDENTIAL.id}`]);
		expect(exported.stdout).toContain(CREDENTIAL.id);
		expect(exported.stdout).not.toContain(TOKEN);
	}, 120_000);
});
