/**
 * pacingRatio: 1,000 SMS where 100 numbers appear 10 times each (shuffled), Max Concurrent
 * Requests 10, the simulator answering after 50 ms and enforcing ihuyi's real one-second
 * rule (4080). The floor any correct sender can reach is set by the rule: a number's 10
 * messages need 9 full seconds between them, plus one answer; concurrency alone would allow
 * 1,000 × 50 ms / 10. The baseline, measured in the same run, is the same 1,000 sends to
 * 1,000 distinct numbers: the pacer holds none of them up, so the difference is what the
 * rule costs a sender that keeps it.
 */
import { runNode } from '../../test/helpers/n8nHarness';
import { ihuyiCredentials } from '../../test/helpers/ihuyiFixtures';
import type { SimulatorProcess } from '../../test/simulator/process';
import { summarise, timed } from './measure';
import type { Figure } from './measure';

export const PACING = { numbers: 100, repeats: 10, concurrency: 10, latencyMs: 50, ruleMs: 1000 };

/** The 1,000 numbers in a fixed shuffled order (a small LCG: the same order every run). */
export function pacingPlan(): string[] {
	const plan = Array.from({ length: PACING.numbers * PACING.repeats }, (_, index) => `139${String(index % PACING.numbers).padStart(8, '0')}`);
	let seed = 20261201;
	for (let i = plan.length - 1; i > 0; i--) {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		const j = seed % (i + 1);
		[plan[i], plan[j]] = [plan[j], plan[i]];
	}
	return plan;
}

/** The baseline: as many sends, each to a number of its own. */
export function distinctPlan(): string[] {
	return Array.from({ length: PACING.numbers * PACING.repeats }, (_, index) => `139${String(index).padStart(8, '0')}`);
}

export function pacingFloorMs(): number {
	const byRule = (PACING.repeats - 1) * PACING.ruleMs + PACING.latencyMs;
	const byConcurrency = (PACING.numbers * PACING.repeats * PACING.latencyMs) / PACING.concurrency;
	return Math.max(byRule, byConcurrency);
}

async function oneRun(sim: SimulatorProcess, plan: string[]): Promise<{ ms: number; refused: number }> {
	// A fresh provider each time: the rule's window must not carry over from the last run.
	await sim.control('reset', {});
	await sim.control('ihuyi/config', { balance: 1e12, latencyMs: PACING.latencyMs, rateLimitIntervalMs: PACING.ruleMs });
	let refused = 0;
	const ms = await timed(async () => {
		const { error, items } = await runNode({
			type: 'ihuyi',
			parameters: {
				resource: 'sms',
				operation: 'send',
				sendMode: 'fullText',
				mobile: '={{ $json.mobile }}',
				content: '您的验证码是：1234。请不要把验证码泄露给其他人。',
				options: { maxConcurrency: PACING.concurrency },
			},
			credentials: ihuyiCredentials(sim),
			items: plan.map((mobile) => ({ json: { mobile } })),
			continueOnFail: true,
		});
		if (error) throw new Error(`node run failed: ${error.message}`);
		refused = items.filter((item) => (item.json.error as { code?: string } | undefined)?.code === '4080').length;
	});
	return { ms, refused };
}

export async function pacingRuns(sim: SimulatorProcess, repetitions: number): Promise<{ paced: Figure; refusedPaced: number; distinct: Figure; refusedDistinct: number }> {
	await oneRun(sim, pacingPlan());
	const paced: number[] = [];
	const distinct: number[] = [];
	let refusedPaced = 0;
	let refusedDistinct = 0;
	for (let i = 0; i < repetitions; i++) {
		const repeated = await oneRun(sim, pacingPlan());
		paced.push(repeated.ms);
		refusedPaced = Math.max(refusedPaced, repeated.refused);
		const baseline = await oneRun(sim, distinctPlan());
		distinct.push(baseline.ms);
		refusedDistinct = Math.max(refusedDistinct, baseline.refused);
	}
	return { paced: summarise(paced), refusedPaced, distinct: summarise(distinct), refusedDistinct };
}
