/**
 * The Ihuyi Trigger's promise in a real n8n (single process, SQLite): a push answered
 * "success" always has an execution, and a repeated push does its work once.
 *
 * Crash: up to 1,000 distinct receipts, 20 at a time; n8n is SIGKILLed after ~300 answers and
 * started again; every answered push must have an execution (any status) carrying its
 * message id. The same burst against n8n's own Webhook node (Respond: Immediately) in the
 * same run is the baseline, and the fast route (that Webhook node answering exactly "success",
 * then Push → Read) gets the same round. Repeats: 200 receipts at 20 concurrent, then the same
 * 200 again, through the receipts example (Ihuyi Trigger → Data Table check → log → Data Table
 * insert) and its fast-route form, beside n8n's Remove Duplicates node for comparison.
 *
 * What n8n guarantees differs by version: n8n 2.x answers an "onReceived" webhook after it has
 * created the execution; 1.x answers before. The trigger and the fast route use that same
 * path, so they give what n8n's own Webhook node gives: asserted on 2.x, printed on 1.x.
 */
import type { SimulatorProcess } from '../simulator/process';
import { hasFinished, readExecutions, readExecutionStatuses, recordedIds } from './lib/executions';
import { selectedVersions } from './lib/install';
import type { N8nInstance } from './lib/n8n';
import type { Acknowledged } from './lib/pushes';
import { countPerId, HTTP_200, idPattern, messageId, PUSH_HEADERS, pushBurst, receiptBody, SUCCESS, waitFor, waitForCount } from './lib/pushes';
import { disposeAll, n8nWithPackage } from './lib/setup';
import { BOT_PROBE, TRIGGER_PROBE } from './lib/webhookProbes';
import type { WebhookProbe } from './lib/webhookProbes';
import { createReceiptsTable, crashTriggerWorkflow, example, FAST_ROUTE_EXAMPLE_PATH, fastRouteWorkflow, RECEIPTS_EXAMPLE_WEBHOOK_ID, removeDuplicatesWorkflow, webhookNodeWorkflow } from './lib/workflows';

// Sized to what the round proves: the kill lands mid-burst with pushes in flight (300 answers
// take a few seconds); more answered pushes before it only lengthen the run.
const BURST = { total: 1000, concurrency: 20, killAfter: 300 };

interface CrashFigures {
	answered: number;
	lost: number;
	inFlightAtCrash: number;
	notAnswered: number;
	executions: number;
}

/** Runs with n8n started and leaves it running again after the kill, so rounds follow each other without a restart. */
async function crashRound(n8n: N8nInstance, workflowId: string, url: string, probe: WebhookProbe, acknowledged: Acknowledged, prefix: string): Promise<CrashFigures> {
	await n8n.waitForWebhook(url, probe);
	const ids = Array.from({ length: BURST.total }, (_, index) => messageId(prefix, index));
	const { answered, inFlightAtCrash, notAnswered } = await pushBurst({ ids, urlFor: () => url, concurrency: BURST.concurrency, acknowledged, crashAfter: BURST.killAfter, crash: async () => await n8n.kill() });
	// Started again, n8n marks the executions that were running as crashed; none is re-run.
	await n8n.start();
	const executions = await readExecutions(n8n, workflowId, idPattern(prefix));
	const recorded = recordedIds(executions);
	return { answered: answered.size, lost: [...answered].filter((id) => !recorded.has(id)).length, inFlightAtCrash, notAnswered, executions: executions.length };
}

