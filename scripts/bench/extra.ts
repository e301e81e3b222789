import type { BenchResult } from './index';
import { bulkRun } from './jiazhiyuanBulk';
import type { BulkRun } from './jiazhiyuanBulk';
import { parseBare, parseOurs, reportXml } from './reportParse';
import { ratio, summarise } from './measure';
import { webhookRatio } from './webhookRatio';

/** Jiazhiyuan bulk sends: calls and memory against the do-nothing node. */
export async function bulkBenchmarks(repetitions: number): Promise<BenchResult[]> {
	const results: BenchResult[] = [];

	// Node and do-nothing baseline alternate, each in a fresh process, so that both see the
	// same machine; the ratio is the median of the pairs.
	const runs: BulkRun[] = [];
	const baselines: BulkRun[] = [];
	for (let i = 0; i < Math.min(repetitions, 3); i++) {
		runs.push(await bulkRun(100000));
		baselines.push(await bulkRun(100000, 1, true));
	}
	const peak = Math.max(...runs.map((run) => run.peakRssMb));
	const rss = summarise(runs.map((run) => run.peakRssMb));
	const baselineRss = summarise(baselines.map((run) => run.peakRssMb));
	const rssRatio = summarise(runs.map((run, i) => run.peakRssMb / baselines[i].peakRssMb));
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
		name: 'bulkPeakRssRatio',
		value: rssRatio.median,
		min: rssRatio.min,
		max: rssRatio.max,
		goal: '≤ 1.10',
		met: rssRatio.median <= 1.1,
		detail: `peak RSS of the process running the Jiazhiyuan send to 100,000 recipients (one item each) ${rss.median.toFixed(0)} MB vs the do-nothing node on the same items ${baselineRss.median.toFixed(0)} MB (compiled, simulator in another process)`,
	});
	results.push({
		name: 'bulkPeakRssMb',
		value: peak,
		min: Math.min(...runs.map((run) => run.peakRssMb)),
		max: peak,
		goal: '≤ 200',
		met: peak <= 200,
		detail: `the highest of those runs; the do-nothing node alone: ${baselineRss.median.toFixed(0)} MB`,
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

	return results;
}

/** 20,000 delivery reports into items against a bare parse. */
export async function parseBenchmark(repetitions: number): Promise<BenchResult> {
	const xml = reportXml(20000);
	const parse = await ratio(repetitions, () => parseOurs(xml), () => parseBare(xml));
	return {
		name: 'reportParseRatio',
		value: parse.ratio.median,
		min: parse.ratio.min,
		max: parse.ratio.max,
		goal: '≤ 1.25',
		met: parse.ratio.median <= 1.25,
		detail: `20,000 reports (${(xml.length / 1e6).toFixed(1)} MB) into items ${parse.measured.median.toFixed(0)} ms vs bare fast-xml-parser ${parse.baseline.median.toFixed(0)} ms`,
	};
}

/**
 * The Ihuyi Trigger and the fast route (n8n's Webhook node answering "success", then Push →
 * Read) against n8n's Webhook node alone, in one real n8n and one run. WEBHOOK_BENCH_ISOLATES
 * sets N8N_EXPRESSION_ENGINE_POOL_SIZE of that n8n (n8n 2.x runs the webhook phase of every
 * trigger but its own Webhook node inside an expression isolate from that pool).
 */
export async function webhookBenchmark(repetitions: number): Promise<BenchResult[]> {
	const isolates = process.env.WEBHOOK_BENCH_ISOLATES;
	const web = await webhookRatio(repetitions, 500, isolates ? { N8N_EXPRESSION_ENGINE_POOL_SIZE: isolates } : {});
	const settings = isolates ? `N8N_EXPRESSION_ENGINE_POOL_SIZE=${isolates}` : "n8n's defaults";
	const times = `Ihuyi Trigger ${web.trigger.median.toFixed(0)} ms, fast route (Webhook node answering success + Push → Read) ${web.fastRoute.median.toFixed(0)} ms, built-in Webhook node alone ${web.webhook.median.toFixed(0)} ms`;
	const setup = `n8n 2.41.1 (${settings}), the three routes active side by side, 500 pushes each, 10 at a time`;
	return [
		{
			name: 'webhookRatio',
			value: web.ratio.median,
			min: web.ratio.min,
			max: web.ratio.max,
			goal: '≥ 0.9',
			met: web.ratio.median >= 0.9,
			detail: `${setup}: Ihuyi Trigger vs built-in Webhook node; ${times}`,
		},
		{
			name: 'webhookFastRouteRatio',
			value: web.fastRouteRatio.median,
			min: web.fastRouteRatio.min,
			max: web.fastRouteRatio.max,
			goal: '≥ 0.9',
			met: web.fastRouteRatio.median >= 0.9,
			detail: `${setup}: fast route vs built-in Webhook node alone (same run as webhookRatio)`,
		},
	];
}
