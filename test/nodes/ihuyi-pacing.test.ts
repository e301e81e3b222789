/**
 * Per-number pacing of ihuyi sends, over real HTTP against the simulator with ihuyi's 4080
 * rule (one message per number per product within a second) switched on. The runs go on
 * jest's fake clock (see fakeClock): the node paces at its production interval and the
 * simulator stamps and judges each request on that clock, so no test waits real seconds.
 */
import type { INodeParameters } from 'n8n-workflow';

import { onFakeClock } from '../helpers/fakeClock';
import { runNode } from '../helpers/n8nHarness';
import type { RunNodeOptions, RunNodeResult } from '../helpers/n8nHarness';
import { mountControlRoutes } from '../simulator/control';
import { ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import { startSimulator } from '../simulator/server';
import type { Simulator } from '../simulator/server';
import type { LoggedRequest } from '../simulator/types';

/** ihuyi's rule: one message per number within a second (the simulator's after a reset). */
const RULE_MS = 1000;

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
	mountControlRoutes(sim);
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.reset();
	// Real milliseconds, so that requests overlap; they take no time on the fake clock.
	sim.latencyMs = 20;
});

const runPaced = async (options: RunNodeOptions): Promise<RunNodeResult> => (await onFakeClock(async () => await runNode(options))).result;

const options = { maxConcurrency: 10 };

/** Each product: its node parameters, how an item's number is written, how ihuyi receives it. */
const PRODUCTS = {
	sms: {
		parameters: smsSend({ mobile: '={{ $json.phone }}', options }),
		phone: (n: number) => `1390000${String(1000 + n)}`,
		wire: (n: number) => `1390000${String(1000 + n)}`,
	},
	internationalSms: {
		parameters: { resource: 'internationalSms', operation: 'send', numberFormat: 'e164', phoneNumber: '={{ $json.phone }}', content: 'Your verification code is 1125', options },
		phone: (n: number) => `+8526123${String(1000 + n)}`,
		wire: (n: number) => `852 6123${String(1000 + n)}`,
	},
	voiceCode: {
		parameters: { resource: 'voiceCode', operation: 'send', mobile: '={{ $json.phone }}', codeSource: 'generate', codeLength: 6, options },
		phone: (n: number) => `1370000${String(1000 + n)}`,
		wire: (n: number) => `1370000${String(1000 + n)}`,
	},
} satisfies Record<string, { parameters: INodeParameters; phone: (n: number) => string; wire: (n: number) => string }>;

/**
 * 4 numbers 5 times each, grouped (the order in which a runner that waits inside a request
 * slot would block all 10 slots on one number), then 6 numbers that appear once.
 */
const REPEATED = [0, 1, 2, 3];
const SINGLES = [10, 11, 12, 13, 14, 15];
const PLAN = [...REPEATED.flatMap((n) => [n, n, n, n, n]), ...SINGLES];

function byNumber(requests: LoggedRequest[]): Map<string, LoggedRequest[]> {
	const groups = new Map<string, LoggedRequest[]>();
	for (const request of requests) groups.set(request.form.mobile, [...(groups.get(request.form.mobile) ?? []), request]);
	return groups;
}

describe.each(Object.entries(PRODUCTS))('%s: repeated numbers at Max Concurrent Requests 10', (product, { parameters, phone, wire }) => {
	const route = `ihuyi:${product}:Submit`;

	test('no 4080: every item is sent once, repeats of a number at least a second apart on the clock ihuyi stamps', async () => {
		const { items, error } = await runPaced({
			type: 'ihuyi',
			parameters,
			credentials: ihuyiCredentials(sim),
			items: PLAN.map((n) => ({ json: { phone: phone(n) } })),
		});
		expect(error).toBeUndefined();
		// Output order and pairing follow the input, whatever order the sends went in.
		expect(items.map((item) => item.json.mobile)).toEqual(PLAN.map(wire));
		expect(items.map((item) => item.pairedItem)).toEqual(PLAN.map((_, index) => ({ item: index })));
		expect(items.every((item) => item.json.success === true)).toBe(true);
		// One request per item: nothing was refused, nothing was repeated.
		const requests = sim.requestsTo(route);
		expect(requests).toHaveLength(PLAN.length);
		expect(sim.ihuyi.sent).toHaveLength(PLAN.length);

		const groups = byNumber(requests);
		for (const n of REPEATED) {
			const arrivals = groups.get(wire(n))!.map((request) => request.at);
			expect(arrivals).toHaveLength(5);
			const gaps = arrivals.slice(1).map((at, index) => at - arrivals[index]);
			expect(Math.min(...gaps)).toBeGreaterThanOrEqual(RULE_MS);
		}
	});

	test('numbers that do not repeat are not held up: all go before any number is sent a second time', async () => {
		const { error } = await runPaced({
			type: 'ihuyi',
			parameters,
			credentials: ihuyiCredentials(sim),
			items: PLAN.map((n) => ({ json: { phone: phone(n) } })),
		});
		expect(error).toBeUndefined();
		const groups = byNumber(sim.requestsTo(route));
		const firstRepeat = Math.min(...REPEATED.map((n) => groups.get(wire(n))![1].seq));
		const lastSingle = Math.max(...SINGLES.map((n) => groups.get(wire(n))![0].seq));
		expect(lastSingle).toBeLessThan(firstRepeat);
		// The first message to every number went out in the first burst, before any repeat.
		const firsts = [...REPEATED, ...SINGLES].map((n) => groups.get(wire(n))![0].seq);
		expect(Math.max(...firsts)).toBeLessThan(firstRepeat);
	});
});

