/**
 * Child process of the bulk benchmark: a Jiazhiyuan send of N recipients (one item each,
 * same content, Combine Items on) against the simulator at SIMULATOR_URL, or with
 * NODE=baseline the do-nothing node on the same items. Prints the run's duration and this
 * process's peak RSS, so the simulator's memory is not counted.
 */
import { registerNodeType, runNode } from '../../test/helpers/n8nHarness';
import { jiazhiyuanCredentials, numbers } from '../../test/helpers/jiazhiyuanFixtures';
import { bulkBaseline } from './bulkBaseline';

registerNodeType(bulkBaseline);

async function main(): Promise<void> {
	const count = Number(process.env.RECIPIENTS ?? 100000);
	const url = process.env.SIMULATOR_URL!;
	// PER_ITEM numbers per item (default 1: one item per recipient, the worst case).
	const perItem = Number(process.env.PER_ITEM ?? 1);
	const baseline = process.env.NODE === 'baseline';
	const all = numbers(count);
	const items = Array.from({ length: Math.ceil(count / perItem) }, (_, i) => ({ json: { mobile: perItem === 1 ? all[i] : all.slice(i * perItem, (i + 1) * perItem) } }));
	const start = process.hrtime.bigint();
	const { items: output, error } = await runNode({
		type: baseline ? bulkBaseline.description.name : 'jiazhiyuan',
		parameters: { resource: 'sms', operation: 'send', mobiles: '={{ $json.mobile }}', content: '【嘉之元】双十一大促，全场五折，回TD退订', smsType: 'default', options: {} },
		credentials: jiazhiyuanCredentials({ url }),
		items,
	});
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	if (error || output.length !== items.length) throw new Error(`bulk run failed: ${error?.message}`);
	const batches = new Set(output.map((item) => item.json.batchId));
	console.log(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, batches: batches.size }));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
