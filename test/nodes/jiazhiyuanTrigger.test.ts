import { JiazhiyuanTrigger } from '../../nodes/JiazhiyuanTrigger/JiazhiyuanTrigger.node';
import { allText } from '../helpers/n8nHarness';
import { JIAZHIYUAN_SECRETS, jiazhiyuanCredentials, numbers } from '../helpers/jiazhiyuanFixtures';
import { createPoller } from '../helpers/pollHarness';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

const trigger = new JiazhiyuanTrigger();
let sim: Simulator;
useSimulator((started) => (sim = started));

function reports(count: number, offset = 0) {
	return numbers(count, offset).map((mobile, index) => ({ mobile, smslogid: String(5000 + Math.floor((index + offset) / 100)), status: (index % 10 === 0 ? '0' : '1') as '0' | '1', sendtime: '2024-05-01 10:00:00.0' }));
}

describe('Jiazhiyuan Trigger', () => {
	test('two polls over a queue of 1,000 reports emit each report exactly once', async () => {
		sim.jiazhiyuan.recordsPerQuery = 600;
		const queued = reports(1000);
		sim.jiazhiyuan.queueReports(queued);
		const poller = createPoller(trigger, { events: ['deliveryReports'] }, jiazhiyuanCredentials(sim));
		const first = await poller.poll();
		const second = await poller.poll();
		const third = await poller.poll();
		expect(first![0]).toHaveLength(600);
		expect(second![0]).toHaveLength(400);
		expect(third).toBeNull();
		const emitted = [...first![0], ...second![0]].map((item) => item.json.mobile);
		expect(emitted).toEqual(queued.map((report) => report.mobile));
		expect(new Set(emitted).size).toBe(1000);
		expect(first![0][0].json).toMatchObject({ provider: 'jiazhiyuan', event: 'deliveryReceipt', status: 'failed', code: '0', time: '2024-05-01T10:00:00+08:00' });
	});

	test('nothing new → null; reports and replies together', async () => {
		const poller = createPoller(trigger, { events: ['deliveryReports', 'replies'] }, jiazhiyuanCredentials(sim));
		expect(await poller.poll()).toBeNull();
		sim.jiazhiyuan.queueReports(reports(2));
		sim.jiazhiyuan.queueReplies([{ mobile: '13800138000', receiver: '123', content: 'TD', sendtime: '2024-05-01 10:00:01.0' }]);
		const items = (await poller.poll())![0];
		expect(items.map((item) => item.json.event)).toEqual(['deliveryReceipt', 'deliveryReceipt', 'reply']);
		expect(items[2].json).toMatchObject({ content: 'TD', unsubscribe: true, receiver: '123' });
		expect(items[0].json).not.toHaveProperty('unsubscribe');
	});

	test('replies carry unsubscribe: the opt-out answers are true, longer texts false, custom keywords added', async () => {
		const contents = ['td', ' 退订。', '【取消】', 'ＴＤ', 'N!', '我不想退订', 'TDK', 'Tomorrow', 'STOP', '不要再发了'];
		sim.jiazhiyuan.queueReplies(contents.map((content, index) => ({ mobile: `1380013${String(index).padStart(4, '0')}`, receiver: '123', content, sendtime: '2024-05-01 10:00:01.0' })));
		sim.jiazhiyuan.queueReports(reports(1));
		const poller = createPoller(trigger, { events: ['deliveryReports', 'replies'], options: { unsubscribeKeywords: 'stop，不要再发了' } }, jiazhiyuanCredentials(sim));
		const items = (await poller.poll())![0].map((item) => item.json);
		expect(items[0]).toMatchObject({ event: 'deliveryReceipt' });
		expect(items[0]).not.toHaveProperty('unsubscribe');
		expect(items.slice(1).map((item) => [item.content, item.unsubscribe])).toEqual([
			['td', true],
			[' 退订。', true],
			['【取消】', true],
			['ＴＤ', true],
			['N!', true],
			['我不想退订', false],
			['TDK', false],
			['Tomorrow', false],
			['STOP', true],
			['不要再发了', true],
		]);
	});

	test('a record handed out again is not emitted twice', async () => {
		const poller = createPoller(trigger, { events: ['deliveryReports'] }, jiazhiyuanCredentials(sim));
		sim.jiazhiyuan.queueReports(reports(3));
		expect((await poller.poll())![0]).toHaveLength(3);
		sim.jiazhiyuan.queueReports([...reports(3), ...reports(1, 3)]);
		const again = await poller.poll();
		expect(again![0].map((item) => item.json.mobile)).toEqual([reports(1, 3)[0].mobile]);
	});

	test('the memory of emitted records holds hashes, no phone number and no reply text', async () => {
		const poller = createPoller(trigger, { events: ['deliveryReports', 'replies'] }, jiazhiyuanCredentials(sim));
		sim.jiazhiyuan.queueReports(reports(3));
		sim.jiazhiyuan.queueReplies([{ mobile: '13800138000', receiver: '123', content: '请退订我的号码', sendtime: '2024-05-01 10:00:01.0' }]);
		expect((await poller.poll())![0]).toHaveLength(4);
		const stored = JSON.stringify(poller.staticData());
		for (const text of [...reports(3).map((report) => report.mobile), '13800138000', '请退订我的号码', '5000']) expect(stored).not.toContain(text);
		expect(poller.staticData().recentKeys).toEqual([expect.stringMatching(/^[\w-]{12}$/), expect.anything(), expect.anything(), expect.anything()]);
		// Hashes still recognise a record handed out again.
		sim.jiazhiyuan.queueReplies([{ mobile: '13800138000', receiver: '123', content: '请退订我的号码', sendtime: '2024-05-01 10:00:01.0' }]);
		expect(await poller.poll()).toBeNull();
	});

	test('plain keys stored by earlier versions are still recognised, and replaced by hashes at the next poll', async () => {
		sim.jiazhiyuan.queueReports(reports(2));
		const emitted = (await createPoller(trigger, { events: ['deliveryReports'] }, jiazhiyuanCredentials(sim)).poll())![0].map((item) => item.json);
		// The static data an earlier version left: each key in plain text, fields joined by "|".
		const plainKeys = emitted.map((record) => [record.event, record.messageId, record.mobile, record.code ?? '', record.time ?? '', record.content ?? '', record.receiver ?? ''].join('|'));
		expect(plainKeys[0]).toBe(`deliveryReceipt|5000|${reports(1)[0].mobile}|0|2024-05-01T10:00:00+08:00||`);
		const upgraded = createPoller(trigger, { events: ['deliveryReports'] }, jiazhiyuanCredentials(sim));
		upgraded.staticData().recentKeys = [...plainKeys];
		sim.jiazhiyuan.queueReports([...reports(2), ...reports(1, 2)]);
		const items = (await upgraded.poll())![0];
		expect(items.map((item) => item.json.mobile)).toEqual([reports(1, 2)[0].mobile]);
		const stored = upgraded.staticData().recentKeys as string[];
		expect(stored).toHaveLength(3);
		expect(JSON.stringify(stored)).not.toMatch(/\||135\d{8}/);
	});

	test('20,000 remembered records take 300,001 bytes of static data', async () => {
		sim.jiazhiyuan.recordsPerQuery = 25000;
		const queued = reports(20500);
		sim.jiazhiyuan.queueReports(queued);
		const poller = createPoller(trigger, { events: ['deliveryReports'] }, jiazhiyuanCredentials(sim));
		expect((await poller.poll())![0]).toHaveLength(20500);
		const stored = poller.staticData().recentKeys as string[];
		// Bounded: the oldest 500 went first; 12 characters, quotes and a comma each.
		expect(stored).toHaveLength(20000);
		expect(Buffer.byteLength(JSON.stringify(stored))).toBe(300001);
		sim.jiazhiyuan.queueReports([queued[0], queued[20499]]);
		expect((await poller.poll())![0].map((item) => item.json.mobile)).toEqual([queued[0].mobile]);
	});

	test('what was fetched reaches the workflow even when one record cannot be read', async () => {
		const original = sim.jiazhiyuan.handle.bind(sim.jiazhiyuan);
		sim.jiazhiyuan.handle = (request) => {
			const answer = original(request);
			if (request.log.route !== 'jiazhiyuan:getSmsReport') return answer;
			const text = answer.body.toString('latin1').replace('<mobile>13500000001</mobile>', '<mobile>135<broken</mobile>');
			return { ...answer, body: Buffer.from(text, 'latin1') };
		};
		try {
			sim.jiazhiyuan.queueReports(reports(3));
			const items = (await createPoller(trigger, { events: ['deliveryReports'] }, jiazhiyuanCredentials(sim)).poll())![0];
			expect(items).toHaveLength(3);
			expect(items[0].json.mobile).toBe('13500000000');
			expect(items[1].json.problem).toMatch(/could not be read/);
			expect(items[2].json.mobile).toBe('13500000002');
		} finally {
			sim.jiazhiyuan.handle = original;
		}
	});

	test('when the reply query fails, the fetched reports still go out', async () => {
		sim.jiazhiyuan.queueReports(reports(2));
		sim.injectFault({ kind: 'http502', route: 'jiazhiyuan:getRecvSMS' });
		const items = (await createPoller(trigger, { events: ['deliveryReports', 'replies'] }, jiazhiyuanCredentials(sim)).poll())![0];
		expect(items).toHaveLength(2);
	});

	test('when every query fails, the poll fails with the reason and no password', async () => {
		const poller = createPoller(trigger, { events: ['deliveryReports'] }, jiazhiyuanCredentials(sim, { password: 'wrong-one' }));
		const error = await poller.poll().catch((caught: unknown) => caught);
		expect((error as Error).message).toMatch(/用户名密码错误/);
		const text = allText(error);
		for (const secret of [...JIAZHIYUAN_SECRETS, 'wrong-one']) expect(text).not.toContain(secret);
	});

	test('failed reports only', async () => {
		sim.jiazhiyuan.queueReports(reports(20));
		const items = (await createPoller(trigger, { events: ['deliveryReports'], failedOnly: true }, jiazhiyuanCredentials(sim)).poll())![0];
		expect(items.map((item) => item.json.status)).toEqual(['failed', 'failed']);
	});

	test('a test click shows marked samples per source, consumes nothing and writes no static data', async () => {
		sim.jiazhiyuan.queueReports(reports(5));
		sim.jiazhiyuan.queueReplies([{ mobile: '13800138000', receiver: '123', content: 'TD', sendtime: '2024-05-01 10:00:01.0' }]);
		const poller = createPoller(trigger, { events: ['deliveryReports', 'replies'] }, jiazhiyuanCredentials(sim));
		const items = (await poller.poll('manual'))![0].map((item) => item.json);
		expect(sim.requests).toHaveLength(0);
		expect(poller.staticData()).toEqual({});
		expect(items.map((item) => item.event)).toEqual(['deliveryReceipt', 'deliveryReceipt', 'reply']);
		for (const item of items) expect(item).toMatchObject({ provider: 'jiazhiyuan', sample: true, sampleNote: expect.stringMatching(/hands out each report and reply once/) });
		expect(items[2]).toMatchObject({ content: '退订', unsubscribe: true, time: '2024-05-01T10:05:00+08:00' });
		expect(items[0]).not.toHaveProperty('unsubscribe');
		// What was queued still reaches the active workflow's first poll, all of it.
		const production = (await poller.poll())![0];
		expect(production.map((item) => item.json.mobile)).toEqual([...reports(5).map((report) => report.mobile), '13800138000']);
		expect(production.every((item) => item.json.sample === undefined)).toBe(true);
	});

	test('samples follow the source selection and Failed Reports Only', async () => {
		const replies = (await createPoller(trigger, { events: ['replies'] }, jiazhiyuanCredentials(sim)).poll('manual'))![0];
		expect(replies.map((item) => item.json.event)).toEqual(['reply']);
		const failed = (await createPoller(trigger, { events: ['deliveryReports'], failedOnly: true }, jiazhiyuanCredentials(sim)).poll('manual'))![0];
		expect(failed.map((item) => item.json.status)).toEqual(['failed']);
		expect(sim.requests).toHaveLength(0);
	});

	test('with Fetch Real Records When Testing, manual mode fetches for real, once', async () => {
		sim.jiazhiyuan.queueReports(reports(5));
		const items = (await createPoller(trigger, { events: ['deliveryReports'], fetchInTest: true }, jiazhiyuanCredentials(sim)).poll('manual'))![0];
		expect(items).toHaveLength(5);
		expect(items[0].json.sample).toBeUndefined();
		expect(sim.requestsTo('jiazhiyuan:getSmsReport')).toHaveLength(1);
	});
});
