/** bulkRequests and bulkPeakRssMb: 100,000 recipients through the Jiazhiyuan node. */
import { execFileSync } from 'child_process';
import { join } from 'path';

import { startSimulatorProcess } from '../../test/simulator/process';

const REPO = join(__dirname, '..', '..');
const BUILD = join(REPO, '.cache', 'bench-build');
let compiled = false;

/**
 * The child runs compiled JavaScript, as n8n runs the package: under ts-node the TypeScript
 * compiler alone would add some 60 MB to the process being measured. tsc prints its errors on
 * standard output: they go to standard error, which is where the bench's progress goes.
 */
function compile(): void {
	if (compiled) return;
	execFileSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO, 'tsconfig.json'), '--outDir', BUILD], { stdio: ['ignore', 2, 2], timeout: 300_000 });
	compiled = true;
}

export interface BulkRun {
	calls: number;
	peakRssMb: number;
	ms: number;
	batches: number;
}

/** One run in a fresh process: the Jiazhiyuan send, or with `baseline` the do-nothing node (bulkBaseline.ts). */
export async function bulkRun(recipients: number, perItem = 1, baseline = false): Promise<BulkRun> {
	const sim = await startSimulatorProcess();
	try {
		await sim.control('jiazhiyuan/config', { balance: 1e9, autoReports: false });
		compile();
		const output = execFileSync(process.execPath, [join(BUILD, 'scripts', 'bench', 'bulkChild.js')], {
			env: { ...process.env, SIMULATOR_URL: sim.url, RECIPIENTS: String(recipients), PER_ITEM: String(perItem), NODE: baseline ? 'baseline' : 'jiazhiyuan' },
			encoding: 'utf8',
			maxBuffer: 1 << 24,
			timeout: 600_000,
		});
		const result = JSON.parse(output.trim().split('\n').pop()!) as { ms: number; peakRssMb: number; batches: number };
		const { jiazhiyuanCalls } = (await sim.control('count')) as { jiazhiyuanCalls: number };
		return { ...result, calls: jiazhiyuanCalls };
	} finally {
		await sim.stop();
	}
}
