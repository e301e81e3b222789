import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { onFakeClock } from '../helpers/fakeClock';
import { allText, runNode } from '../helpers/n8nHarness';
import { JIAZHIYUAN_SECRETS, jiazhiyuanCredentials } from '../helpers/jiazhiyuanFixtures';
import { mountControlRoutes } from '../simulator/control';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));
beforeAll(() => mountControlRoutes(sim));

function expectNoPassword(value: unknown): void {
	const text = allText(value);
	for (const secret of JIAZHIYUAN_SECRETS) expect(text).not.toContain(secret);
}

describe('Account: Get Balance', () => {
	test('the three balances as numbers', async () => {
		const { items, error } = await runNode({ type: 'jiazhiyuan', parameters: { resource: 'account', operation: 'getBalance' }, credentials: jiazhiyuanCredentials(sim) });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ provider: 'jiazhiyuan', success: true, memberSmsNum: 684, gateSmsNum: 49919, kaSmsNum: 49964, unit: 'messages' });
		expectNoPassword(items);
	});

	test('"too frequent" is a rate-limit error, not retried', async () => {
		sim.jiazhiyuan.balanceQueriesPerMinute = 0;
		const { error } = await runNode({ type: 'jiazhiyuan', parameters: { resource: 'account', operation: 'getBalance' }, credentials: jiazhiyuanCredentials(sim) });
		expect(error!.message).toMatch(/Queries too frequent .*查询频繁/);
		expect((error as unknown as { failure: { cause: string } }).failure.cause).toBe('rate-limited');
		expect(sim.requestsTo('jiazhiyuan:getRestMoney')).toHaveLength(1);
	});

	test('a lost answer is asked again 300 ms later (idempotent read)', async () => {
		sim.injectFault({ kind: 'http502', route: 'jiazhiyuan:getRestMoney' });
		const { result, waits } = await onFakeClock(
			async () => await runNode({ type: 'jiazhiyuan', parameters: { resource: 'account', operation: 'getBalance' }, credentials: jiazhiyuanCredentials(sim) }),
		);
		expect(result.items[0].json.gateSmsNum).toBe(49919);
		const [first, second] = sim.requestsTo('jiazhiyuan:getRestMoney');
		expect(sim.requestsTo('jiazhiyuan:getRestMoney')).toHaveLength(2);
		expect(waits).toEqual([300]);
		expect(second.at - first.at).toBe(300);
	});

	test('an answer that is neither a balance nor failure is unexpected', async () => {
		sim.injectFault({ kind: 'html', route: 'jiazhiyuan:getRestMoney', times: 3 });
		const { result, waits } = await onFakeClock(
			async () => await runNode({ type: 'jiazhiyuan', parameters: { resource: 'account', operation: 'getBalance' }, credentials: jiazhiyuanCredentials(sim) }),
		);
		const { error } = result;
		expect(waits).toEqual([300, 1000]);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toMatch(/Unexpected answer from jiazhiyuan \(HTTP 200\)/);
	});
});

describe('Timeout option', () => {
	// An expression or an imported workflow can pass values the editor would refuse: 1 ms
	// would fail every call, and more than 2^31 - 1 ms overflows Node's timer to 1 ms.
	test.each([
		['balance', 1, { resource: 'account', operation: 'getBalance' }],
		['balance', 3_000_000_000, { resource: 'account', operation: 'getBalance' }],
		['send', 1, { resource: 'sms', operation: 'send', mobiles: '13800138000', content: '【嘉之元】测试', smsType: 'default' }],
		['send', 3_000_000_000, { resource: 'sms', operation: 'send', mobiles: '13800138000', content: '【嘉之元】测试', smsType: 'default' }],
	] as const)('%s with a timeout of %d ms: kept within 1,000–300,000 ms, the call waits for a 50 ms answer', async (_name, timeout, parameters) => {
		sim.latencyMs = 50;
		const { items, error } = await runNode({ type: 'jiazhiyuan', parameters: { ...parameters, options: { timeout } }, credentials: jiazhiyuanCredentials(sim) });
		expect(error?.message).toBeUndefined();
		expect(items[0].json.success).toBe(true);
	});
});

