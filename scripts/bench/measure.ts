/** Repetition and statistics shared by the benchmarks: warm-up, then median, min and max. */
export interface Figure {
	median: number;
	min: number;
	max: number;
	samples: number[];
}

export async function repeat(times: number, run: () => Promise<number>, warmUps = 1): Promise<Figure> {
	for (let i = 0; i < warmUps; i++) await run();
	const samples: number[] = [];
	for (let i = 0; i < times; i++) samples.push(await run());
	return summarise(samples);
}

export function summarise(samples: number[]): Figure {
	const sorted = [...samples].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], samples };
}

export async function timed(run: () => Promise<unknown>): Promise<number> {
	const start = process.hrtime.bigint();
	await run();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Pairs each sample of a measurement with the baseline sample of the same repetition. */
export async function ratio(
	times: number,
	measure: () => Promise<number>,
	baseline: () => Promise<number>,
): Promise<{ ratio: Figure; measured: Figure; baseline: Figure }> {
	await measure();
	await baseline();
	const ratios: number[] = [];
	const measured: number[] = [];
	const base: number[] = [];
	for (let i = 0; i < times; i++) {
		// Alternate the order so that neither side always runs on a warmer process.
		const [m, b] = i % 2 === 0 ? [await measure(), await baseline()] : (([bb, mm]) => [mm, bb])([await baseline(), await measure()]);
		measured.push(m);
		base.push(b);
		ratios.push(m / b);
	}
	return { ratio: summarise(ratios), measured: summarise(measured), baseline: summarise(base) };
}
