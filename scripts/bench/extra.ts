import type { BenchResult } from './index';
import { bulkRun } from './jiazhiyuanBulk';
import { parseBare, parseOurs, reportXml } from './reportParse';
import { ratio } from './measure';
import { webhookRatio } from './webhookRatio';

/** Jiazhiyuan bulk and parsing, and the Ihuyi Trigger in a real n8n. */
export async function extraBenchmarks(repetitions: number): Promise<BenchResult[]> {
	const results: BenchResult[] = [];

	const runs = [];
	for (let i = 0; i < Math.min(repetitions, 3); i++) runs.push(await bulkRun(100000));
	const baseline = await bulkRun(1);
	const peak = Math.max(...runs.map((run) => run.peakRssMb));
	results.push({
		name: 'bulkRequests',
		value: Math.max(...runs.map((run) => run.calls)),
		min: Math.min(...runs.map((run) => run.calls)),
		max: Math.max(...runs.map((run) => run.calls)),
		goal: '≤ 5',
		met: runs.every((run) => run.calls <= 5),
		detail: `100,000 recipients, one item each, same content: HTTP calls to sendSMS; ${Math.round(runs[0].ms)} ms`,
	});
	results.push({
		name: 'bulkPeakRssMb',
		value: peak,
		min: Math.min(...runs.map((run) => run.peakRssMb)),
		max: peak,
		goal: '≤ 200',
		met: peak <= 200,
		detail: `peak RSS of the process running the node (compiled, simulator in another process); the same process with 1 recipient: ${Math.round(baseline.peakRssMb)} MB`,
	});

	const fiveItems = await bulkRun(100000, 20000);
	results.push({
		name: 'bulkPeakRssMbFiveItems',
		value: fiveItems.peakRssMb,
		min: fiveItems.peakRssMb,
		max: fiveItems.peakRssMb,
		goal: '(informative)',
		met: true,
		detail: `the same 100,000 numbers as 5 items of 20,000: ${fiveItems.calls} calls, ${Math.round(fiveItems.ms)} ms`,
	});

	const xml = reportXml(20000);
	const parse = await ratio(repetitions, () => parseOurs(xml), () => parseBare(xml));
	results.push({
		name: 'reportParseRatio',
		value: parse.ratio.median,
		min: parse.ratio.min,
		max: parse.ratio.max,
		goal: '≤ 1.5',
		met: parse.ratio.median <= 1.5,
		detail: `20,000 reports (${(xml.length / 1e6).toFixed(1)} MB) into items ${parse.measured.median.toFixed(0)} ms vs bare fast-xml-parser ${parse.baseline.median.toFixed(0)} ms`,
	});

	if (process.env.BENCH_SKIP_N8N !== '1') {
		const web = await webhookRatio(repetitions);
		results.push({
			name: 'webhookRatio',
			value: web.ratio.median,
			min: web.ratio.min,
			max: web.ratio.max,
			goal: '≥ 0.9',
			met: web.ratio.median >= 0.9,
			detail: `n8n 2.41.1, 500 pushes each, 10 at a time: Ihuyi Trigger ${web.trigger.median.toFixed(0)} ms vs built-in Webhook node ${web.webhook.median.toFixed(0)} ms`,
		});
	}
	return results;
}
