/**
 * The package in n8n's queue mode, as production runs it: n8n 2.41.1 main + 2 webhook
 * processes + 2 workers on PostgreSQL and Redis (Debian's packages, private servers on
 * 127.0.0.1), each process with its own user folder holding the package as users install it.
 *
 * a. 10,000 ihuyi sends over 100 executions run by the workers: each reaches the simulator once.
 * b. 1,000 receipts over both webhook processes, then 100 of them again to the other process:
 *    every answered push has an execution; the receipts example does each record's work once.
 * c. SIGKILL one webhook process mid-burst: no answered receipt is lost.
 * f. 2,500 receipts on the fast route through one webhook process, then 2,500 through two:
 *    receipts per second and the ratio, every answered push queued in exactly one execution.
 * d. SIGKILL the worker running a 200-item send: how many messages went out twice and how many
 *    never, with n8n's default stalled-job handling and with QUEUE_WORKER_MAX_STALLED_COUNT=0.
 * e. Retry On Fail on a worker: a refusal and a 502 after the provider accepted, and no number
 *    gets two messages (ihuyi, and Jiazhiyuan with one call per item).
 */
import { startSimulatorProcess } from '../simulator/process';
import type { SimulatorProcess } from '../simulator/process';
import { hasFinished, readExecutions, readExecutionStatuses, recordedIds } from '../e2e/lib/executions';
import type { StoredExecution } from '../e2e/lib/executions';
import { installN8n } from '../e2e/lib/install';
import type { N8nInstance } from '../e2e/lib/n8n';
import { countPerId, idPattern, messageId, pushBurst, SUCCESS, waitForCount } from '../e2e/lib/pushes';
import { credentials, example, fastRouteWorkflow, RECEIPTS_EXAMPLE_WEBHOOK_ID, RECEIPTS_TABLE } from '../e2e/lib/workflows';
import { QueueCluster } from './lib/cluster';
import { pushThroughWebhookProcesses, scaleOutTable } from './lib/scaleOut';
import { ensureServicesInstalled, startPostgres, startRedis } from './lib/services';
import type { Postgres, Redis } from './lib/services';
import { jiazhiyuanSendsWorkflow, MOBILE, mobiles, sendsWorkflow } from './lib/workflows';
import { countStartedExecutions, killWorkerMidSend, perMobile } from './lib/workerKill';
import type { WorkerKillFigures } from './lib/workerKill';

const VERSION = '2.41.1';
const RECEIPTS_WORKFLOW_ID = 'exReceiptsLog001';
const BULK = sendsWorkflow('queueBulkSends01', 'queue-bulk-sends', 10);
const SLOW = sendsWorkflow('queueSlowSends01', 'queue-slow-sends', 1);
const RETRY = { retryOnFail: true, maxTries: 3, waitBetweenTries: 10 };
const RETRY_IHUYI = sendsWorkflow('queueRetryIhuyi1', 'queue-retry-ihuyi', 1, RETRY);
const RETRY_JZY = jiazhiyuanSendsWorkflow('queueRetryJzy001', 'queue-retry-jiazhiyuan', RETRY);
/** The README's receipt route for volume (n8n's Webhook node answering "success", then Push → Read): what round f scales out. */
const FAST_ROUTE = fastRouteWorkflow();

/**
 * Stalled-job detection in n8n runs on Bull's lock (60 s) and check interval (30 s). Shortened
 * here so the test does not sleep through them; what happens after detection is unchanged.
 */
const FAST_STALL_DETECTION = { QUEUE_WORKER_LOCK_DURATION: '6000', QUEUE_WORKER_LOCK_RENEW_TIME: '2000', QUEUE_WORKER_STALLED_INTERVAL: '3000' };

