/**
 * webhookRatio: receipts per second a real n8n handles through the Ihuyi Trigger, divided by
 * the same n8n's built-in Webhook node on the same form-encoded payloads. Both workflows are
 * active side by side; pushes go over loopback, 10 at a time, each bounded by a timeout.
 */
import { BOT_PROBE, freePort, installN8n, N8nInstance } from '../../test/e2e/lib/n8n';
import { installPackage } from '../../test/e2e/lib/packageInstall';
import { PUSH_HEADERS } from '../../test/e2e/lib/pushes';
import { samplePushes } from '../../test/simulator/pusher';
import { ratio } from './measure';
import type { Figure } from './measure';

const VERSION = '2.41.1';
const TRIGGER_ID = '0c7d2e91-44a1-4b0e-8f3a-6a1d5c2b9e10';
const WEBHOOK_ID = '9b2f6c14-1d3e-4a57-8e0b-7c4f3a2d1e65';

function workflows() {
	const base = { connections: {}, settings: { executionOrder: 'v1', saveDataSuccessExecution: 'none' }, pinData: {}, active: false };
	return [
		{ ...base, id: 'benchIhuyiTrig01', name: 'bench: Ihuyi Trigger', nodes: [{ id: 't', name: 'Ihuyi Trigger', type: 'n8n-nodes-ihuyi-jiazhiyuan.ihuyiTrigger', typeVersion: 1, position: [0, 0], webhookId: TRIGGER_ID, parameters: { product: 'sms', events: ['deliveryReceipt', 'reply'], options: {} } }] },
		{ ...base, id: 'benchWebhook0001', name: 'bench: Webhook', nodes: [{ id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: WEBHOOK_ID, parameters: { httpMethod: 'POST', path: 'receipt', responseMode: 'onReceived', options: { ignoreBots: true } } }] },
	];
}

async function burst(url: string, total: number, concurrency: number): Promise<number> {
	let next = 0;
	let failures = 0;
	const start = process.hrtime.bigint();
	const worker = async () => {
		while (next < total) {
			const index = next++;
			const body = new URLSearchParams(samplePushes.deliveryReceipt(String(16063783563405105174n + BigInt(index)), `138${String(index).padStart(8, '0')}`)).toString();
			const response = await fetch(url, { method: 'POST', headers: PUSH_HEADERS, body, signal: AbortSignal.timeout(30_000) });
			await response.text();
			if (response.status !== 200) failures++;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	if (failures) throw new Error(`${failures} of ${total} pushes to ${url} failed`);
	return Number(process.hrtime.bigint() - start) / 1e6;
}

/** `extraEnv`: settings of the n8n under test, e.g. its expression isolate pool. */
export async function webhookRatio(repetitions: number, pushes = 500, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ ratio: Figure; trigger: Figure; webhook: Figure }> {
	installN8n([VERSION]);
	const n8n = new N8nInstance(VERSION, await freePort());
	n8n.extraEnv = extraEnv;
	try {
		installPackage(n8n.nodesFolder);
		for (const workflow of workflows()) {
			await n8n.importWorkflow(workflow);
			await n8n.activate(workflow.id);
		}
		await n8n.start();
		const triggerUrl = `${n8n.baseUrl}/webhook/${TRIGGER_ID}/ihuyi`;
		// The Webhook node serves its path as given (no webhook id in the URL).
		const webhookUrl = `${n8n.baseUrl}/webhook/receipt`;
		await n8n.waitForWebhook(triggerUrl);
		// Ignore Bots lets a crawler's request prove the Webhook node is served without starting an execution.
		await n8n.waitForWebhook(webhookUrl, BOT_PROBE);
		// Receipts per second is pushes / time, so the rate ratio is webhook time / trigger time.
		const result = await ratio(repetitions, () => burst(webhookUrl, pushes, 10), () => burst(triggerUrl, pushes, 10));
		return { ratio: result.ratio, trigger: result.baseline, webhook: result.measured };
	} finally {
		await n8n.dispose();
	}
}
