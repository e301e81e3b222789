/**
 * What a failure says about the message: a send whose answer was lost may have gone out, so
 * it never says "try again later" nor carries a cause that invites an automatic retry; a
 * read is asked again only when its answer was lost, never after a refusal or a
 * configuration error; Skip Repeated Numbers never reports a number as done that no call
 * delivered.
 */
import { NodeApiError } from 'n8n-workflow';

import { ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import { jiazhiyuanCredentials, jzySend } from '../helpers/jiazhiyuanFixtures';
import { onFakeClock } from '../helpers/fakeClock';
import { runNode } from '../helpers/n8nHarness';
import { useSimulator } from '../helpers/useSimulator';
import type { Simulator } from '../simulator/server';

let sim: Simulator;
useSimulator((started) => (sim = started));

const balance = { resource: 'sms', operation: 'getBalance' };
const causeOf = (error: unknown) => (error as { failure?: { cause?: string } }).failure?.cause;
/** Runs the node on jest's fake clock: `waits` are the read retries' delays, waited on that clock. */
const runTimed = async (options: Parameters<typeof runNode>[0]) => {
	const { result, waits } = await onFakeClock(async () => await runNode(options));
	return { ...result, waits };
};

describe('a send whose answer was lost', () => {
	test.each(['http502', 'http503', 'timeout', 'reset'] as const)('ihuyi %s: "may already have been sent", no retry cause', async (kind) => {
		sim.injectFault({ kind, route: 'ihuyi:sms:Submit' });
		const { error } = await runNode({ type: 'ihuyi', parameters: smsSend({ options: { timeout: 1000 } }), credentials: ihuyiCredentials(sim) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toMatch(/may already have been sent/);
		expect((error as NodeApiError).description).toMatch(/check the delivery receipts or the provider console/);
		expect((error as NodeApiError).description).not.toMatch(/Try again later/i);
		expect(causeOf(error)).toBeUndefined();
		expect(sim.ihuyi.sent).toHaveLength(1);
	});

	test('Jiazhiyuan 502 on sendSMS: the same, and the batch really went out', async () => {
		sim.injectFault({ kind: 'http502', route: 'jiazhiyuan:sendSMS' });
		const { error } = await runNode({ type: 'jiazhiyuan', parameters: jzySend(), credentials: jiazhiyuanCredentials(sim) });
		expect(error!.message).toMatch(/HTTP 502.*may already have been sent/);
		expect((error as NodeApiError).description).not.toMatch(/Try again later/i);
		expect(causeOf(error)).toBeUndefined();
		expect(sim.jiazhiyuan.sent).toHaveLength(1);
	});

	test('a connection that never opened says nothing was sent', async () => {
		const { error } = await runNode({
			type: 'ihuyi',
			parameters: smsSend(),
			credentials: ihuyiCredentials(sim, { sms: { baseUrl: 'http://127.0.0.1:1' } }),
		});
		expect(error!.message).toMatch(/Could not reach ihuyi/);
		expect(error!.message).not.toMatch(/may already have been sent/);
		expect((error as NodeApiError).description).toMatch(/Nothing was sent/);
	});

	test('a read that fails on a 502 still says try again later and is retried', async () => {
		sim.injectFault({ kind: 'http502', route: 'ihuyi:sms:GetNum', times: 3 });
		const { error, waits } = await runTimed({ type: 'ihuyi', parameters: balance, credentials: ihuyiCredentials(sim) });
		expect((error as NodeApiError).description).toMatch(/Try again later/);
		expect(causeOf(error)).toBe('temporarily-unavailable');
		expect(waits).toEqual([300, 1000]);
	});
});

describe('read retries only after a lost answer', () => {
	test.each([
		['an empty API key', { sms: { apiKey: '' } }],
		['an empty API ID', { sms: { apiId: '' } }],
	])('%s is not retried', async (_name, overrides) => {
		const { error, waits } = await runTimed({ type: 'ihuyi', parameters: balance, credentials: ihuyiCredentials(sim, overrides) });
		expect(error!.message).toMatch(/credential has no API/);
		expect(waits).toEqual([]);
		expect(sim.requestsTo('ihuyi')).toHaveLength(0);
	});

	test('a wrong key (40502, the dynamic password does not match) is not retried', async () => {
		const { error, waits } = await runTimed({ type: 'ihuyi', parameters: balance, credentials: ihuyiCredentials(sim, { sms: { apiKey: 'wrong-key-123' } }) });
		expect((error as NodeApiError).context).toMatchObject({ code: '40502' });
		expect(waits).toEqual([]);
		expect(sim.requestsTo('ihuyi:sms:GetNum')).toHaveLength(1);
	});

	test('a 404 page (a wrong base URL) is not retried', async () => {
		const { error, waits } = await runTimed({
			type: 'jiazhiyuan',
			parameters: { resource: 'account', operation: 'getBalance' },
			credentials: jiazhiyuanCredentials(sim, { baseUrl: `${sim.url}/no-such-path` }),
		});
		expect(error!.message).toMatch(/HTTP 404/);
		expect(waits).toEqual([]);
	});

	test.each(['http500', 'truncated', 'timeout'] as const)('a lost answer (%s) is retried', async (kind) => {
		sim.injectFault({ kind, route: 'jiazhiyuan:getRestMoney' });
		const { error, waits } = await runTimed({
			type: 'jiazhiyuan',
			parameters: { resource: 'account', operation: 'getBalance', options: { timeout: 1000 } },
			credentials: jiazhiyuanCredentials(sim),
		});
		expect(error).toBeUndefined();
		expect(waits).toEqual([300]);
		expect(sim.requestsTo('jiazhiyuan:getRestMoney')).toHaveLength(2);
	});
});

describe('Skip Repeated Numbers and failed calls', () => {
	test('a number left out as a repeat of an item whose call failed is not reported as done', async () => {
		sim.injectFault({ kind: 'http502', route: 'jiazhiyuan:sendSMS' });
		const { items } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.list }}', options: { combineItems: false } }),
			credentials: jiazhiyuanCredentials(sim),
			items: [{ json: { list: '13800138000' } }, { json: { list: '13800138000,13900139000' } }],
			continueOnFail: true,
		});
		expect(items[0].json).toMatchObject({ success: false, error: { httpStatus: 502 } });
		expect(items[1].json.success).toBe(false);
		expect(items[1].json.error).toMatchObject({ message: 'Item 1: 13800138000 was not sent' });
		expect(String((items[1].json.error as { description: string }).description)).toMatch(/repeat of item 0, whose call failed/);
		// Its own number went out: the batch is named, so nobody sends it again by mistake.
		expect(items[1].json.partlySentBatchIds).toEqual([sim.jiazhiyuan.sent.at(-1)!.batchId]);
	});

	test.each([
		['SMS type', { smsType: "={{ $itemIndex === 0 ? '1' : '2' }}" }],
		['long-SMS setting', { options: { longSms: "={{ $itemIndex === 0 ? 'never' : 'always' }}" } }],
		['extension', { options: { extenno: '={{ $itemIndex === 0 ? "" : "12" }}' } }],
	])('the same content with another %s is another message: both go out', async (_name, extra) => {
		const { items, error } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ ...extra }),
			credentials: jiazhiyuanCredentials(sim),
			items: [{ json: {} }, { json: {} }],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => (item.json.repeatsSkipped as { count: number }).count)).toEqual([0, 0]);
		expect(sim.jiazhiyuan.sent.flatMap((batch) => batch.mobiles)).toEqual(['13800138000', '13800138000']);
	});
});
