/**
 * webhookRatio: receipts per second a real n8n answers on three routes, all active side by
 * side in the same n8n and fed the same form-encoded pushes, 10 at a time over loopback,
 * each bounded by a timeout:
 * - the Ihuyi Trigger (answers "success" once n8n has created the execution);
 * - n8n's own Webhook node alone (Respond: Immediately), the baseline;
 * - the fast route: that Webhook node answering exactly "success" (text/plain), then the
 *   Ihuyi node's Push → Read.
 * Each repetition runs the three in a rotating order. Between bursts the bench waits until
 * every execution of the last one has ended (untimed), so that no route's executions run in
 * another route's burst. A burst's time runs from its first push to its last answer.
 */
import { hasFinished, readLiveExecutionStatuses } from '../../test/e2e/lib/executions';
import { freePort, installN8n } from '../../test/e2e/lib/install';
import { N8nInstance } from '../../test/e2e/lib/n8n';
import { BOT_PROBE } from '../../test/e2e/lib/webhookProbes';
import { installPackage } from '../../test/e2e/lib/packageInstall';
import { HTTP_200, PUSH_HEADERS, SUCCESS, waitFor } from '../../test/e2e/lib/pushes';
import type { Acknowledged } from '../../test/e2e/lib/pushes';
import { samplePushes } from '../../test/simulator/pusher';
import { summarise } from './measure';
import type { Figure } from './measure';

const VERSION = '2.41.1';
const TRIGGER_ID = '0c7d2e91-44a1-4b0e-8f3a-6a1d5c2b9e10';
const WEBHOOK_ID = '9b2f6c14-1d3e-4a57-8e0b-7c4f3a2d1e65';
const FAST_ROUTE_ID = '5a8e3c17-2f4b-4d69-9c1e-3b7d0a6f2e84';
const PACKAGE = 'n8n-nodes-ihuyi-jiazhiyuan';

function workflows() {
	const base = { connections: {}, settings: { executionOrder: 'v1', saveDataSuccessExecution: 'none' }, pinData: {}, active: false };
	// The baseline's options; the fast route adds only its answer. Ignore Bots lets a crawler's request prove a Webhook node is served.
	const webhookOptions = { ignoreBots: true };
	const success = { ...webhookOptions, responseData: 'success', responseHeaders: { entries: [{ name: 'Content-Type', value: 'text/plain; charset=utf-8' }] } };
	return [
		{ ...base, id: 'benchIhuyiTrig01', name: 'bench: Ihuyi Trigger', nodes: [{ id: 't', name: 'Ihuyi Trigger', type: `${PACKAGE}.ihuyiTrigger`, typeVersion: 1, position: [0, 0], webhookId: TRIGGER_ID, parameters: { product: 'sms', events: ['deliveryReceipt', 'reply'], options: {} } }] },
		{ ...base, id: 'benchWebhook0001', name: 'bench: Webhook', nodes: [{ id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: WEBHOOK_ID, parameters: { httpMethod: 'POST', path: 'receipt', responseMode: 'onReceived', options: webhookOptions } }] },
		{
			...base,
			id: 'benchFastRoute01',
			name: 'bench: Webhook + Push → Read',
			nodes: [
				{ id: 'f', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: FAST_ROUTE_ID, parameters: { httpMethod: 'POST', path: 'receipt-fast', responseMode: 'onReceived', options: success } },
				{ id: 'r', name: 'Read Push', type: `${PACKAGE}.ihuyi`, typeVersion: 1, position: [220, 0], parameters: { resource: 'push', operation: 'read', product: 'sms', events: ['deliveryReceipt', 'reply'], options: {} } },
			],
			connections: { Webhook: { main: [[{ node: 'Read Push', type: 'main', index: 0 }]] } },
		},
	];
}

async function burst(url: string, total: number, concurrency: number, acknowledged: Acknowledged): Promise<number> {
	let next = 0;
	let failures = 0;
	const start = process.hrtime.bigint();
	const worker = async () => {
		while (next < total) {
			const index = next++;
			const body = new URLSearchParams(samplePushes.deliveryReceipt(String(16063783563405105174n + BigInt(index)), `138${String(index).padStart(8, '0')}`)).toString();
			const response = await fetch(url, { method: 'POST', headers: PUSH_HEADERS, body, signal: AbortSignal.timeout(30_000) });
			if (!acknowledged(response.status, await response.text())) failures++;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	if (failures) throw new Error(`${failures} of ${total} pushes to ${url} were not acknowledged`);
	return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface WebhookFigures {
	/** Rate of the trigger / rate of the Webhook node alone (= webhook time / trigger time), per repetition. */
	ratio: Figure;
	/** Rate of the fast route / rate of the Webhook node alone. */
	fastRouteRatio: Figure;
	trigger: Figure;
	webhook: Figure;
	fastRoute: Figure;
}

/** `extraEnv`: settings of the n8n under test, e.g. its expression isolate pool. */
export async function webhookRatio(repetitions: number, pushes = 500, extraEnv: NodeJS.ProcessEnv = {}): Promise<WebhookFigures> {
	installN8n([VERSION]);
	const n8n = new N8nInstance(VERSION, await freePort());
	n8n.extraEnv = extraEnv;
	try {
		installPackage(n8n.nodesFolder);
		await n8n.importWorkflows(workflows());
		for (const workflow of workflows()) await n8n.activate(workflow.id);
		await n8n.start();
		const routes = {
			trigger: { url: `${n8n.baseUrl}/webhook/${TRIGGER_ID}/ihuyi`, acknowledged: SUCCESS },
			// n8n's Webhook node serves its path as given (no webhook id in the URL).
			webhook: { url: `${n8n.baseUrl}/webhook/receipt`, acknowledged: HTTP_200 },
			fastRoute: { url: `${n8n.baseUrl}/webhook/receipt-fast`, acknowledged: SUCCESS },
		};
		await n8n.waitForWebhook(routes.trigger.url);
		await n8n.waitForWebhook(routes.webhook.url, BOT_PROBE);
		await n8n.waitForWebhook(routes.fastRoute.url, BOT_PROBE);
		const drained = async () => {
			for (const workflow of workflows()) {
				await waitFor(`the executions of ${workflow.name}`, async () => (await readLiveExecutionStatuses(n8n, workflow.id)).every(hasFinished));
			}
		};
		const run = async (route: keyof typeof routes) => {
			const ms = await burst(routes[route].url, pushes, 10, routes[route].acknowledged);
			await drained();
			return ms;
		};
		const names = Object.keys(routes) as Array<keyof typeof routes>;
		for (const name of names) await run(name);
		const samples: Record<keyof typeof routes, number[]> = { trigger: [], webhook: [], fastRoute: [] };
		for (let repetition = 0; repetition < repetitions; repetition++) {
			// Rotate the order so that no route always runs first or last.
			for (let step = 0; step < names.length; step++) {
				const name = names[(repetition + step) % names.length];
				samples[name].push(await run(name));
			}
		}
		// Receipts per second is pushes / time, so a rate ratio is the Webhook node's time / the route's time.
		const against = (route: number[]) => summarise(route.map((ms, repetition) => samples.webhook[repetition] / ms));
		return {
			ratio: against(samples.trigger),
			fastRouteRatio: against(samples.fastRoute),
			trigger: summarise(samples.trigger),
			webhook: summarise(samples.webhook),
			fastRoute: summarise(samples.fastRoute),
		};
	} finally {
		await n8n.dispose();
	}
}