describe('Account: Change Password', () => {
	const changePassword = { resource: 'account', operation: 'changePassword', newPassword: 'NewPass2027' };
	/** The old and new password of every updatePassword request, as the platform read them. */
	const attempts = () => sim.requestsTo('jiazhiyuan:updatePassword').map((request) => [request.form.password, request.form.newPassword]);

	test("the old password goes as the vendor document's example shows it (as written), the change is made", async () => {
		const { items, error } = await runNode({ type: 'jiazhiyuan', parameters: changePassword, credentials: jiazhiyuanCredentials(sim) });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			provider: 'jiazhiyuan',
			success: true,
			code: 1,
			message: expect.stringMatching(/Update the password in the Jiazhiyuan credential/),
			providerMessage: '修改密码成功',
			oldPasswordSentAs: 'plain',
		});
		expect(attempts()).toEqual([['Jzy2026pass', 'NewPass2027']]);
		// The node's choice of form is for the credential only: it never travels.
		expect(sim.requestsTo('jiazhiyuan:updatePassword')[0].rawBody.toString('latin1')).not.toMatch(/passwordForm/);
		expect(sim.jiazhiyuan.password).toBe('NewPass2027');
		expect(allText(items)).not.toContain('NewPass2027');
	});

	test('a platform that wants it BASE64-encoded refuses the first form (2); the second form changes it', async () => {
		sim.jiazhiyuan.oldPasswordForm = 'base64';
		const { items, error } = await runNode({ type: 'jiazhiyuan', parameters: changePassword, credentials: jiazhiyuanCredentials(sim) });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ success: true, code: 1, oldPasswordSentAs: 'base64' });
		expect(attempts()).toEqual([
			['Jzy2026pass', 'NewPass2027'],
			[Buffer.from('Jzy2026pass').toString('base64'), 'NewPass2027'],
		]);
		expect(sim.jiazhiyuan.password).toBe('NewPass2027');
	});

	test('refused in both forms: one error that says both were tried, nothing changed', async () => {
		const { error, items } = await runNode({ type: 'jiazhiyuan', parameters: changePassword, credentials: jiazhiyuanCredentials(sim, { password: 'NotCurrent1' }) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toBe('The platform refused the change with the old password sent both as written and BASE64-encoded (jiazhiyuan code 2: 修改密码失败)');
		expect(error!.description).toMatch(/^Both forms of the old password were tried: as written, .* then BASE64-encoded, .* The password was not changed/);
		expect(items).toEqual([]);
		expect(attempts()).toHaveLength(2);
		expect(sim.jiazhiyuan.password).toBe('Jzy2026pass');
		expect(allText(error)).not.toContain('NotCurrent1');
	});

	test.each(['plain', 'base64'] as const)("the simulator's control route sets the form it accepts: %s", async (form) => {
		const response = await fetch(`${sim.url}/__sim/jiazhiyuan/config`, { method: 'POST', body: JSON.stringify({ oldPasswordForm: form }) });
		expect(response.status).toBe(200);
		const { items } = await runNode({ type: 'jiazhiyuan', parameters: changePassword, credentials: jiazhiyuanCredentials(sim) });
		expect(items[0].json).toMatchObject({ success: true, oldPasswordSentAs: form });
		const refused = await fetch(`${sim.url}/__sim/jiazhiyuan/config`, { method: 'POST', body: JSON.stringify({ oldPasswordForm: 'md5' }) });
		expect(refused.status).toBe(400);
	});

	test.each(['ab1', 'lettersonly', '12345678', 'has space 1', '密码abc123'])('%p is refused before sending', async (newPassword) => {
		const { error } = await runNode({ type: 'jiazhiyuan', parameters: { resource: 'account', operation: 'changePassword', newPassword }, credentials: jiazhiyuanCredentials(sim) });
		if (newPassword === 'ab1') expect(error!.message).toMatch(/6 to 20/);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toContain('Item 0: New Password');
		expect(sim.requests).toHaveLength(0);
	});

	test.each([
		['2', /refused the change/],
		['3', /user does not exist/],
		['4', /Unknown error/],
	])('answer %s becomes a clear error', async (answer, message) => {
		const original = sim.jiazhiyuan.handle.bind(sim.jiazhiyuan);
		sim.jiazhiyuan.handle = (request) => {
			const result = original(request);
			return request.log.route === 'jiazhiyuan:updatePassword' ? { ...result, body: Buffer.from(answer) } : result;
		};
		try {
			const { error } = await runNode({ type: 'jiazhiyuan', parameters: { resource: 'account', operation: 'changePassword', newPassword: 'NewPass2027' }, credentials: jiazhiyuanCredentials(sim) });
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error!.message).toMatch(message);
			// The platform's answer is its own code; the HTTP status n8n shows is the real one.
			expect((error as NodeApiError).httpCode).toBe('200');
			expect((error as NodeApiError).context).toMatchObject({ code: answer, httpStatus: 200 });
		} finally {
			sim.jiazhiyuan.handle = original;
		}
	});
});

