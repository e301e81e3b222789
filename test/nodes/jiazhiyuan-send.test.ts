import type { INodeParameters } from 'n8n-workflow';

import { JiazhiyuanApi } from '../../credentials/JiazhiyuanApi.credentials';
import { Jiazhiyuan } from '../../nodes/Jiazhiyuan/Jiazhiyuan.node';
import { runNode } from '../helpers/n8nHarness';
import { jiazhiyuanCredentials, jzySend, numbers } from '../helpers/jiazhiyuanFixtures';
import { decodeGbkForm } from '../simulator/jiazhiyuan';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

describe('Jiazhiyuan SMS: Send', () => {
	test('the SMS types the credential offers as its default are the ones Send offers, each sent as chosen', async () => {
		const credentialTypes = new JiazhiyuanApi().properties.find((property) => property.name === 'smsType')!.options as Array<{ value: string; description?: string }>;
		const sendTypes = new Jiazhiyuan().description.properties.find((property) => property.name === 'smsType')!.options as Array<{ value: string }>;
		expect(sendTypes.map((type) => type.value)).toEqual(['default', ...credentialTypes.map((type) => type.value)]);
		for (const { value } of credentialTypes) {
			sim.reset();
			const byDefault = await runNode({ type: 'jiazhiyuan', parameters: jzySend(), credentials: jiazhiyuanCredentials(sim, { smsType: value }) });
			const chosen = await runNode({ type: 'jiazhiyuan', parameters: jzySend({ smsType: value }), credentials: jiazhiyuanCredentials(sim, { smsType: value === '1' ? '2' : '1' }) });
			expect([byDefault.error, chosen.error]).toEqual([undefined, undefined]);
			expect(sim.jiazhiyuan.sent.map((sent) => sent.smsType)).toEqual([value, value]);
		}
	});

	test('content goes out as GBK, percent-encoded byte by byte, with the BASE64 password', async () => {
		const { items, error } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '13866194295, 15375427702', content: '短信测试' }),
			credentials: jiazhiyuanCredentials(sim),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			provider: 'jiazhiyuan',
			success: true,
			batchId: sim.jiazhiyuan.sent[0].batchId,
			batchIds: [sim.jiazhiyuan.sent[0].batchId],
			mobiles: { count: 2, list: ['13866194295', '15375427702'] },
			duplicatesRemoved: 0,
			repeatsSkipped: { count: 0, list: [] },
			segments: 1,
			smsType: '1',
			longSms: false,
		});
		const [request] = sim.requestsTo('jiazhiyuan:sendSMS');
		const wire = request.rawBody.toString('latin1');
		expect(wire).toContain('content=%B6%CC%D0%C5%B2%E2%CA%D4');
		expect(wire).toContain('mobile=13866194295%2C15375427702');
		expect(wire).toContain('method=sendSMS');
		expect(wire).toContain('smstype=1');
		expect(request.form.username).toBe('jzy-demo');
		expect(Buffer.from(request.form.password, 'base64').toString()).toBe('Jzy2026pass');
		expect(wire).not.toContain('Jzy2026pass');
		expect(String(request.headers['content-type'])).toContain('application/x-www-form-urlencoded');
		expect(sim.jiazhiyuan.sent[0].content).toBe('短信测试');
		expect(sim.jiazhiyuan.sent[0].contentBytes.toString('hex').toUpperCase()).toBe('B6CCD0C5B2E2CAD4');
	});

	test('a 50,000-number send goes out as 3 calls of at most 20,000, content correctly encoded on each', async () => {
		sim.jiazhiyuan.autoReports = false;
		sim.jiazhiyuan.balances.gateSmsNum = 1_000_000;
		const list = numbers(50000);
		const { items, error } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.list }}', content: '【嘉之元】年终大促，全场五折！回TD退订' }),
			credentials: jiazhiyuanCredentials(sim),
			items: [{ json: { list } }],
		});
		expect(error).toBeUndefined();
		const calls = sim.requestsTo('jiazhiyuan:sendSMS');
		expect(calls).toHaveLength(3);
		const sizes = calls.map((call) => decodeGbkForm(call.rawBody.toString('latin1')).mobile.text.split(',').length);
		expect(sizes).toEqual([20000, 20000, 10000]);
		for (const call of calls) {
			expect(decodeGbkForm(call.rawBody.toString('latin1')).content.text).toBe('【嘉之元】年终大促，全场五折！回TD退订');
		}
		expect(sim.jiazhiyuan.sent.flatMap((batch) => batch.mobiles)).toEqual(list);
		expect(items).toHaveLength(1);
		expect(items[0].json.batchIds).toEqual(sim.jiazhiyuan.sent.map((batch) => batch.batchId));
		expect((items[0].json.mobiles as { count: number }).count).toBe(50000);
	});

	test('Combine Items: items with the same content share calls, each keeps its own numbers and pairing', async () => {
		const inputs = [
			{ list: numbers(3, 0), content: '【嘉之元】A' },
			{ list: numbers(2, 100), content: '【嘉之元】B' },
			{ list: numbers(4, 200), content: '【嘉之元】A' },
		];
		const { items, error } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.list }}', content: '={{ $json.content }}' }),
			credentials: jiazhiyuanCredentials(sim),
			items: inputs.map((json) => ({ json })),
		});
		expect(error).toBeUndefined();
		expect(sim.requestsTo('jiazhiyuan:sendSMS')).toHaveLength(2);
		const [batchA, batchB] = sim.jiazhiyuan.sent;
		expect(batchA.mobiles).toEqual([...inputs[0].list, ...inputs[2].list]);
		expect(batchB.mobiles).toEqual(inputs[1].list);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items.map((item) => item.json.batchId)).toEqual([batchA.batchId, batchB.batchId, batchA.batchId]);
		expect(items.map((item) => (item.json.mobiles as { list: string[] }).list)).toEqual(inputs.map((input) => input.list));
	});

	test('Combine Items packs many items into as few 20,000-number calls as possible', async () => {
		sim.jiazhiyuan.autoReports = false;
		sim.jiazhiyuan.balances.gateSmsNum = 1_000_000;
		const inputs = Array.from({ length: 5 }, (_, index) => ({ list: numbers(9000, index * 9000) }));
		const { items } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.list }}' }),
			credentials: jiazhiyuanCredentials(sim),
			items: inputs.map((json) => ({ json })),
		});
		// 45,000 numbers: 3 calls. Item 2 (numbers 18,000–26,999) spans calls 1 and 2, item 3
		// (27,000–35,999) is in call 2, item 4 (36,000–44,999) spans calls 2 and 3.
		expect(sim.requestsTo('jiazhiyuan:sendSMS')).toHaveLength(3);
		const ids = sim.jiazhiyuan.sent.map((batch) => batch.batchId);
		expect(items[2].json.batchIds).toEqual([ids[0], ids[1]]);
		expect(items[3].json.batchIds).toEqual([ids[1]]);
		expect(items[4].json.batchIds).toEqual([ids[1], ids[2]]);
	});

	test('without Combine Items every item has its own call', async () => {
		await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.m }}', options: { combineItems: false } }),
			credentials: jiazhiyuanCredentials(sim),
			items: [{ json: { m: '13800138000' } }, { json: { m: '13900139000' } }],
		});
		expect(sim.requestsTo('jiazhiyuan:sendSMS')).toHaveLength(2);
	});

	test('SMS type, long SMS and extension number reach the wire', async () => {
		const content = `【嘉之元】${'长'.repeat(80)}`;
		const { items } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ content, smsType: '2', options: { extenno: '123' } }),
			credentials: jiazhiyuanCredentials(sim),
		});
		expect(sim.jiazhiyuan.sent[0]).toMatchObject({ smsType: '2', isLongSms: '1', extenno: '123' });
		expect(items[0].json).toMatchObject({ smsType: '2', longSms: true, segments: 2 });
	});

	test('duplicates within an item are sent once', async () => {
		const { items } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '13800138000,13800138000,+8613800138000' }),
			credentials: jiazhiyuanCredentials(sim),
		});
		expect(sim.jiazhiyuan.sent[0].mobiles).toEqual(['13800138000']);
		expect(items[0].json.duplicatesRemoved).toBe(2);
	});
});

