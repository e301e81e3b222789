/**
 * webhookRatio under each expression-engine setting n8n 2.41 offers: each setting gets an n8n
 * of its own, and each ratio pairs the Ihuyi Trigger with the built-in Webhook node in that
 * same n8n (`npm run bench -- --only webhook-engines`). What each setting trades away is in
 * BENCHMARKS.md.
 */
import type { BenchGroup, BenchResult } from './report';
import { webhookRatio } from './webhookRatio';

interface EngineSetting {
	/** The group's name, for `--only`. */
	group: string;
	figure: string;
	env: Record<string, string>;
	label: string;
}

export const ENGINE_SETTINGS: EngineSetting[] = [
	{ group: 'webhook-defaults', figure: 'webhookRatioDefaults', env: {}, label: "n8n's defaults: engine vm, isolate skip on, eager acquisition, pool of 1" },
	{
		group: 'webhook-skip-off',
		figure: 'webhookRatioIsolateSkipOff',
		env: { N8N_EXPRESSION_ENGINE_ALLOW_WEBHOOK_ISOLATE_SKIP: 'false' },
		label: 'N8N_EXPRESSION_ENGINE_ALLOW_WEBHOOK_ISOLATE_SKIP=false: the Webhook node takes an isolate per request too',
	},
	{ group: 'webhook-vm', figure: 'webhookRatioEngineVm', env: { N8N_EXPRESSION_ENGINE: 'vm' }, label: 'N8N_EXPRESSION_ENGINE=vm (2.41.1\'s default, set explicitly)' },
	{ group: 'webhook-legacy', figure: 'webhookRatioEngineLegacy', env: { N8N_EXPRESSION_ENGINE: 'legacy' }, label: 'N8N_EXPRESSION_ENGINE=legacy: no isolates, expressions run in n8n\'s own process' },
	{ group: 'webhook-quickjs', figure: 'webhookRatioEngineQuickjs', env: { N8N_EXPRESSION_ENGINE: 'quickjs' }, label: 'N8N_EXPRESSION_ENGINE=quickjs (experimental): a QuickJS WASM sandbox per request' },
	{
		group: 'webhook-lazy-acquire',
		figure: 'webhookRatioLazyAcquire',
		env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
		label: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (experimental): engine vm, an isolate only once an expression needs one',
	},
];

export const ENGINE_PUSHES = 500;

async function measure(setting: EngineSetting, repetitions: number): Promise<BenchResult> {
	const web = await webhookRatio(repetitions, ENGINE_PUSHES, setting.env);
	return {
		name: setting.figure,
		value: web.ratio.median,
		min: web.ratio.min,
		max: web.ratio.max,
		goal: '≥ 0.9',
		met: web.ratio.median >= 0.9,
		measured: { label: `Ihuyi Trigger, ${ENGINE_PUSHES} pushes`, ...spread(web.trigger), unit: 'ms' },
		baseline: { label: `built-in Webhook node, the same ${ENGINE_PUSHES} pushes`, ...spread(web.webhook), unit: 'ms' },
		detail: `n8n 2.41.1, ${setting.label}; 10 pushes at a time, ${repetitions} repetitions after a warm-up; ratio = Webhook node time / trigger time, paired per repetition`,
	};
}

function spread(figure: { median: number; min: number; max: number }) {
	return { median: figure.median, min: figure.min, max: figure.max };
}

/** One group per setting, so that an n8n that does not start costs only its own figure. */
export function engineGroups(repetitions: number): BenchGroup[] {
	return ENGINE_SETTINGS.map((setting) => ({
		name: setting.group,
		sets: ['webhook-engines'],
		optIn: true,
		run: async () => [await measure(setting, repetitions)],
	}));
}
