/**
 * `npm run bench [-- --json] [-- --quick] [-- --only pacing,overhead]`: the package's
 * performance figures (`--only` runs the named groups: overhead, latency, concurrency,
 * pacing, bulk, parse, webhook; `extra` is the last three), each measured
 * in this run against a baseline measured in the same run, median of at least 5
 * repetitions after a warm-up. Talks only to the simulator on 127.0.0.1.
 */
import { cpus, totalmem } from 'os';

import { startSimulatorProcess } from '../../test/simulator/process';
import type { SimulatorProcess } from '../../test/simulator/process';
import { ratio } from './measure';
import type { Figure } from './measure';
import { sendRaw, sendWithHelperOnly, sendWithNode } from './ihuyiOverhead';
import { bulkBenchmarks, parseBenchmark, webhookBenchmark } from './extra';
import { PACING, pacingFloorMs, pacingRuns } from './pacing';

export interface BenchResult {
	name: string;
	value: number;
	min: number;
	max: number;
	goal: string;
	met: boolean;
	detail: string;
}

const args = new Set(process.argv.slice(2));
const REPS = args.has('--quick') ? 3 : 5;
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : undefined;
const EXTRA = new Set(['bulk', 'parse', 'webhook']);
const wanted = (group: string) => !only || only.has(group) || (EXTRA.has(group) && only.has('extra'));

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
				detail: `Ihuyi node ${count} sends ${fmt(vsRaw.measured, 0)} ms vs raw keep-alive client ${fmt(vsRaw.baseline, 0)} ms, simulator latency 0 ms`,
			},
			{
				name: 'overheadVsN8nHelper',
				value: vsHelper.ratio.median,
				min: vsHelper.ratio.min,
				max: vsHelper.ratio.max,
				goal: '≤ 1.05',
				met: vsHelper.ratio.median <= 1.05,
				detail: `Ihuyi node ${fmt(vsHelper.measured, 0)} ms vs n8n's httpRequestWithAuthentication alone ${fmt(vsHelper.baseline, 0)} ms (same ${count} signed requests)`,
			},
			{
				name: 'overheadVsN8nFloor',
				value: vsFloor.ratio.median,
				min: vsFloor.ratio.min,
				max: vsFloor.ratio.max,
				goal: '≤ 1.05',
				met: vsFloor.ratio.median <= 1.05,
				detail: `Ihuyi node ${fmt(vsFloor.measured, 0)} ms vs the same helper calls with n8n also resolving the mapped Mobile expression per item, as it does for the node ${fmt(vsFloor.baseline, 0)} ms`,
			},
		];
	});
}

async function overheadAtLatency(): Promise<BenchResult> {
	const count = 200;
	const latencyMs = 20;
	return await withSimulator(async (sim) => {
		const vsRaw = await ratio(REPS, clearing(sim, () => sendWithNode(sim, count)), clearing(sim, () => sendRaw(sim, count)));
		// n8n's helper alone against the same client: the floor of any node that uses it.
		const helperVsRaw = await ratio(REPS, clearing(sim, () => sendWithHelperOnly(sim, count, 1, true)), clearing(sim, () => sendRaw(sim, count)));
		return {
			name: 'overheadRatioAt20msLatency',
			value: vsRaw.ratio.median,
			min: vsRaw.ratio.min,
			max: vsRaw.ratio.max,
			goal: '≤ 1.05',
			met: vsRaw.ratio.median <= 1.05,
			detail: `${count} sends with the simulator answering after ${latencyMs} ms: node ${fmt(vsRaw.measured, 0)} ms vs raw ${fmt(vsRaw.baseline, 0)} ms; n8n's helper alone (with the Mobile expression) vs raw ${helperVsRaw.ratio.median.toFixed(2)} (min ${helperVsRaw.ratio.min.toFixed(2)}, max ${helperVsRaw.ratio.max.toFixed(2)})`,
		};
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
			detail: `${count} sends, Max Concurrent Requests ${c}, ${latencyMs} ms latency: ideal ${ideal} ms, measured ${fmt(measured, 0)} ms; n8n's helper alone with the same ${c} in flight (and the Mobile expression): ${paired.baseline.median.toFixed(0)} ms, efficiency ${helper.toFixed(2)}`,
		};
	}, latencyMs);
}

async function pacing(): Promise<BenchResult> {
	const floor = pacingFloorMs();
	return await withSimulator(async (sim) => {
		const runs = await pacingRuns(sim, REPS);
		const ratioOf = (ms: number) => ms / floor;
		return {
			name: 'pacingRatio',
			value: ratioOf(runs.paced.median),
			min: ratioOf(runs.paced.min),
			max: ratioOf(runs.paced.max),
			goal: '≤ 1.20, 0 × 4080',
			met: ratioOf(runs.paced.median) <= 1.2 && runs.refusedPaced === 0,
			detail: `${PACING.numbers * PACING.repeats} sends, ${PACING.numbers} numbers × ${PACING.repeats}, Max Concurrent Requests ${PACING.concurrency}, ${PACING.latencyMs} ms latency, ${PACING.ruleMs} ms rule: paced ${fmt(runs.paced, 0)} ms, ${runs.refusedPaced} × 4080 (most in a run), floor ${floor} ms; pacing off ${fmt(runs.unpaced, 0)} ms, ${fmt(runs.refusedUnpaced, 0)} × 4080`,
		};
	});
}

async function main(): Promise<void> {
	const results: BenchResult[] = [];
	if (wanted('overhead')) results.push(...(await overhead()));
	if (wanted('latency')) results.push(await overheadAtLatency());
	// n8n's HTTP helper costs ~0.5 ms of CPU per request (it opens a new connection each
	// time), so efficiency falls as c grows: both settings are reported, each beside the
	// efficiency of the helper alone.
	if (wanted('concurrency')) results.push(await concurrency(10, 'concurrencyEfficiency', 0.9));
	if (wanted('concurrency')) results.push(await concurrency(20, 'concurrencyEfficiencyAt20', 0.85));
	if (wanted('pacing')) results.push(await pacing());
	if (wanted('bulk')) results.push(...(await bulkBenchmarks(REPS)));
	if (wanted('parse')) results.push(await parseBenchmark(REPS));
	// BENCH_SKIP_N8N=1 leaves out the one figure that needs a real n8n installed.
	if (wanted('webhook') && process.env.BENCH_SKIP_N8N !== '1') results.push(...(await webhookBenchmark(REPS)));

	const machine = {
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		memoryGb: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		repetitions: REPS,
	};
	if (args.has('--json')) {
		const json: Record<string, unknown> = { machine };
		for (const result of results) json[result.name] = { value: result.value, min: result.min, max: result.max, goal: result.goal, met: result.met, detail: result.detail };
		console.log(JSON.stringify(json, null, 2));
		return;
	}
	console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; median of ${REPS} after a warm-up`);
	console.log('| figure | median | min | max | goal | met | measured |');
	console.log('|---|---|---|---|---|---|---|');
	for (const r of results) {
		console.log(`| ${r.name} | ${r.value.toFixed(2)} | ${r.min.toFixed(2)} | ${r.max.toFixed(2)} | ${r.goal} | ${r.met ? 'yes' : 'no'} | ${r.detail} |`);
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
