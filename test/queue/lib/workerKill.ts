/**
 * Round d of the queue-mode suite: SIGKILL the worker that runs a slow 200-item send and count
 * what reached the simulator, so that what n8n's stalled-job handling does to a send is measured.
 */
import { hasFinished, readExecutions } from '../../e2e/lib/executions';
import type { N8nInstance } from '../../e2e/lib/n8n';
import { waitFor } from '../../e2e/lib/pushes';
import type { SimulatorProcess } from '../../simulator/process';
import type { QueueCluster } from './cluster';
import { MOBILE, mobiles } from './workflows';

export interface WorkerKill {
	sim: SimulatorProcess;
	cluster: QueueCluster;
	/** The slow send's workflow (one request at a time). */
	sends: { id: string; path: string };
	startSend: (sends: { path: string }, numbers: string[]) => Promise<void>;
	prefix: string;
}

export interface WorkerKillFigures {
	atKill: number;
	twice: number;
	never: number;
	status: string;
}

/** Starts a 200-item send, SIGKILLs the worker running it after ~60 messages, and counts what reached the simulator. */
export async function killWorkerMidSend({ sim, cluster, sends, startSend, prefix }: WorkerKill): Promise<WorkerKillFigures> {
	const executionsOf = async () => await readExecutions(cluster.main, sends.id, MOBILE(prefix));
	await sim.control('clear-log', {});
	await sim.control('ihuyi/config', { latencyMs: 50 });
	const numbers = mobiles(prefix, 0, 200);
	await startSend(sends, numbers);
	const sentCount = async () => ((await sim.control('count')) as { ihuyiSent: number }).ihuyiSent;
	await waitFor('60 messages of the slow send', async () => (await sentCount()) >= 60, 120_000);
	const execution = (await executionsOf()).find((candidate) => candidate.ids.length > 0);
	const running = cluster.workers.find((worker) => worker.log().includes(`Worker started execution ${execution?.id} `));
	if (!execution || !running) throw new Error(`no worker logged the start of execution ${execution?.id}:\n${cluster.workers.map((worker) => worker.logTail()).join('\n---\n')}`);
	await running.kill();
	const atKill = await sentCount();
	// The outcome is settled once the execution is no longer running (crashed, failed or re-run
	// to its end) and nothing more reaches the simulator.
	let stable = 0;
	let last = -1;
	await waitFor('the killed send to settle', async () => {
		const now = await sentCount();
		const executions = await executionsOf();
		stable = now === last && executions.every(hasFinished) ? stable + 1 : 0;
		last = now;
		return stable >= 20;
	}, 300_000);
	await sim.control('ihuyi/config', { latencyMs: 0 });
	const perNumber = perMobile((await sim.control('ihuyi/sent')) as Array<{ mobile: string }>);
	// n8n replaces a crashed execution's data with the error: find it by id.
	const status = (await executionsOf()).find((candidate) => candidate.id === execution.id)?.status ?? 'missing';
	await running.start();
	return {
		atKill,
		twice: [...perNumber.values()].filter((count) => count > 1).length,
		never: numbers.filter((number) => !perNumber.has(number)).length,
		status,
	};
}

/** How many messages reached each number. */
export function perMobile(sent: Array<{ mobile: string }>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const message of sent) counts.set(message.mobile, (counts.get(message.mobile) ?? 0) + 1);
	return counts;
}

/** How many executions a worker logged as started (n8n logs one line per job it takes). */
export function countStartedExecutions(worker: N8nInstance): number {
	return (worker.log().match(/Worker started execution/g) ?? []).length;
}