describe(`n8n ${VERSION} in queue mode: main + 2 webhook processes + 2 workers, PostgreSQL, Redis`, () => {
	let postgres: Postgres;
	let redis: Redis;
	let sim: SimulatorProcess;
	let cluster: QueueCluster;

	const webhookUrl = (process: N8nInstance, path: string) => `${process.baseUrl}/webhook/${path}`;
	const receiptsUrl = (process: N8nInstance) => webhookUrl(process, `${RECEIPTS_EXAMPLE_WEBHOOK_ID}/ihuyi`);

	/** A workflow's executions, each with the ids matching `pattern` in its stored data. */
	async function executionsOf(workflowId: string, pattern: string): Promise<StoredExecution[]> {
		return await readExecutions(cluster.main, workflowId, pattern);
	}

	async function waitForFinished(workflowId: string, pattern: string, count: number): Promise<StoredExecution[]> {
		await waitForCount(`${count} finished executions of ${workflowId}`, async () => (await readExecutionStatuses(cluster.main, workflowId)).filter(hasFinished).length, count);
		return await executionsOf(workflowId, pattern);
	}

	beforeAll(async () => {
		installN8n([VERSION]);
		ensureServicesInstalled();
		[postgres, redis, sim] = await Promise.all([startPostgres(), startRedis(), startSimulatorProcess()]);
		await sim.control('ihuyi/config', { balance: 1_000_000 });
		cluster = await QueueCluster.create(VERSION, postgres, redis, { webhooks: 2, workers: 2 });
		cluster.setShared(FAST_STALL_DETECTION);
		const { main } = cluster;
		await main.importCredentials(credentials(sim.url));
		// The receipts example's Data Table is made in the editor, as a user does, before importing it.
		await main.start();
		const table = await main.editor.createDataTable(RECEIPTS_TABLE.name, RECEIPTS_TABLE.columns);
		await main.stop();
		const workflows = [example('delivery-receipts-to-log.json', sim.url, table), FAST_ROUTE, BULK.workflow, SLOW.workflow, RETRY_IHUYI.workflow, RETRY_JZY.workflow];
		await main.importWorkflows(workflows);
		for (const workflow of workflows) await main.activate(String(workflow.id));
		await cluster.start();
		for (const webhook of cluster.webhooks) await webhook.waitForWebhook(receiptsUrl(webhook));
	}, 40 * 60_000);

	afterAll(async () => {
		await cluster?.dispose();
		await Promise.all([sim?.stop(), redis?.stop(), postgres?.stop()]);
	}, 120_000);

	test('a. 10,000 ihuyi sends over 100 executions on the workers: each number reaches the simulator once', async () => {
		await sim.control('clear-log', {});
		const numbers = mobiles('150', 0, 10_000);
		const batches = Array.from({ length: 100 }, (_, index) => numbers.slice(index * 100, index * 100 + 100));
		let next = 0;
		const started: number[] = [];
		const post = async () => {
			while (next < batches.length) {
				const index = next++;
				const process = cluster.webhooks[index % cluster.webhooks.length];
				const response = await fetch(webhookUrl(process, BULK.path), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mobiles: batches[index] }), signal: AbortSignal.timeout(60_000) });
				if (response.ok) started.push(index);
				await response.text();
			}
		};
		await Promise.all(Array.from({ length: 10 }, post));
		const executions = await waitForFinished(BULK.id, MOBILE('150'), 100);
		const sent = (await sim.control('ihuyi/sent')) as Array<{ mobile: string }>;
		const perNumber = perMobile(sent);
		const twice = [...perNumber.values()].filter((count) => count > 1).length;
		const never = numbers.filter((number) => !perNumber.has(number)).length;
		const byWorker = cluster.workers.map((worker) => countStartedExecutions(worker));
		console.log(
			`queue mode, ${VERSION}: 10,000 sends in 100 executions through 2 webhook processes: ${started.length} started, ${executions.filter((execution) => execution.status === 'success').length} succeeded, run by the workers ${byWorker.join(' + ')}; numbers that reached the simulator once: ${perNumber.size - twice}, twice: ${twice}, never: ${never}`,
		);
		expect(started).toHaveLength(100);
		expect(executions.map((execution) => execution.status)).toEqual(Array(100).fill('success'));
		expect(byWorker.reduce((sum, count) => sum + count, 0)).toBe(100);
		expect({ messages: sent.length, twice, never }).toEqual({ messages: 10_000, twice: 0, never: 0 });
	}, 15 * 60_000);

	test('b. 1,000 receipts over both webhook processes, then 100 again to the other one: every answered push has an execution, no receipt\'s work runs twice', async () => {
		const [first, second] = cluster.webhooks;
		const ids = Array.from({ length: 1000 }, (_, index) => messageId('91', index));
		const burst = await pushBurst({ ids, urlFor: (index) => receiptsUrl(index % 2 ? second : first), concurrency: 20, acknowledged: SUCCESS });
		await waitForFinished(RECEIPTS_WORKFLOW_ID, idPattern('91'), 1000);
		// ihuyi repeats a push a minute after an answer it did not read; 2 s is enough to be "later".
		await new Promise((resolve) => setTimeout(resolve, 2000));
		const repeats = ids.slice(0, 100);
		const again = await pushBurst({ ids: repeats, urlFor: (index) => receiptsUrl(index % 2 ? first : second), concurrency: 20, acknowledged: SUCCESS });
		const executions = await waitForFinished(RECEIPTS_WORKFLOW_ID, idPattern('91'), 1100);
		const recorded = recordedIds(executions);
		const perId = countPerId((await sim.control('sink')) as unknown[], '91');
		const lost = [...burst.answered].filter((id) => !recorded.has(id)).length;
		const twice = [...perId.values()].filter((count) => count > 1).length;
		const never = ids.filter((id) => !perId.has(id)).length;
		const failed = executions.filter((execution) => execution.status !== 'success').length;
		console.log(
			`queue mode, ${VERSION}: 1,000 receipts over 2 webhook processes, 20 at a time, then 100 repeated to the other process: answered success ${burst.answered.size} + ${again.answered.size}, executions ${executions.length} (${failed} not successful), answered but no execution: ${lost}, receipts whose work ran twice: ${twice}, never: ${never}`,
		);
		expect({ answered: burst.answered.size, repeatsAnswered: again.answered.size, lost, twice, never, failed }).toEqual({ answered: 1000, repeatsAnswered: 100, lost: 0, twice: 0, never: 0, failed: 0 });
		expect(executions).toHaveLength(1100);
	}, 15 * 60_000);

	test('c. SIGKILL one webhook process mid-burst: no receipt answered "success" is lost', async () => {
		const [victim, survivor] = cluster.webhooks;
		const before = (await readExecutionStatuses(cluster.main, RECEIPTS_WORKFLOW_ID)).length;
		const ids = Array.from({ length: 1000 }, (_, index) => messageId('92', index));
		const burst = await pushBurst({ ids, urlFor: (index) => receiptsUrl(index % 2 ? survivor : victim), concurrency: 20, acknowledged: SUCCESS, crashAfter: 300, crash: async () => await victim.kill(), continueAfterCrash: true });
		// Whatever was enqueued runs on the workers; wait until as many executions as answers have
		// ended. A push in flight at the kill can leave an execution the dead process created and
		// never queued: it stays "new" for good (n8n's own behaviour), so it is counted, not awaited.
		await waitForCount('the burst\'s executions to end', async () => (await readExecutionStatuses(cluster.main, RECEIPTS_WORKFLOW_ID)).filter(hasFinished).length - before, burst.answered.size);
		const executions = (await executionsOf(RECEIPTS_WORKFLOW_ID, idPattern('92'))).filter((execution) => execution.ids.length > 0);
		const recorded = recordedIds(executions);
		const lost = [...burst.answered].filter((id) => !recorded.has(id)).length;
		const unfinished = executions.filter((execution) => !hasFinished(execution)).length;
		console.log(
			`queue mode, ${VERSION}: 1,000 receipts over 2 webhook processes, one SIGKILLed after 300 answers: answered success ${burst.answered.size}, answered but no execution (lost): ${lost}, in flight at the kill: ${burst.inFlightAtCrash}, refused by the dead process after it: ${burst.refusedAfterCrash}, executions ${executions.length} (${unfinished} left unfinished by the kill)`,
		);
		expect(burst.answered.size).toBeGreaterThanOrEqual(300);
		expect(burst.notAnswered).toBe(0);
		expect(lost).toBe(0);
		await victim.start();
		await victim.waitForWebhook(receiptsUrl(victim));
	}, 15 * 60_000);

	test('f. 2,500 receipts on the fast route through one webhook process, then 2,500 through two: receipts per second, each answered push queued exactly once', async () => {
		const round = { cluster, redis, workflowId: FAST_ROUTE.id, urlOf: (process: N8nInstance) => webhookUrl(process, FAST_ROUTE.path), pushes: 2500, concurrency: 40 };
		const one = await pushThroughWebhookProcesses({ ...round, processes: cluster.webhooks.slice(0, 1), prefix: '93' });
		const two = await pushThroughWebhookProcesses({ ...round, processes: cluster.webhooks, prefix: '94' });
		console.log(scaleOutTable(`queue mode, ${VERSION}: distinct receipts on the fast route, 40 at a time, workers stopped during the pushes`, one, two));
		for (const { answered, notAnswered, lost, twice, executions, queued } of [one, two]) expect({ answered, notAnswered, lost, twice, executions, queued }).toEqual({ answered: 2500, notAnswered: 0, lost: 0, twice: 0, executions: 2500, queued: 2500 });
	}, 20 * 60_000);

	/** Starts a send through the webhook process round c never killed (the restarted one refused a connection once). */
	async function startSend(sends: { path: string }, numbers: string[]): Promise<void> {
		const response = await fetch(webhookUrl(cluster.webhooks[1], sends.path), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mobiles: numbers }), signal: AbortSignal.timeout(60_000) });
		expect(response.ok).toBe(true);
	}

	/** Starts a send and waits for its execution to end. */
	async function runSend(sends: { id: string; path: string }, numbers: string[], pattern: string): Promise<StoredExecution> {
		await startSend(sends, numbers);
		const [execution] = await waitForFinished(sends.id, pattern, 1);
		return execution;
	}

	test('e. Retry On Fail on a worker: a refusal on item 10, a 502 after the provider accepted item 14, and no number gets two messages', async () => {
		await sim.control('clear-log', {});
		await sim.control('fault', { kind: 'refusal', route: 'ihuyi:sms:Submit', skip: 10 });
		await sim.control('fault', { kind: 'http502', route: 'ihuyi:sms:Submit', skip: 15 });
		const numbers = mobiles('153', 0, 50);
		const ihuyi = await runSend(RETRY_IHUYI, numbers, MOBILE('153'));
		const ihuyiSent = perMobile((await sim.control('ihuyi/sent')) as Array<{ mobile: string }>);

		await sim.control('fault', { kind: 'http502', route: 'jiazhiyuan:sendSMS', skip: 3 });
		const lists = Array.from({ length: 10 }, (_, index) => mobiles('154', index * 2, 2).join(','));
		const jiazhiyuan = await runSend(RETRY_JZY, lists, MOBILE('154'));
		const jiazhiyuanSent = perMobile(((await sim.control('jiazhiyuan/sent')) as Array<{ mobiles: string[] }>).map((call) => call.mobiles).flat().map((mobile) => ({ mobile })));
		const figures = (sent: Map<string, number>, all: string[]) => ({ once: [...sent.values()].filter((count) => count === 1).length, twice: [...sent.values()].filter((count) => count > 1).length, never: all.filter((number) => !sent.has(number)).length });
		const ihuyiFigures = figures(ihuyiSent, numbers);
		const jiazhiyuanFigures = figures(jiazhiyuanSent, lists.flatMap((list) => list.split(',')));
		console.log(
			`queue mode, ${VERSION}, Retry On Fail (3 tries) on a worker: ihuyi, 50 items, a refusal on item 10 and a 502 after the provider accepted item 14: numbers sent once ${ihuyiFigures.once}, twice ${ihuyiFigures.twice}, never ${ihuyiFigures.never}, execution ${ihuyi.status}; Jiazhiyuan, 10 items of 2 numbers, a 502 after call 4 was accepted: once ${jiazhiyuanFigures.once}, twice ${jiazhiyuanFigures.twice}, never ${jiazhiyuanFigures.never}, execution ${jiazhiyuan.status}`,
		);
		// Try 1 stops at the refusal; try 2 sends item 10 again (refused: it never went out) and goes
		// on to item 14, whose answer is lost; try 3 sends nothing: item 14 may be out.
		expect(ihuyiFigures).toEqual({ once: 15, twice: 0, never: 35 });
		expect(ihuyiSent.get(numbers[10])).toBe(1);
		expect(ihuyi.status).toBe('error');
		// Calls 1–4 went out once each (call 4's answer was lost); the retries send nothing.
		expect(jiazhiyuanFigures).toEqual({ once: 8, twice: 0, never: 12 });
		expect(jiazhiyuan.status).toBe('error');
	}, 10 * 60_000);

	test('d. SIGKILL the worker running a 200-item send: messages sent twice and never, default stalled-job handling and QUEUE_WORKER_MAX_STALLED_COUNT=0', async () => {
		const rounds: Array<{ setting: string; figures: WorkerKillFigures }> = [];
		for (const [setting, env, prefix] of [
			['n8n default', {}, '151'],
			['QUEUE_WORKER_MAX_STALLED_COUNT=0', { QUEUE_WORKER_MAX_STALLED_COUNT: '0' }, '152'],
		] as const) {
			cluster.setShared({ ...FAST_STALL_DETECTION, ...env });
			for (const worker of cluster.workers) {
				await worker.stop();
				await worker.start();
			}
			rounds.push({ setting, figures: await killWorkerMidSend({ sim, cluster, sends: SLOW, startSend, prefix }) });
		}
		console.log(
			[
				`queue mode, ${VERSION}: the worker running a 200-item send (1 request at a time, 50 ms each) SIGKILLed after ~60 messages`,
				'| stalled-job setting | sent at the kill | messages sent twice | messages never sent | execution status |',
				'|---|---|---|---|---|',
				...rounds.map(({ setting, figures }) => `| ${setting} | ${figures.atKill} | ${figures.twice} | ${figures.never} | ${figures.status} |`),
			].join('\n'),
		);
		for (const { figures } of rounds) {
			expect(figures.atKill).toBeGreaterThanOrEqual(60);
			expect(figures.atKill).toBeLessThan(200);
		}
		// n8n 2.x never re-processes a stalled job (whatever QUEUE_WORKER_MAX_STALLED_COUNT says):
		// the killed send ends there, and nothing it sent goes out again.
		for (const { figures } of rounds) expect(figures.twice).toBe(0);
	}, 20 * 60_000);
});
