/**
 * `npm run bench [-- --json] [-- --quick] [-- --only pacing,overhead]`: the package's
 * performance figures (`--only` runs the named groups: overhead, latency, concurrency,
 * pacing, bulk, parse, webhook; `extra` is the last three; `webhook-engines` runs webhookRatio
 * under each expression-engine setting, see webhookEngines.ts), each measured in this run
 * against a baseline measured in the same run, median of at least 5 repetitions after a
 * warm-up. Talks only to the simulator and n8n on 127.0.0.1.
 *
 * Every group runs even when another one fails; a failed group is reported with its error and
 * the exit code is 1. With `--json` (or `npm run bench --json`, which keeps npm's own banner off
 * standard output) standard output is one JSON object and progress goes to standard error.
 */
import { cpus, totalmem } from 'os';

import { startSimulatorProcess } from '../../test/simulator/process';
import type { SimulatorProcess } from '../../test/simulator/process';
import { ratio } from './measure';
import type { Figure } from './measure';
import { sendRaw, sendWithHelperOnly, sendWithNode } from './ihuyiOverhead';
import { bulkBenchmarks, parseBenchmark, webhookBenchmark } from './extra';
import { PACING, pacingFloorMs, pacingRuns } from './pacing';
import { runGroups, selectGroups, toJson, toTable } from './report';
import type { BenchGroup, BenchResult, Side } from './report';
import { engineGroups } from './webhookEngines';

export type { BenchResult } from './report';

const argv = process.argv.slice(2);
const args = new Set(argv);
const REPS = args.has('--quick') ? 3 : 5;
// `npm run bench --json` hands npm's --json to the script as npm_config_json.
const JSON_OUTPUT = args.has('--json') || process.env.npm_config_json === 'true';
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : undefined;

/** The provider runs in a process of its own, as a real one would. */
async function withSimulator<T>(run: (sim: SimulatorProcess) => Promise<T>, latencyMs = 0): Promise<T> {
	const sim = await startSimulatorProcess({ latencyMs });
	try {
		await sim.control('ihuyi/config', { enforceRateLimit: false, balance: 1e12 });
		return await run(sim);
	} finally {
		await sim.stop();
	}
}

function clearing(sim: SimulatorProcess, run: () => Promise<number>): () => Promise<number> {
	return async () => {
		await sim.control('clear-log', {});
		return await run();
	};
}

function fmt(figure: Figure, digits = 2): string {
	return `${figure.median.toFixed(digits)} (min ${figure.min.toFixed(digits)}, max ${figure.max.toFixed(digits)})`;
}

function ms(label: string, figure: Figure): Side {
	return { label, median: figure.median, min: figure.min, max: figure.max, unit: 'ms' };
}

/** A baseline computed rather than measured (an ideal time, a floor). */
function fixed(label: string, value: number, unit: string): Side {
	return { label, median: value, min: value, max: value, unit };
}

async function overhead(): Promise<BenchResult[]> {
	const count = 2000;
	return await withSimulator(async (sim) => {
		const vsRaw = await ratio(REPS, clearing(sim, () => sendWithNode(sim, count)), clearing(sim, () => sendRaw(sim, count)));
		const vsHelper = await ratio(REPS, clearing(sim, () => sendWithNode(sim, count)), clearing(sim, () => sendWithHelperOnly(sim, count)));
		const vsFloor = await ratio(REPS, clearing(sim, () => sendWithNode(sim, count)), clearing(sim, () => sendWithHelperOnly(sim, count, 1, true)));
		return [
			{
				name: 'overheadRatio',
				value: vsRaw.ratio.median,
				min: vsRaw.ratio.min,
				max: vsRaw.ratio.max,
				goal: '≤ 1.10',
				met: vsRaw.ratio.median <= 1.1,
				measured: ms(`Ihuyi node, ${count} sends`, vsRaw.measured),
				baseline: ms('raw keep-alive client, the same signed requests', vsRaw.baseline),
				detail: 'one SMS per item, simulator latency 0 ms',
			},
			{
				name: 'overheadVsN8nHelper',
				value: vsHelper.ratio.median,
				min: vsHelper.ratio.min,
				max: vsHelper.ratio.max,
				goal: '≤ 1.05',
				met: vsHelper.ratio.median <= 1.05,
				measured: ms(`Ihuyi node, ${count} sends`, vsHelper.measured),
				baseline: ms("n8n's httpRequestWithAuthentication alone, the same signed requests", vsHelper.baseline),
				detail: 'the helper is given the numbers ready; simulator latency 0 ms',
			},
			{
				name: 'overheadVsN8nFloor',
				value: vsFloor.ratio.median,
				min: vsFloor.ratio.min,
				max: vsFloor.ratio.max,
				goal: '≤ 1.05',
				met: vsFloor.ratio.median <= 1.05,
				measured: ms(`Ihuyi node, ${count} sends`, vsFloor.measured),
				baseline: ms("the same helper calls, n8n resolving the mapped Mobile expression per item, results of the send's shape", vsFloor.baseline),
				detail: 'simulator latency 0 ms',
			},
		];
	});
}