describe('pacing keeps the runner guarantees', () => {
	test('the rule is live on this clock: two runs of the same items at once, each pacing only itself, get 4080 answers', async () => {
		const run = async () =>
			await runNode({
				type: 'ihuyi',
				parameters: PRODUCTS.sms.parameters,
				credentials: ihuyiCredentials(sim),
				items: PLAN.map((n) => ({ json: { phone: PRODUCTS.sms.phone(n) } })),
				continueOnFail: true,
			});
		const { result } = await onFakeClock(async () => await Promise.all([run(), run()]));
		const items = result.flatMap((each) => each.items);
		const refused = items.filter((item) => (item.json.error as { code?: string } | undefined)?.code === '4080');
		expect(refused.length).toBeGreaterThan(0);
		expect(sim.ihuyi.sent.length + refused.length).toBe(2 * PLAN.length);
		for (const each of result) expect(each.items.map((item) => item.pairedItem)).toEqual(PLAN.map((_, index) => ({ item: index })));
	});

	test('a failure without Continue On Fail stops the repeats still waiting; the note names what went out', async () => {
		sim.ihuyi.blacklist.add(PRODUCTS.sms.wire(1));
		const plan = [0, 0, 0, 1];
		const { error } = await runPaced({
			type: 'ihuyi',
			parameters: PRODUCTS.sms.parameters,
			credentials: ihuyiCredentials(sim),
			items: plan.map((n) => ({ json: { phone: PRODUCTS.sms.phone(n) } })),
		});
		expect(error!.message).toContain('ihuyi code 4030');
		expect(error!.description).toMatch(/1 item\(s\) were already sent before this failure \(items 0\)/);
		// Items 1 and 2 were waiting for their number's pause when item 3 failed: never sent.
		expect(sim.ihuyi.sent.map((message) => message.mobile)).toEqual([PRODUCTS.sms.wire(0)]);
	});

	test('with Continue On Fail a bad item and a refused one become error items in place; repeats still paced', async () => {
		sim.ihuyi.blacklist.add(PRODUCTS.sms.wire(1));
		const phones = [PRODUCTS.sms.phone(0), 'not a number', PRODUCTS.sms.phone(0), PRODUCTS.sms.phone(1), PRODUCTS.sms.phone(0)];
		const { items, error } = await runPaced({
			type: 'ihuyi',
			parameters: PRODUCTS.sms.parameters,
			credentials: ihuyiCredentials(sim),
			items: phones.map((phone) => ({ json: { phone } })),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.success ?? false)).toEqual([true, false, true, false, true]);
		expect((items[3].json.error as { code?: string }).code).toBe('4030');
		expect(items.map((item) => item.pairedItem)).toEqual(phones.map((_, index) => ({ item: index })));
		expect(sim.ihuyi.sent.filter((message) => message.mobile === PRODUCTS.sms.wire(0))).toHaveLength(3);
	});

	test('the rule is set through /__sim/ihuyi/config, per number and product', async () => {
		const config = async (body: object) =>
			await fetch(`${sim.url}/__sim/ihuyi/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		expect((await config({ rateLimitIntervalMs: 60_000 })).status).toBe(200);
		const number = PRODUCTS.sms.wire(0);
		const send = async (parameters: INodeParameters) =>
			await runNode({ type: 'ihuyi', parameters: { ...parameters, mobile: number }, credentials: ihuyiCredentials(sim), continueOnFail: true });
		// Pacing is per run: a second run to the same number within the minute is refused.
		expect((await send(PRODUCTS.sms.parameters)).items[0].json.success).toBe(true);
		expect(((await send(PRODUCTS.sms.parameters)).items[0].json.error as { code?: string }).code).toBe('4080');
		// Another product is another account: its window is its own.
		expect((await send(PRODUCTS.voiceCode.parameters)).items[0].json.success).toBe(true);
		expect((await config({ enforceRateLimit: false })).status).toBe(200);
		expect((await send(PRODUCTS.sms.parameters)).items[0].json.success).toBe(true);
	});
});
