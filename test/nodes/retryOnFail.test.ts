/**
 * n8n's Retry On Fail runs execute() again with every input item, after an error and also
 * when Continue On Fail left an error in the first output item. Nothing that went out, or may
 * have, is sent again within the execution; what never left (a refusal, a call never made)
 * is sent by the retry. Run through n8n-core's own try loop (the node setting, not a call of
 * execute() by hand); the proxy failure is the simulator's 502 written after the provider
 * accepted the message.
 */
import { NodeApiError } from 'n8n-workflow';

import { ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import { jiazhiyuanCredentials, jzySend } from '../helpers/jiazhiyuanFixtures';
import { runNode } from '../helpers/n8nHarness';
import { useSimulator } from '../helpers/useSimulator';
import type { Simulator } from '../simulator/server';

let sim: Simulator;
useSimulator((started) => (sim = started));

const phones = ['13800138001', '13800138002', '13800138003', '13800138004', '13800138005', '13800138006'];
const phoneItems = phones.map((phone) => ({ json: { phone } }));

/** How many accepted messages each number got from the simulator. */
function ihuyiDeliveries(): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const message of sim.ihuyi.sent) counts[message.mobile] = (counts[message.mobile] ?? 0) + 1;
	return counts;
}

function jiazhiyuanDeliveries(): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const batch of sim.jiazhiyuan.sent) for (const mobile of batch.mobiles) counts[mobile] = (counts[mobile] ?? 0) + 1;
	return counts;
}

describe('ihuyi Send with Retry On Fail', () => {
	test('a proxy 502 after the provider accepted item 2: n8n retries, no number gets a second message', async () => {
		sim.injectFault({ kind: 'http502', route: 'ihuyi:sms:Submit', skip: 2 });
		const { error, tries } = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ mobile: '={{ $json.phone }}' }),
			credentials: ihuyiCredentials(sim),
			items: phoneItems,
			retryOnFail: { maxTries: 3 },
		});
		expect(tries).toBe(3);
		expect(ihuyiDeliveries()).toEqual({ [phones[0]]: 1, [phones[1]]: 1, [phones[2]]: 1 });
		expect(sim.requestsTo('ihuyi:sms:Submit')).toHaveLength(3);
		// The item that may have gone out fails the node, and says so; nothing after it went out.
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toMatch(/HTTP 502.*may already have been sent/);
		expect((error as NodeApiError).description).toMatch(/2 item\(s\) were already sent before this failure \(items 0, 1\)/);
	});

	test('a refusal (4080) is sent again by the retry; what went out is not', async () => {
		sim.injectFault({ kind: 'refusal', route: 'ihuyi:sms:Submit', skip: 2 });
		const { items, error, tries } = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ mobile: '={{ $json.phone }}' }),
			credentials: ihuyiCredentials(sim),
			items: phoneItems,
			retryOnFail: { maxTries: 3 },
		});
		expect(error).toBeUndefined();
		expect(tries).toBe(2);
		expect(ihuyiDeliveries()).toEqual(Object.fromEntries(phones.map((phone) => [phone, 1])));
		// Two sent, one refused, then on the retry the refused one and the three never tried.
		expect(sim.requestsTo('ihuyi:sms:Submit')).toHaveLength(3 + 4);
		expect(items.map((item) => item.json.mobile)).toEqual(phones);
		const ids = items.map((item) => item.json.messageId);
		expect(ids).toEqual(sim.ihuyi.sent.map((message) => message.id));
	});

	test('with Continue On Fail an error in item 0 makes n8n retry: the other items are not sent again', async () => {
		sim.injectFault({ kind: 'http502', route: 'ihuyi:sms:Submit' });
		const { items, error, tries } = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ mobile: '={{ $json.phone }}' }),
			credentials: ihuyiCredentials(sim),
			items: phoneItems,
			continueOnFail: true,
			retryOnFail: { maxTries: 3 },
		});
		expect(error).toBeUndefined();
		expect(tries).toBe(3);
		expect(ihuyiDeliveries()).toEqual(Object.fromEntries(phones.map((phone) => [phone, 1])));
		expect(sim.requestsTo('ihuyi:sms:Submit')).toHaveLength(6);
		expect(items[0].json).toMatchObject({ success: false, error: { httpStatus: 502 } });
		expect(items.slice(1).every((item) => item.json.success === true)).toBe(true);
	});

	test('a new execution sends again, as the user asked', async () => {
		const run = async () =>
			await runNode({ type: 'ihuyi', parameters: smsSend(), credentials: ihuyiCredentials(sim), retryOnFail: { maxTries: 3 } });
		sim.ihuyi.rateLimit.enabled = false;
		expect((await run()).error).toBeUndefined();
		expect((await run()).error).toBeUndefined();
		expect(sim.ihuyi.sent).toHaveLength(2);
	});
});

describe('Jiazhiyuan Send with Retry On Fail', () => {
	const pairs = [{ json: { list: '13500000001,13500000002' } }, { json: { list: '13500000003,13500000004' } }, { json: { list: '13500000005,13500000006' } }];

	test('Combine Items off, a 502 after the platform accepted call 2: no number twice', async () => {
		sim.injectFault({ kind: 'http502', route: 'jiazhiyuan:sendSMS', skip: 1 });
		const { error, tries } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.list }}', options: { combineItems: false } }),
			credentials: jiazhiyuanCredentials(sim),
			items: pairs,
			retryOnFail: { maxTries: 3 },
		});
		expect(tries).toBe(3);
		expect(jiazhiyuanDeliveries()).toEqual({ '13500000001': 1, '13500000002': 1, '13500000003': 1, '13500000004': 1 });
		expect(sim.requestsTo('jiazhiyuan:sendSMS')).toHaveLength(2);
		expect(error!.message).toMatch(/may already have been sent/);
	});

	test('combined calls: a refused call is sent by the retry, the accepted one is not', async () => {
		// Items 0 and 2 share a message and one call; item 1 has its own.
		sim.injectFault({ kind: 'refusal', route: 'jiazhiyuan:sendSMS', skip: 1 });
		const { items, error, tries } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.list }}', content: "={{ $itemIndex === 1 ? '【嘉之元】乙' : '【嘉之元】甲' }}" }),
			credentials: jiazhiyuanCredentials(sim),
			items: pairs,
			retryOnFail: { maxTries: 3 },
		});
		expect(error).toBeUndefined();
		expect(tries).toBe(2);
		expect(sim.requestsTo('jiazhiyuan:sendSMS')).toHaveLength(3);
		expect(Object.values(jiazhiyuanDeliveries())).toEqual([1, 1, 1, 1, 1, 1]);
		expect(items[0].json.batchId).toBe(items[2].json.batchId);
		expect(items.map((item) => item.json.success)).toEqual([true, true, true]);
	});
});
