import type { BenchResult } from './index';

/**
 * Benchmarks of the Jiazhiyuan node (bulk send, report parsing) and of the webhook trigger
 * in a real n8n join here as those parts land.
 */
export async function extraBenchmarks(_repetitions: number): Promise<BenchResult[]> {
	return [];
}