describe('Report: Get Delivery Reports / Get Replies', () => {
	test('reports of a send come back once each, in the shared receipt shape', async () => {
		await runNode({ type: 'jiazhiyuan', parameters: { resource: 'sms', operation: 'send', mobiles: '13800138000,13900139000', content: '【嘉之元】测试', smsType: 'default' }, credentials: jiazhiyuanCredentials(sim) });
		const batchId = sim.jiazhiyuan.sent[0].batchId;
		const first = await runNode({ type: 'jiazhiyuan', parameters: { resource: 'report', operation: 'getDeliveryReports' }, credentials: jiazhiyuanCredentials(sim) });
		expect(first.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ provider: 'jiazhiyuan', event: 'deliveryReceipt', messageId: batchId, mobile: '13800138000', status: 'delivered', code: '1', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/) }),
			expect.objectContaining({ messageId: batchId, mobile: '13900139000', status: 'delivered' }),
		]);
		expect(first.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const second = await runNode({ type: 'jiazhiyuan', parameters: { resource: 'report', operation: 'getDeliveryReports' }, credentials: jiazhiyuanCredentials(sim) });
		expect(second.items).toEqual([]);
		expect(second.error).toBeUndefined();
	});

	test('failed and unknown statuses keep the raw value', async () => {
		sim.jiazhiyuan.queueReports([
			{ mobile: '13800138000', smslogid: '66', status: '0', sendtime: '2012-08-16 01:05:39.0' },
			{ mobile: '13800138001', smslogid: '66', status: '2', sendtime: '2012-08-16 01:05:40.0' },
		]);
		const { items } = await runNode({ type: 'jiazhiyuan', parameters: { resource: 'report', operation: 'getDeliveryReports' }, credentials: jiazhiyuanCredentials(sim) });
		expect(items.map((item) => [item.json.status, item.json.code, item.json.time])).toEqual([
			['failed', '0', '2012-08-16T01:05:39+08:00'],
			['unknown', '2', '2012-08-16T01:05:40+08:00'],
		]);
	});

	test('replies are decoded from BASE64 GBK, junk around the XML tolerated', async () => {
		sim.jiazhiyuan.xmlJunk = { before: '\r\n  ', after: '\r\n<!-- served by UserServiceAPI -->\r\n' };
		sim.jiazhiyuan.queueReplies([
			{ mobile: '15256560065', receiver: 'admin', content: '你谁啊?', sendtime: '2012-06-18 14:56:00.0' },
			{ mobile: '13866194285', receiver: '123', content: 'TD 退订', sendtime: '2012-06-15 21:43:25.0' },
		]);
		const { items, error } = await runNode({ type: 'jiazhiyuan', parameters: { resource: 'report', operation: 'getReplies' }, credentials: jiazhiyuanCredentials(sim) });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.event, item.json.mobile, item.json.receiver, item.json.content, item.json.unsubscribe])).toEqual([
			['reply', '15256560065', 'admin', '你谁啊?', false],
			// Two keywords are a longer text, not one opt-out answer.
			['reply', '13866194285', '123', 'TD 退订', false],
		]);
		expect(items[0].json.raw).toMatchObject({ content: 'xOPLrbChPw==' });
	});

	test('replies carry unsubscribe: opt-out answers true, longer texts false; reports do not carry it', async () => {
		const contents = ['T', 'Td', ' td。', '【退订】', 'ＴＤ', '取消！', '退', 'r', '我不想退订', 'Tomorrow', 'TDK', 'STOP'];
		sim.jiazhiyuan.queueReplies(contents.map((content) => ({ mobile: '13800138000', receiver: '123', content, sendtime: '2024-05-01 10:00:01.0' })));
		sim.jiazhiyuan.queueReports([{ mobile: '13800138000', smslogid: '66', status: '1', sendtime: '2024-05-01 10:00:00.0' }]);
		const replies = await runNode({ type: 'jiazhiyuan', parameters: { resource: 'report', operation: 'getReplies' }, credentials: jiazhiyuanCredentials(sim) });
		expect(replies.error).toBeUndefined();
		expect(replies.items.map((item) => [item.json.content, item.json.unsubscribe])).toEqual(contents.map((content, index) => [content, index < 8]));
		const reports = await runNode({ type: 'jiazhiyuan', parameters: { resource: 'report', operation: 'getDeliveryReports' }, credentials: jiazhiyuanCredentials(sim) });
		expect(reports.items).toHaveLength(1);
		expect(reports.items[0].json).not.toHaveProperty('unsubscribe');
	});

	test('Options → Unsubscribe Keywords adds the user\'s own, normalised like the built-in ones, next to the timeout', async () => {
		const contents = ['STOP', 'ｓｔｏｐ。', '不要再发', 'STOP NOW', 'TD'];
		sim.jiazhiyuan.queueReplies(contents.map((content) => ({ mobile: '13800138000', receiver: '123', content, sendtime: '2024-05-01 10:00:01.0' })));
		const { items, error } = await runNode({
			type: 'jiazhiyuan',
			parameters: { resource: 'report', operation: 'getReplies', options: { timeout: 20000, unsubscribeKeywords: 'Stop, 不要再发' } },
			credentials: jiazhiyuanCredentials(sim),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.unsubscribe)).toEqual([true, true, true, false, true]);
	});

	test('a failure answer is an error; an unreadable one is unexpected', async () => {
		const wrong = await runNode({ type: 'jiazhiyuan', parameters: { resource: 'report', operation: 'getReplies' }, credentials: jiazhiyuanCredentials(sim, { password: 'nope' }) });
		expect(wrong.error!.message).toMatch(/用户名密码错误/);
		sim.injectFault({ kind: 'http502', route: 'jiazhiyuan:getSmsReport' });
		const broken = await runNode({ type: 'jiazhiyuan', parameters: { resource: 'report', operation: 'getDeliveryReports' }, credentials: jiazhiyuanCredentials(sim) });
		expect(broken.error!.message).toMatch(/HTTP 502/);
		// Reports are handed out once: a lost answer is never asked for again automatically.
		expect(sim.requestsTo('jiazhiyuan:getSmsReport')).toHaveLength(1);
	});
});
