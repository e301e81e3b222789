/**
 * The Ihuyi Trigger's promise in a real n8n (single process, SQLite): a push answered
 * "success" always has an execution, and a repeated push does its work once.
 *
 * Crash: 2,000 distinct receipts, 20 at a time; n8n is SIGKILLed after ~500 answers and
 * started again; every answered push must have an execution (any status) carrying its
 * message id. The same burst against n8n's own Webhook node (Respond: Immediately) in the
 * same run is the baseline. Repeats: 200 receipts at 20 concurrent, then the same 200 again,
 * through the receipts example (Ihuyi Trigger → Remove Duplicates → log).
 *
 * What n8n guarantees differs by version: n8n 2.x answers an "onReceived" webhook after it has
 * created the execution; 1.x answers before. The trigger uses that same path, so it gives what
 * n8n's own Webhook node gives: asserted on 2.x, printed on 1.x.
 */
import { startSimulatorProcess } from '../simulator/process';
import type { SimulatorProcess } from '../simulator/process';
import { readExecutions, recordedIds } from './lib/executions';
import { BOT_PROBE, freePort, installN8n, N8nInstance, selectedVersions, TRIGGER_PROBE } from './lib/n8n';
import type { WebhookProbe } from './lib/n8n';
import { installPackage } from './lib/packageInstall';
import { credentials, crashTriggerWorkflow, example, RECEIPTS_EXAMPLE_WEBHOOK_ID, webhookNodeWorkflow } from './lib/workflows';

const BURST = { total: 2000, concurrency: 20, killAfter: 500 };

interface CrashFigures {
	answered: number;
	lost: number;
	crashedInFlight: number;
	notAnswered: number;
	executions: number;
}

/** 20-digit ids, as ihuyi's smsid, with a prefix per run so runs never mix. */
const messageId = (prefix: string, index: number) => `${prefix}${String(index).padStart(18, '0')}`;

function receiptBody(id: string, index: number): string {
	return new URLSearchParams({ code: '2', msg: 'DELIVRD', mobilephone: `138${String(index % 1e8).padStart(8, '0')}`, smsid: id, report_time: '2024-05-01 12:00:00' }).toString();
}

/** Pushes distinct receipts, `concurrency` at a time, and SIGKILLs n8n after `killAfter` answers. */
async function burstUntilKilled(n8n: N8nInstance, url: string, prefix: string): Promise<{ answered: Set<string>; crashedInFlight: number; notAnswered: number }> {
	const answered = new Set<string>();
	let next = 0;
	let killed: Promise<void> | undefined;
	let crashedInFlight = 0;
	let notAnswered = 0;
	const worker = async () => {
		while (next < BURST.total && !killed) {
			const index = next++;
			const id = messageId(prefix, index);
			try {
				const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: receiptBody(id, index), signal: AbortSignal.timeout(60_000) });
				const body = await response.text();
				if (response.status === 200 && body === 'success') answered.add(id);
				else notAnswered++;
			} catch {
				if (killed) crashedInFlight++;
				else notAnswered++;
			}
			if (!killed && answered.size >= BURST.killAfter) killed = n8n.kill();
		}
	};
	await Promise.all(Array.from({ length: BURST.concurrency }, worker));
	await killed;
	return { answered, crashedInFlight, notAnswered };
}

async function crashRound(n8n: N8nInstance, workflowId: string, url: string, probe: WebhookProbe, prefix: string): Promise<CrashFigures> {
	await n8n.start();
	await n8n.waitForWebhook(url, probe);
	const { answered, crashedInFlight, notAnswered } = await burstUntilKilled(n8n, url, prefix);
	// Started again, n8n marks the executions that were running as crashed; none is re-run.
	await n8n.start();
	const executions = await readExecutions(n8n, workflowId, `${prefix}\\d{18}`);
	await n8n.stop();
	const recorded = recordedIds(executions);
	return { answered: answered.size, lost: [...answered].filter((id) => !recorded.has(id)).length, crashedInFlight, notAnswered, executions: executions.length };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`timed out waiting for ${what}`);
}