async function overheadAtLatency(): Promise<BenchResult[]> {
	const count = 200;
	const latencyMs = 20;
	return await withSimulator(async (sim) => {
		const vsRaw = await ratio(REPS, clearing(sim, () => sendWithNode(sim, count)), clearing(sim, () => sendRaw(sim, count)));
		// n8n's helper alone against the same client: the floor of any node that uses it.
		const helperVsRaw = await ratio(REPS, clearing(sim, () => sendWithHelperOnly(sim, count, 1, true)), clearing(sim, () => sendRaw(sim, count)));
		return [
			{
				name: 'overheadRatioAt20msLatency',
				value: vsRaw.ratio.median,
				min: vsRaw.ratio.min,
				max: vsRaw.ratio.max,
				goal: '≤ 1.05',
				met: vsRaw.ratio.median <= 1.05,
				measured: ms(`Ihuyi node, ${count} sends`, vsRaw.measured),
				baseline: ms('raw keep-alive client, the same signed requests', vsRaw.baseline),
				detail: `the simulator answering after ${latencyMs} ms; n8n's helper alone (with the Mobile expression) vs raw: ${fmt(helperVsRaw.ratio)} (${helperVsRaw.measured.median.toFixed(0)} vs ${helperVsRaw.baseline.median.toFixed(0)} ms)`,
			},
		];
	}, latencyMs);
}

/**
 * The node's efficiency at c requests in flight (ideal time / measured), beside the
 * efficiency n8n's own helper reaches with the same pool, requests and latency: the floor
 * a node that calls n8n's helper cannot pass.
 */
async function concurrency(c: number, name: string, goal: number): Promise<BenchResult> {
	const count = 1000;
	const latencyMs = 50;
	const ideal = (count * latencyMs) / c;
	return await withSimulator(async (sim) => {
		const paired = await ratio(REPS, clearing(sim, () => sendWithNode(sim, count, c)), clearing(sim, () => sendWithHelperOnly(sim, count, c, true)));
		const measured = paired.measured;
		const efficiency = { median: ideal / measured.median, min: ideal / measured.max, max: ideal / measured.min };
		const helper = ideal / paired.baseline.median;
		return {
			name,
			value: efficiency.median,
			min: efficiency.min,
			max: efficiency.max,
			goal: `≥ ${goal.toFixed(2)}`,
			met: efficiency.median >= goal,
			measured: ms(`Ihuyi node, ${count} sends, Max Concurrent Requests ${c}`, measured),
			baseline: fixed(`ideal: ${count} × ${latencyMs} ms / ${c}`, ideal, 'ms'),
			detail: `${latencyMs} ms latency; n8n's helper alone with the same ${c} in flight (and the Mobile expression): ${fmt(paired.baseline, 0)} ms, efficiency ${helper.toFixed(2)}`,
		};
	}, latencyMs);
}

async function pacing(): Promise<BenchResult[]> {
	const floor = pacingFloorMs();
	return await withSimulator(async (sim) => {
		const runs = await pacingRuns(sim, REPS);
		const ratioOf = (ms: number) => ms / floor;
		return [
			{
				name: 'pacingRatio',
				value: ratioOf(runs.paced.median),
				min: ratioOf(runs.paced.min),
				max: ratioOf(runs.paced.max),
				goal: '≤ 1.20, 0 × 4080',
				met: ratioOf(runs.paced.median) <= 1.2 && runs.refusedPaced === 0,
				measured: ms(`paced, ${PACING.numbers * PACING.repeats} sends (${runs.refusedPaced} × 4080, most in a run)`, runs.paced),
				baseline: fixed(`floor of the ${PACING.ruleMs} ms rule`, floor, 'ms'),
				detail: `${PACING.numbers} numbers × ${PACING.repeats}, Max Concurrent Requests ${PACING.concurrency}, ${PACING.latencyMs} ms latency; the same sends to ${PACING.numbers * PACING.repeats} distinct numbers ${fmt(runs.distinct, 0)} ms, ${runs.refusedDistinct} × 4080`,
			},
		];
	});
}

/** Every group, in the order they run; `--only` picks some. */
function groups(): BenchGroup[] {
	// BENCH_SKIP_N8N=1 leaves out the figures that need a real n8n installed.
	const n8n = process.env.BENCH_SKIP_N8N !== '1';
	return [
		{ name: 'overhead', run: overhead },
		{ name: 'latency', run: overheadAtLatency },
		// n8n's HTTP helper costs ~0.5 ms of CPU per request (it opens a new connection each
		// time), so efficiency falls as c grows: both settings are reported, each beside the
		// efficiency of the helper alone.
		{ name: 'concurrency', run: async () => [await concurrency(10, 'concurrencyEfficiency', 0.9), await concurrency(20, 'concurrencyEfficiencyAt20', 0.85)] },
		{ name: 'pacing', run: pacing },
		{ name: 'bulk', sets: ['extra'], run: () => bulkBenchmarks(REPS) },
		{ name: 'parse', sets: ['extra'], run: async () => [await parseBenchmark(REPS)] },
		...(n8n ? [{ name: 'webhook', sets: ['extra'], run: async () => await webhookBenchmark(REPS) }] : []),
		// Six n8n starts: only with --only webhook-engines (3 repetitions each, like the bulk runs).
		...(n8n ? engineGroups(Math.min(REPS, 3)) : []),
	];
}

async function main(): Promise<void> {
	const all = groups();
	const known = new Set(all.flatMap((group) => [group.name, ...(group.sets ?? [])]));
	const unknown = [...(only ?? [])].filter((name) => !known.has(name));
	if (unknown.length) throw new Error(`--only: no group ${unknown.join(', ')} (groups: ${[...known].join(', ')})`);
	const selected = selectGroups(all, only);
	const progress = (line: string) => process.stderr.write(`${line}\n`);
	const outcomes = await runGroups(selected, progress);

	const machine = {
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		memoryGb: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		repetitions: REPS,
	};
	if (JSON_OUTPUT) {
		process.stdout.write(`${toJson(machine, outcomes)}\n`);
	} else {
		const lines = [`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; median of ${REPS} after a warm-up`, ...toTable(outcomes)];
		process.stdout.write(`${lines.join('\n')}\n`);
	}
	if (outcomes.some((outcome) => outcome.error !== undefined)) process.exitCode = 1;
}

// Groups' errors are reported with their figures; what reaches here is a usage error.
main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
