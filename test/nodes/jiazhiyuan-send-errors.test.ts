/** Jiazhiyuan SMS → Send: what is refused before any request, and the provider's refusals. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { allText, runNode } from '../helpers/n8nHarness';
import { JIAZHIYUAN_SECRETS, jiazhiyuanCredentials, jzySend, numbers } from '../helpers/jiazhiyuanFixtures';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

function expectNoPassword(value: unknown): void {
	const text = allText(value);
	for (const secret of JIAZHIYUAN_SECRETS) expect(text).not.toContain(secret);
}

describe('Jiazhiyuan validation before any request', () => {
	const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
		['empty content', { content: '={{ $json.none }}' }, 'Content', /is empty/],
		['emoji', { content: '【嘉之元】你好😀' }, 'Content', /"😀" \(U\+1F600\) at character 8, which GBK cannot encode/],
		['Korean', { content: '안녕' }, 'Content', /"안".*GBK cannot encode/],
		['bad numbers listed', { mobiles: '13800138000, 123, abc, 2380013800' }, 'Mobiles', /3 invalid number\(s\): "123", "abc", "2380013800"/],
		['empty number list', { mobiles: '={{ [] }}' }, 'Mobiles', /is empty/],
		['numbers as an object', { mobiles: '={{ { a: 1 } }}' }, 'Mobiles', /an object/],
		['bad extension number', { options: { extenno: '12a' } }, 'Extension Number', /not 1 to 12 digits/],
		['lone surrogate', { content: '={{ "ab\\udc00" }}' }, 'Content', /broken character/],
	];
	test.each(cases)('%s', async (_name, extra, field, reason) => {
		const { error } = await runNode({ type: 'jiazhiyuan', parameters: jzySend(extra as never), credentials: jiazhiyuanCredentials(sim) });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toContain(`Item 0: ${field}`);
		expect(error!.message).toMatch(reason);
		expect(sim.requests).toHaveLength(0);
	});

	test('more than ten bad numbers: ten shown and a count', async () => {
		const { error } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: Array.from({ length: 15 }, (_, i) => `bad${i}`).join(',') }),
			credentials: jiazhiyuanCredentials(sim),
		});
		expect(error!.message).toMatch(/15 invalid number\(s\): .*"bad9" and 5 more/);
	});

	test('with Combine Items and Continue On Fail, one invalid item does not sink the others', async () => {
		const { items, error } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.m }}' }),
			credentials: jiazhiyuanCredentials(sim),
			continueOnFail: true,
			items: [{ json: { m: '13800138000' } }, { json: { m: 'nope' } }, { json: { m: '13900139000' } }],
		});
		expect(error).toBeUndefined();
		expect(items[1].json).toMatchObject({ success: false, error: { message: expect.stringContaining('Item 1: Mobiles') } });
		expect(items[0].json.success).toBe(true);
		expect(items[2].json.success).toBe(true);
		expect(sim.jiazhiyuan.sent).toHaveLength(1);
		expect(sim.jiazhiyuan.sent[0].mobiles).toEqual(['13800138000', '13900139000']);
	});

	test('without Continue On Fail, one invalid item stops everything before any request', async () => {
		const { error } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.m }}' }),
			credentials: jiazhiyuanCredentials(sim),
			items: [{ json: { m: '13800138000' } }, { json: { m: 'nope' } }],
		});
		expect(error!.message).toContain('Item 1: Mobiles');
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Jiazhiyuan provider errors', () => {
	test('wrong password: the provider text, an explanation, no password anywhere', async () => {
		const { error } = await runNode({ type: 'jiazhiyuan', parameters: jzySend(), credentials: jiazhiyuanCredentials(sim, { password: 'wrong-one' }) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toBe('Wrong username or password (jiazhiyuan code failure: 用户名密码错误!)');
		expect((error as unknown as { failure: { cause: string } }).failure.cause).toBe('credential-invalid');
		expectNoPassword(error);
		expect(allText(error)).not.toContain('wrong-one');
	});

	test('n8n is given the real HTTP status (200), not "failure"; the provider code has its own field', async () => {
		const { error, items } = await runNode({ type: 'jiazhiyuan', parameters: jzySend(), credentials: jiazhiyuanCredentials(sim, { password: 'wrong-one' }) });
		expect((error as NodeApiError).httpCode).toBe('200');
		expect((error as NodeApiError).context).toMatchObject({ code: 'failure', httpStatus: 200 });
		expect(items).toEqual([]);
		const onFail = await runNode({ type: 'jiazhiyuan', parameters: jzySend(), credentials: jiazhiyuanCredentials(sim, { password: 'wrong-one' }), continueOnFail: true });
		expect(onFail.items[0].json.error).toMatchObject({ code: 'failure', providerMessage: '用户名密码错误!', httpStatus: 200 });
	});

	test('no balance', async () => {
		sim.jiazhiyuan.balances.gateSmsNum = 0;
		const { error } = await runNode({ type: 'jiazhiyuan', parameters: jzySend(), credentials: jiazhiyuanCredentials(sim) });
		expect(error!.message).toMatch(/Not enough balance .*余额不足/);
	});

	test.each(['html', 'http502', 'empty', 'truncated'] as const)('%s → unexpected answer, sent once', async (kind) => {
		sim.injectFault({ kind, route: 'jiazhiyuan:sendSMS' });
		const { error } = await runNode({ type: 'jiazhiyuan', parameters: jzySend(), credentials: jiazhiyuanCredentials(sim) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toMatch(/Unexpected answer from jiazhiyuan|batch id/);
		expect(sim.requestsTo('jiazhiyuan:sendSMS')).toHaveLength(1);
		expectNoPassword(error);
	});

	test('a failing call among several: earlier calls are named, nothing is retried', async () => {
		sim.jiazhiyuan.autoReports = false;
		sim.jiazhiyuan.balances.gateSmsNum = 25000;
		const { error } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.list }}' }),
			credentials: jiazhiyuanCredentials(sim),
			items: [{ json: { list: numbers(30000) } }],
		});
		expect(error!.message).toMatch(/余额不足/);
		expect(error!.description).toMatch(/1 call\(s\) were already sent before this failure \(batch ids 337017332\)/);
		expect(sim.requestsTo('jiazhiyuan:sendSMS')).toHaveLength(2);
	});

	test('Continue On Fail: each item of a failed call gets the error', async () => {
		sim.jiazhiyuan.balances.gateSmsNum = 1;
		const { items } = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ mobiles: '={{ $json.m }}', content: '={{ $json.c }}' }),
			credentials: jiazhiyuanCredentials(sim),
			continueOnFail: true,
			items: [{ json: { m: '13800138000', c: '【A】1' } }, { json: { m: '13900139000,13700137000', c: '【B】2' } }],
		});
		expect(items[0].json.success).toBe(true);
		expect(items[1].json).toMatchObject({ success: false, error: { providerMessage: '余额不足' } });
		expectNoPassword(items);
	});
});
