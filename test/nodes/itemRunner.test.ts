import { runNode } from '../helpers/n8nHarness';
import { jiazhiyuanCredentials, jzySend, numbers } from '../helpers/jiazhiyuanFixtures';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

/**
 * Guarantees of the one item runner (nodes/common/runner/runOperation.ts) that only the operations
 * with calls of their own used to give: the Jiazhiyuan send's combined calls and the
 * report queries.
 */
let sim: Simulator;
useSimulator((started) => (sim = started));
beforeEach(() => {
	sim.jiazhiyuan.autoReports = false;
});

const oneNumberEach = (count: number) => numbers(count).map((m) => ({ json: { m } }));
const separateCalls = jzySend({ mobiles: '={{ $json.m }}', options: { combineItems: false } });

describe('Jiazhiyuan Send through the runner', () => {
	test('a failed call stops the calls after it, and the note names the batch that went out', async () => {
		sim.jiazhiyuan.balances.gateSmsNum = 1;
		const { error, items } = await runNode({ type: 'jiazhiyuan', parameters: separateCalls, credentials: jiazhiyuanCredentials(sim), items: oneNumberEach(3) });
		expect(items).toEqual([]);
		expect(error!.message).toMatch(/余额不足/);
		expect(error!.description).toContain(`1 call(s) were already sent before this failure (batch ids ${sim.jiazhiyuan.sent[0].batchId}).`);
		expect(error!.description).toContain('turn on "Continue On Fail"');
		expect(sim.requestsTo('jiazhiyuan:sendSMS')).toHaveLength(2);
	});

	test('more than ten calls sent before the failure: ten batch ids and a count', async () => {
		sim.jiazhiyuan.balances.gateSmsNum = 11;
		const { error } = await runNode({ type: 'jiazhiyuan', parameters: separateCalls, credentials: jiazhiyuanCredentials(sim), items: oneNumberEach(12) });
		const ids = sim.jiazhiyuan.sent.map((batch) => batch.batchId);
		expect(ids).toHaveLength(11);
		expect(error!.description).toContain(`11 call(s) were already sent before this failure (batch ids ${ids.slice(0, 10).join(', ')} and 1 more).`);
	});

	test('Continue On Fail: later calls still go out, an item split over calls keeps what went out, every item is paired', async () => {
		sim.jiazhiyuan.balances.gateSmsNum = 25000;
		const { error, items } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.list }}', content: '={{ $json.c }}' }),
			credentials: jiazhiyuanCredentials(sim),
			continueOnFail: true,
			items: [{ json: { list: numbers(30000), c: '【A】一' } }, { json: { list: ['13800138000'], c: '【B】二' } }],
		});
		expect(error).toBeUndefined();
		const [first, last] = sim.jiazhiyuan.sent.map((batch) => batch.batchId);
		expect(sim.requestsTo('jiazhiyuan:sendSMS')).toHaveLength(3);
		expect(items[0].json).toMatchObject({ success: false, error: { providerMessage: '余额不足' }, partlySentBatchIds: [first] });
		expect(items[1].json).toMatchObject({ success: true, batchIds: [last] });
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
	test('Continue On Fail: an item whose calls fail one after another shows the first failure', async () => {
		// Three calls of one item: the first gets an HTTP 502, the next two "no balance".
		sim.jiazhiyuan.balances.gateSmsNum = 1000;
		sim.injectFault({ kind: 'http502', route: 'jiazhiyuan:sendSMS' });
		const { error, items } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.list }}' }),
			credentials: jiazhiyuanCredentials(sim),
			continueOnFail: true,
			items: [{ json: { list: numbers(45000) } }],
		});
		expect(error).toBeUndefined();
		expect(sim.requestsTo('jiazhiyuan:sendSMS')).toHaveLength(3);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ success: false, error: { httpStatus: 502 } });
		expect(JSON.stringify(items[0].json)).not.toContain('余额不足');
		expect(items[0].json).not.toHaveProperty('partlySentBatchIds');
	});
});

describe('Jiazhiyuan reports through the runner', () => {
	test('Continue On Fail: a failed query is an error item of its own item, the next item still queries', async () => {
		sim.injectFault({ kind: 'http502', route: 'jiazhiyuan:getRecvSMS' });
		// The failed answer takes the first reply with it (handed out once); the second is the next item's.
		sim.jiazhiyuan.recordsPerQuery = 1;
		const reply = { receiver: '106', content: 'TD', sendtime: '2024-05-01 10:00:00' };
		sim.jiazhiyuan.queueReplies([{ ...reply, mobile: '13900139000' }, { ...reply, mobile: '13800138000' }]);
		const { error, items } = await runNode({
			type: 'jiazhiyuan',
			parameters: { resource: 'report', operation: 'getReplies' },
			credentials: jiazhiyuanCredentials(sim),
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
		});
		expect(error).toBeUndefined();
		expect(sim.requestsTo('jiazhiyuan:getRecvSMS')).toHaveLength(2);
		expect(items[0]).toMatchObject({ json: { success: false, error: { message: expect.stringMatching(/HTTP 502/) } }, pairedItem: { item: 0 } });
		expect(items.slice(1)).toEqual([expect.objectContaining({ json: expect.objectContaining({ event: 'reply', mobile: '13800138000' }), pairedItem: { item: 1 } })]);
	});
});

describe('router', () => {
	test.each([
		['jiazhiyuan', { resource: 'report', operation: 'send' }],
		['ihuyi', { resource: 'sms', operation: 'toString' }],
	])('%s: an operation its resource does not have is refused', async (type, parameters) => {
		const { error, items } = await runNode({ type, parameters });
		expect(items).toEqual([]);
		expect(error!.message).toBe(`The operation "${parameters.operation}" of "${parameters.resource}" is not supported`);
	});
});