describe.each(selectedVersions())('n8n %s: receipts survive a crash and repeats do their work once', (version) => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	const major = Number(version.split('.')[0]);

	beforeAll(async () => {
		installN8n([version]);
		sim = await startSimulatorProcess();
		n8n = new N8nInstance(version, await freePort());
		installPackage(n8n.nodesFolder);
		await n8n.importCredentials(credentials(sim.url));
		for (const workflow of [crashTriggerWorkflow(), webhookNodeWorkflow(), example('delivery-receipts-to-log.json', sim.url)]) await n8n.importWorkflow(workflow);
		for (const id of [crashTriggerWorkflow().id, webhookNodeWorkflow().id, 'exReceiptsLog001']) await n8n.activate(id);
	}, 30 * 60_000);

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
	}, 60_000);

	test('SIGKILL mid-burst: every push answered "success" has an execution (Ihuyi Trigger beside n8n\'s Webhook node)', async () => {
		const trigger = await crashRound(n8n, crashTriggerWorkflow().id, `${n8n.baseUrl}/webhook/${crashTriggerWorkflow().webhookId}/ihuyi`, TRIGGER_PROBE, '81');
		const builtIn = await crashRound(n8n, webhookNodeWorkflow().id, `${n8n.baseUrl}/webhook/${webhookNodeWorkflow().path}`, BOT_PROBE, '82');
		console.log(
			[
				`n8n ${version}, single process, SQLite: ${BURST.total} distinct receipts, ${BURST.concurrency} at a time, SIGKILL after ${BURST.killAfter} answers, restart`,
				'| receiver | answered success | answered but no execution (lost) | in flight at the kill | executions |',
				'|---|---|---|---|---|',
				`| Ihuyi Trigger | ${trigger.answered} | ${trigger.lost} | ${trigger.crashedInFlight} | ${trigger.executions} |`,
				`| n8n Webhook node (Respond: Immediately) | ${builtIn.answered} | ${builtIn.lost} | ${builtIn.crashedInFlight} | ${builtIn.executions} |`,
			].join('\n'),
		);
		expect(trigger.answered).toBeGreaterThanOrEqual(BURST.killAfter);
		expect(builtIn.answered).toBeGreaterThanOrEqual(BURST.killAfter);
		// Nothing else went wrong: every push before the kill was answered "success".
		expect(trigger.notAnswered).toBe(0);
		if (major >= 2) {
			expect(trigger.lost).toBe(0);
			expect(builtIn.lost).toBe(0);
		}
	}, 15 * 60_000);

	test('200 receipts at 20 concurrent, then the same 200 again: each receipt\'s work runs once', async () => {
		await sim.control('reset', {});
		await n8n.start();
		try {
			const url = `${n8n.baseUrl}/webhook/${RECEIPTS_EXAMPLE_WEBHOOK_ID}/ihuyi`;
			await n8n.waitForWebhook(url);
			const ids = Array.from({ length: 200 }, (_, index) => messageId('83', index));
			const pushAll = async () => {
				let next = 0;
				let acknowledged = 0;
				const worker = async () => {
					while (next < ids.length) {
						const index = next++;
						const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: receiptBody(ids[index], index), signal: AbortSignal.timeout(60_000) });
						if (response.status === 200 && (await response.text()) === 'success') acknowledged++;
					}
				};
				await Promise.all(Array.from({ length: 20 }, worker));
				return acknowledged;
			};
			const finished = async (count: number) => (await readExecutions(n8n, 'exReceiptsLog001', '83\\d{18}')).filter((execution) => execution.status === 'success' || execution.status === 'error').length >= count;
			expect(await pushAll()).toBe(200);
			await waitFor('the first 200 executions', () => finished(200));
			expect(await pushAll()).toBe(200);
			await waitFor('the repeated 200 executions', () => finished(400));
			const sink = (await sim.control('sink')) as Array<{ receipt: { messageId: string } }>;
			const perId = new Map<string, number>();
			for (const entry of sink) perId.set(entry.receipt.messageId, (perId.get(entry.receipt.messageId) ?? 0) + 1);
			const twice = [...perId.values()].filter((count) => count > 1).length;
			const never = ids.filter((id) => !perId.has(id)).length;
			const executions = await readExecutions(n8n, 'exReceiptsLog001', '83\\d{18}');
			console.log(`n8n ${version}: 200 receipts at 20 concurrent, then the same 200 again: ${executions.length} executions (${executions.filter((execution) => execution.status === 'error').length} failed), receipts whose work ran twice: ${twice}, never: ${never}`);
			expect(executions.filter((execution) => execution.status === 'error')).toEqual([]);
			expect(never).toBe(0);
			expect(twice).toBe(0);
		} finally {
			await n8n.stop();
		}
	}, 10 * 60_000);
});
