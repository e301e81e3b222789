/**
 * Receipt throughput as webhook processes are added: the same number of distinct pushes through
 * one webhook process and through two, and what became of every answered push.
 *
 * What is measured is the webhook layer, so the workers are stopped while the pushes arrive: a
 * webhook process answers a push once its execution is stored and queued in Redis, it does not
 * wait for a worker, and on one machine the workers would take the cores the webhook processes
 * are measured on (in production they run elsewhere). Each answered push must then be carried by
 * exactly one stored, queued execution. The queued jobs are discarded afterwards instead of run:
 * running queued receipts to their end is what round b proves, and 10,000 of them would take
 * most of the suite's time.
 */
import { readExecutions } from '../../e2e/lib/executions';
import type { N8nInstance } from '../../e2e/lib/n8n';
import { idPattern, messageId, pushBurst, SUCCESS } from '../../e2e/lib/pushes';
import type { QueueCluster } from './cluster';
import type { Redis } from './services';

export interface ScaleOutFigures {
	processes: number;
	pushes: number;
	answered: number;
	perSecond: number;
	/** Answered "success" but no stored execution carries the id. */
	lost: number;
	/** Ids carried by more than one execution: the receipt's work would run twice. */
	twice: number;
	notAnswered: number;
	/** Executions stored for the burst, and how many of them were waiting in the queue. */
	executions: number;
	queued: number;
}

export interface ScaleOutRound {
	cluster: QueueCluster;
	redis: Redis;
	processes: N8nInstance[];
	workflowId: string;
	/** The receipt workflow's production URL on one webhook process. */
	urlOf: (process: N8nInstance) => string;
	prefix: string;
	pushes: number;
	concurrency: number;
}

export async function pushThroughWebhookProcesses(round: ScaleOutRound): Promise<ScaleOutFigures> {
	const { cluster, processes, prefix } = round;
	await Promise.all(cluster.workers.map(async (worker) => await worker.stop()));
	try {
		const ids = Array.from({ length: round.pushes }, (_, index) => messageId(prefix, index));
		const startedAt = process.hrtime.bigint();
		const burst = await pushBurst({ ids, urlFor: (index) => round.urlOf(processes[index % processes.length]), concurrency: round.concurrency, acknowledged: SUCCESS });
		const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
		// The pattern can match a digit run elsewhere in stored data: only the burst's own ids count.
		const pushed = new Set(ids);
		const executions = (await readExecutions(cluster.main, round.workflowId, idPattern(prefix))).filter((execution) => execution.ids.some((id) => pushed.has(id)));
		const perId = new Map<string, number>();
		for (const id of executions.flatMap((execution) => execution.ids).filter((id) => pushed.has(id))) perId.set(id, (perId.get(id) ?? 0) + 1);
		return {
			processes: processes.length,
			pushes: round.pushes,
			answered: burst.answered.size,
			perSecond: burst.answered.size / seconds,
			lost: [...burst.answered].filter((id) => !perId.has(id)).length,
			twice: [...perId.values()].filter((count) => count > 1).length,
			notAnswered: burst.notAnswered,
			executions: executions.length,
			queued: round.redis.discardWaitingJobs(),
		};
	} finally {
		await Promise.all(cluster.workers.map(async (worker) => await worker.start()));
	}
}

/** The round's figures as a Markdown table, headed by the ratio of two processes' rate to one's. */
export function scaleOutTable(title: string, one: ScaleOutFigures, two: ScaleOutFigures): string {
	const row = (figures: ScaleOutFigures) => `| ${figures.processes} | ${figures.pushes} | ${figures.answered} | ${figures.perSecond.toFixed(1)} | ${figures.executions} | ${figures.queued} | ${figures.lost} | ${figures.twice} |`;
	return [
		`${title}; two webhook processes ${(two.perSecond / one.perSecond).toFixed(2)}× one`,
		'| webhook processes | pushes | answered success | answered per second | executions stored | of them queued | answered but no execution | receipts in two executions |',
		'|---|---|---|---|---|---|---|---|',
		row(one),
		row(two),
	].join('\n');
}
