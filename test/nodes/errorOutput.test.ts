/**
 * On Error → "Continue (using error output)": n8n-core's handleNodeErrorOutput moves an item
 * to the error output only when its json holds nothing but `error`. Validation errors,
 * provider refusals and transport failures go there, paired with their input items;
 * successes stay on the main output. "Continue (regular output)" keeps the flat shape.
 */
import { ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import { jiazhiyuanCredentials, jzySend } from '../helpers/jiazhiyuanFixtures';
import { runNode } from '../helpers/n8nHarness';
import { useSimulator } from '../helpers/useSimulator';
import type { Simulator } from '../simulator/server';

let sim: Simulator;
useSimulator((started) => (sim = started));

describe('ihuyi Send with the error output', () => {
	// A bad number (refused before sending), a success, a blacklisted number (4030), a proxy 502.
	const items = ['12345', '13800138000', '13900139000', '13700137000'].map((phone) => ({ json: { phone } }));

	test('failures go to the error output with only `error`, successes to the main output', async () => {
		sim.ihuyi.blacklist.add('13900139000');
		sim.injectFault({ kind: 'http502', route: 'ihuyi:sms:Submit', skip: 2 });
		const run = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ mobile: '={{ $json.phone }}' }),
			credentials: ihuyiCredentials(sim),
			items,
			onError: 'continueErrorOutput',
		});
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => [item.json.mobile, item.pairedItem])).toEqual([['13800138000', { item: 1 }]]);
		expect(run.items[0].json.success).toBe(true);
		expect(run.errorItems.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }, { item: 3 }]);
		for (const item of run.errorItems) expect(Object.keys(item.json)).toEqual(['error']);
		const [invalid, refused, lost] = run.errorItems.map((item) => item.json.error as Record<string, unknown>);
		expect(invalid.message).toMatch(/^Item 0: Mobile/);
		expect(refused).toMatchObject({ code: '4030', providerMessage: '手机号码已被列入黑名单' });
		expect(lost).toMatchObject({ httpStatus: 502 });
		expect(String(lost.message)).toMatch(/may already have been sent/);
	});

	test('"Continue (regular output)" keeps every item on the main output with success: false', async () => {
		sim.ihuyi.blacklist.add('13900139000');
		const run = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ mobile: '={{ $json.phone }}' }),
			credentials: ihuyiCredentials(sim),
			items: items.slice(0, 3),
			onError: 'continueRegularOutput',
		});
		expect(run.items.map((item) => item.json.success)).toEqual([false, true, false]);
		expect(run.items[2].json).toMatchObject({ success: false, error: { code: '4030' } });
		expect(run.errorItems).toEqual([]);
	});
});

describe('Jiazhiyuan Send with the error output', () => {
	test('a refused call and a bad item go to the error output, what they sent stays inside `error`', async () => {
		sim.injectFault({ kind: 'refusal', route: 'jiazhiyuan:sendSMS', skip: 1 });
		const run = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.list }}', options: { combineItems: false } }),
			credentials: jiazhiyuanCredentials(sim),
			items: [{ json: { list: '13500000001' } }, { json: { list: '13500000002' } }, { json: { list: '135' } }],
			onError: 'continueErrorOutput',
		});
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({ json: { success: true, batchId: sim.jiazhiyuan.sent[0].batchId }, pairedItem: { item: 0 } });
		expect(run.errorItems.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		for (const item of run.errorItems) expect(Object.keys(item.json)).toEqual(['error']);
		expect(run.errorItems[0].json.error).toMatchObject({ code: 'failure', providerMessage: '系统繁忙，请稍后再试' });
		expect(String((run.errorItems[1].json.error as { message: string }).message)).toMatch(/^Item 2: Mobiles/);
	});

	test('an item whose numbers partly went out keeps their batch ids inside `error`', async () => {
		sim.jiazhiyuan.balances.gateSmsNum = 1_000_000;
		sim.injectFault({ kind: 'refusal', route: 'jiazhiyuan:sendSMS', skip: 1 });
		const list = Array.from({ length: 20001 }, (_, index) => `135${String(index).padStart(8, '0')}`);
		const run = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.list }}' }),
			credentials: jiazhiyuanCredentials(sim),
			items: [{ json: { list } }],
			onError: 'continueErrorOutput',
		});
		expect(run.items).toEqual([]);
		expect(run.errorItems).toHaveLength(1);
		expect(run.errorItems[0].json.error).toMatchObject({ partlySentBatchIds: [sim.jiazhiyuan.sent[0].batchId] });
	});
});