describe.each(selectedVersions())('n8n %s: receipts survive a crash and repeats do their work once', (version) => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	const major = Number(version.split('.')[0]);

	beforeAll(async () => {
		// n8n 1.123 replays its event log at start after a SIGKILL ("extensive" recovery); after a
		// few crashes that replay throws on an execution logged without a start time (its insights
		// module reads startedAt) and n8n exits. "simple" recovery only marks the executions that
		// were running as crashed: which executions exist, what this file reads, is the same.
		({ sim, n8n } = await n8nWithPackage(version, major < 2 ? { N8N_EVENTBUS_RECOVERY_MODE: 'simple' } : {}));
		const receiptsTable = await createReceiptsTable(n8n);
		const workflows = [
			crashTriggerWorkflow(),
			webhookNodeWorkflow(),
			fastRouteWorkflow(),
			example('delivery-receipts-to-log.json', sim.url, receiptsTable),
			example('delivery-receipts-fast-route.json', sim.url, receiptsTable),
			removeDuplicatesWorkflow(sim.url),
		];
		await n8n.importWorkflows(workflows);
		for (const workflow of workflows) await n8n.activate(String(workflow.id));
	}, 30 * 60_000);

	afterAll(async () => {
		await disposeAll({ n8n, sim });
	}, 60_000);

	test('SIGKILL mid-burst: every push answered "success" has an execution (Ihuyi Trigger and the fast route beside n8n\'s Webhook node)', async () => {
		await n8n.start();
		let trigger: CrashFigures;
		let builtIn: CrashFigures;
		let fastRoute: CrashFigures;
		try {
			trigger = await crashRound(n8n, crashTriggerWorkflow().id, `${n8n.baseUrl}/webhook/${crashTriggerWorkflow().webhookId}/ihuyi`, TRIGGER_PROBE, SUCCESS, '81');
			builtIn = await crashRound(n8n, webhookNodeWorkflow().id, `${n8n.baseUrl}/webhook/${webhookNodeWorkflow().path}`, BOT_PROBE, HTTP_200, '82');
			// Only status 200 with the body exactly "success" counts as answered: what ihuyi takes as final.
			fastRoute = await crashRound(n8n, fastRouteWorkflow().id, `${n8n.baseUrl}/webhook/${fastRouteWorkflow().path}`, BOT_PROBE, SUCCESS, '86');
		} finally {
			await n8n.stop();
		}
		console.log(
			[
				`n8n ${version}, single process, SQLite: ${BURST.total} distinct receipts, ${BURST.concurrency} at a time, SIGKILL after ${BURST.killAfter} answers, restart`,
				'| receiver | answered success | answered but no execution (lost) | in flight at the kill | executions |',
				'|---|---|---|---|---|',
				`| Ihuyi Trigger | ${trigger.answered} | ${trigger.lost} | ${trigger.inFlightAtCrash} | ${trigger.executions} |`,
				`| n8n Webhook node (Respond: Immediately) | ${builtIn.answered} | ${builtIn.lost} | ${builtIn.inFlightAtCrash} | ${builtIn.executions} |`,
				`| fast route: n8n Webhook node answering "success", then Push → Read | ${fastRoute.answered} | ${fastRoute.lost} | ${fastRoute.inFlightAtCrash} | ${fastRoute.executions} |`,
			].join('\n'),
		);
		for (const round of [trigger, builtIn, fastRoute]) {
			expect(round.answered).toBeGreaterThanOrEqual(BURST.killAfter);
			// Nothing else went wrong: every push before the kill was answered.
			expect(round.notAnswered).toBe(0);
			if (major >= 2) expect(round.lost).toBe(0);
		}
	}, 15 * 60_000);

	/** 200 receipts at 20 concurrent, then the same 200 again; how often each receipt reached the log. */
	async function pushTwice(workflowId: string, url: string, prefix: string) {
		const ids = Array.from({ length: 200 }, (_, index) => messageId(prefix, index));
		const pushAll = async () => (await pushBurst({ ids, urlFor: () => url, concurrency: 20, acknowledged: SUCCESS })).answered.size;
		// Executions of other pushes (the fast route's readiness pushes) are left out.
		const executions = async () => (await readExecutions(n8n, workflowId, idPattern(prefix))).filter((execution) => execution.ids.length > 0);
		const finished = async () => (await readExecutionStatuses(n8n, workflowId)).filter((execution) => execution.status === 'success' || execution.status === 'error').length;
		const before = await finished();
		const acknowledged = await pushAll();
		await waitForCount('the first 200 executions', finished, before + 200);
		const again = await pushAll();
		await waitForCount('the repeated 200 executions', finished, before + 400);
		const perId = countPerId((await sim.control('sink')) as unknown[], prefix);
		const all = await executions();
		return {
			acknowledged: acknowledged + again,
			executions: all.length,
			failed: all.filter((execution) => execution.status === 'error').length,
			twice: [...perId.values()].filter((count) => count > 1).length,
			never: ids.filter((id) => !perId.has(id)).length,
		};
	}

	/**
	 * The fast route's Webhook node answers every POST, so a push outside the rounds' ids proves
	 * it is served; a second one, from the simulator's ihuyi pusher, shows what ihuyi reads.
	 */
	async function fastRouteServed(url: string) {
		await n8n.waitForWebhook(url, { request: { method: 'POST', headers: PUSH_HEADERS, body: receiptBody(messageId('89', 0), 0) }, status: 200 });
		const fields = Object.fromEntries(new URLSearchParams(receiptBody(messageId('89', 1), 1)));
		const pushed = (await sim.control('ihuyi/push', { url, fields, intervalMs: 50 })) as { attempts: unknown[] };
		await waitFor('the readiness pushes\' executions to end', async () => {
			const executions = await readExecutionStatuses(n8n, 'exReceiptsFast01');
			return executions.length >= 2 && executions.every(hasFinished);
		});
		return pushed.attempts;
	}

	test('200 receipts at 20 concurrent, then the same 200 again: each receipt\'s work runs once (receipts example, both forms), beside n8n\'s Remove Duplicates', async () => {
		await sim.control('reset', {});
		await n8n.start();
		try {
			const exampleUrl = `${n8n.baseUrl}/webhook/${RECEIPTS_EXAMPLE_WEBHOOK_ID}/ihuyi`;
			const fastUrl = `${n8n.baseUrl}/webhook/${FAST_ROUTE_EXAMPLE_PATH}`;
			const removeDuplicatesUrl = `${n8n.baseUrl}/webhook/${removeDuplicatesWorkflow(sim.url).webhookId}/ihuyi`;
			await n8n.waitForWebhook(exampleUrl);
			await n8n.waitForWebhook(removeDuplicatesUrl);
			expect(await fastRouteServed(fastUrl)).toEqual([{ status: 200, body: 'success', contentType: 'text/plain; charset=utf-8' }]);
			const table = await pushTwice('exReceiptsLog001', exampleUrl, '83');
			const fast = await pushTwice('exReceiptsFast01', fastUrl, '85');
			const removeDuplicates = await pushTwice(removeDuplicatesWorkflow(sim.url).id, removeDuplicatesUrl, '84');
			console.log(
				[
					`n8n ${version}: 200 receipts at 20 concurrent, then the same 200 again`,
					'| repeats handled by | pushes answered success | executions | failed executions | receipts whose work ran twice | never |',
					'|---|---|---|---|---|---|',
					`| receipts example (Data Table: not seen before → work → remember) | ${table.acknowledged} | ${table.executions} | ${table.failed} | ${table.twice} | ${table.never} |`,
					`| receipts example, fast route (Webhook node + Push → Read) | ${fast.acknowledged} | ${fast.executions} | ${fast.failed} | ${fast.twice} | ${fast.never} |`,
					`| n8n Remove Duplicates node (previous executions) | ${removeDuplicates.acknowledged} | ${removeDuplicates.executions} | ${removeDuplicates.failed} | ${removeDuplicates.twice} | ${removeDuplicates.never} |`,
				].join('\n'),
			);
			expect(table).toEqual({ acknowledged: 400, executions: 400, failed: 0, twice: 0, never: 0 });
			expect(fast).toEqual({ acknowledged: 400, executions: 400, failed: 0, twice: 0, never: 0 });
			// What reached the log is the same for both forms, the message ids aside.
			const sink = ((await sim.control('sink')) as unknown[]).map((entry) => JSON.stringify(entry));
			const logged = (prefix: string) => sink.filter((text) => text.includes(`"messageId":"${prefix}`)).map((text) => text.replace(new RegExp(idPattern(prefix), 'g'), 'ID')).sort();
			expect(logged('85')).toHaveLength(200);
			expect(logged('85')).toEqual(logged('83'));
		} finally {
			await n8n.stop();
		}
	}, 10 * 60_000);
});
