import type { BenchResult, Side } from './report';
import { bulkRun } from './jiazhiyuanBulk';
import type { BulkRun } from './jiazhiyuanBulk';
import { parseBare, parseOurs, reportXml } from './reportParse';
import { ratio, summarise } from './measure';
import type { Figure } from './measure';
import { webhookRatio } from './webhookRatio';

function side(label: string, figure: Figure, unit: string): Side {
	return { label, median: figure.median, min: figure.min, max: figure.max, unit };
}

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
	const calls = summarise(runs.map((run) => run.calls));
	const doNothing = side('do-nothing node on the same items, fresh process', baselineRss, 'MB');
	results.push({
		name: 'bulkRequests',
		value: Math.max(...runs.map((run) => run.calls)),
		min: Math.min(...runs.map((run) => run.calls)),
		max: Math.max(...runs.map((run) => run.calls)),
		goal: '≤ 5',
		met: runs.every((run) => run.calls <= 5),
		measured: side('HTTP calls to sendSMS', calls, 'calls'),
		baseline: { label: 'fewest possible: 100,000 numbers / 20,000 per call', median: 5, min: 5, max: 5, unit: 'calls' },
		detail: `100,000 recipients, one item each, same content; ${Math.round(runs[0].ms)} ms`,
	});
	results.push({
		name: 'bulkPeakRssRatio',
		value: rssRatio.median,
		min: rssRatio.min,
		max: rssRatio.max,
		goal: '≤ 1.10',
		met: rssRatio.median <= 1.1,
		measured: side('peak RSS, Jiazhiyuan send to 100,000 recipients (one item each)', rss, 'MB'),
		baseline: doNothing,
		detail: 'pairs alternate, each in a fresh process; compiled JavaScript, simulator in another process',
	});
	results.push({
		name: 'bulkPeakRssMb',
		value: peak,
		min: Math.min(...runs.map((run) => run.peakRssMb)),
		max: peak,
		goal: '≤ 200',
		met: peak <= 200,
		measured: side('peak RSS, the highest of those runs', rss, 'MB'),
		baseline: doNothing,
		detail: 'an absolute goal: the items alone take most of it',
	});

	const fiveItems = await bulkRun(100000, 20000);
	results.push({
		name: 'bulkPeakRssMbFiveItems',
		value: fiveItems.peakRssMb,
		min: fiveItems.peakRssMb,
		max: fiveItems.peakRssMb,
		goal: '(informative)',
		met: true,
		measured: { label: `peak RSS, the same 100,000 numbers as 5 items of 20,000 (${fiveItems.calls} calls)`, median: fiveItems.peakRssMb, min: fiveItems.peakRssMb, max: fiveItems.peakRssMb, unit: 'MB' },
		baseline: { ...doNothing, label: 'do-nothing node on the 100,000 one-number items above (no 5-item baseline is run)' },
		detail: `one run, ${Math.round(fiveItems.ms)} ms`,
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
		measured: side('20,000 reports into items', parse.measured, 'ms'),
		baseline: side('bare fast-xml-parser parse of the same XML', parse.baseline, 'ms'),
		detail: `${(xml.length / 1e6).toFixed(1)} MB of XML`,
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
			measured: side('Ihuyi Trigger, 500 pushes', web.trigger, 'ms'),
			baseline: side('built-in Webhook node alone, the same 500 pushes', web.webhook, 'ms'),
			detail: `${setup}: Ihuyi Trigger vs built-in Webhook node; ${times}`,
		},
		{
			name: 'webhookFastRouteRatio',
			value: web.fastRouteRatio.median,
			min: web.fastRouteRatio.min,
			max: web.fastRouteRatio.max,
			goal: '≥ 0.9',
			met: web.fastRouteRatio.median >= 0.9,
			measured: side('fast route (Webhook node answering success + Push → Read), 500 pushes', web.fastRoute, 'ms'),
			baseline: side('built-in Webhook node alone, the same 500 pushes', web.webhook, 'ms'),
			detail: `${setup}: fast route vs built-in Webhook node alone (same run as webhookRatio)`,
		},
	];
}