describe('one content goes to one number once per execution', () => {
	const A = '【嘉之元】A';
	/** How often each number reached the platform, over every sendSMS call. */
	function wireCounts(): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const call of sim.requestsTo('jiazhiyuan:sendSMS')) {
			for (const mobile of call.form.mobile.split(',')) counts[mobile] = (counts[mobile] ?? 0) + 1;
		}
		return counts;
	}
	const run = (inputs: Array<{ m: string; c: string }>, options: INodeParameters = {}) =>
		runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.m }}', content: '={{ $json.c }}', options }),
			credentials: jiazhiyuanCredentials(sim),
			items: inputs.map((json) => ({ json })),
		});
	const TWO_ITEMS = [
		{ m: '13800138000, 13900139000', c: A },
		{ m: '+86 138 0013 8000, 13700137000', c: A },
	];

	test.each([
		['on', {}],
		['off', { combineItems: false }],
	])('Combine Items %s: the later item leaves the number out and names the item that sends it', async (_name, options) => {
		const { items, error } = await run(TWO_ITEMS, options);
		expect(error).toBeUndefined();
		expect(wireCounts()).toEqual({ '13800138000': 1, '13900139000': 1, '13700137000': 1 });
		expect(items[0].json).toMatchObject({ mobiles: { count: 2, list: ['13800138000', '13900139000'] }, repeatsSkipped: { count: 0, list: [] } });
		expect(items[1].json).toMatchObject({
			success: true,
			mobiles: { count: 1, list: ['13700137000'] },
			repeatsSkipped: { count: 1, list: [{ mobile: '13800138000', item: 0 }] },
		});
	});

	test('an item whose numbers all go out with earlier items sends nothing', async () => {
		const { items } = await run([{ m: '13800138000', c: A }, { m: '13800138000', c: A }], { combineItems: false });
		expect(sim.requestsTo('jiazhiyuan:sendSMS')).toHaveLength(1);
		expect(items[1].json).toMatchObject({ success: true, batchId: null, batchIds: [], mobiles: { count: 0, list: [] }, repeatsSkipped: { count: 1 } });
	});

	test('another content to the same number is sent', async () => {
		await run([{ m: '13800138000', c: A }, { m: '13800138000', c: '【嘉之元】B' }]);
		expect(wireCounts()).toEqual({ '13800138000': 2 });
	});

	test('an invalid item claims no number: the next item with it sends it (Continue On Fail)', async () => {
		const { items } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.m }}', content: '={{ $json.c }}' }),
			credentials: jiazhiyuanCredentials(sim),
			continueOnFail: true,
			items: [{ json: { m: '13800138000, 123', c: A } }, { json: { m: '13800138000', c: A } }],
		});
		expect(items[0].json.success).toBe(false);
		expect(items[1].json).toMatchObject({ success: true, mobiles: { list: ['13800138000'] }, repeatsSkipped: { count: 0 } });
		expect(wireCounts()).toEqual({ '13800138000': 1 });
	});

	test('Skip Repeated Numbers off sends repeats as the items hold them', async () => {
		const combined = await run(TWO_ITEMS, { skipRepeats: false });
		expect(combined.items[1].json).toMatchObject({ mobiles: { count: 2 }, repeatsSkipped: { count: 0, list: [] } });
		expect(wireCounts()).toEqual({ '13800138000': 2, '13900139000': 1, '13700137000': 1 });
	});
});
