import { NodeApiError } from 'n8n-workflow';

import { onFakeClock } from '../helpers/fakeClock';
import { allText, runNode } from '../helpers/n8nHarness';
import { ALL_IHUYI_KEYS, ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

function expectNoKey(value: unknown): void {
	const text = allText(value);
	for (const key of ALL_IHUYI_KEYS) expect(text).not.toContain(key);
}

describe('ihuyi provider errors become NodeApiErrors with code, Chinese text, explanation and hint', () => {
	const cases: Array<[string, () => void, Parameters<typeof ihuyiCredentials>[1], string, RegExp, string | undefined]> = [
		['wrong API ID (405)', () => undefined, { sms: { apiId: 'C00000000' } }, '405', /Wrong API ID or API key/, 'credential-invalid'],
		['wrong key with dynamic signing (40502)', () => undefined, { sms: { apiKey: 'not-the-key' } }, '40502', /dynamic password does not match/, 'credential-invalid'],
		['frozen account (4050)', () => (sim.ihuyi.accounts.sms.frozen = true), {}, '4050', /frozen/, 'credential-invalid'],
		['IP not bound (4052)', () => (sim.ihuyi.accounts.sms.boundIps = ['203.0.113.7']), {}, '4052', /not bound/, 'configuration-invalid'],
		['illegal IP (400)', () => (sim.ihuyi.refuseAllIps = true), {}, '400', /not allowed/, 'configuration-invalid'],
		['clock off by 10 minutes (40501)', () => (sim.ihuyi.clockSkewS = 600), {}, '40501', /expired/, 'credential-invalid'],
		['no balance (4051)', () => (sim.ihuyi.accounts.sms.balance = 0), {}, '4051', /Not enough balance/, 'quota-exhausted'],
		['blacklisted number (4030)', () => sim.ihuyi.blacklist.add('13800138000'), {}, '4030', /blacklist/, undefined],
		['template mismatch (4072)', () => (sim.ihuyi.strictTemplates = true), {}, '4072', /does not match an approved template/, 'configuration-invalid'],
	];

	test.each(cases)('%s', async (_name, arrange, overrides, code, explanation, cause) => {
		arrange();
		const parameters = code === '4072' ? smsSend({ content: '您的验证码是 1234。请不要把验证码泄露给其他人。' }) : smsSend();
		const { error } = await runNode({ type: 'ihuyi', parameters, credentials: ihuyiCredentials(sim, overrides) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toMatch(explanation);
		expect(error!.message).toContain(`ihuyi code ${code}`);
		expect(error!.message).toMatch(/[\u4e00-\u9fff]/);
		expect(error!.description).toBeTruthy();
		expect((error as unknown as { failure?: { cause: string } }).failure?.cause).toBe(cause);
		expect(sim.requestsTo('ihuyi:sms:Submit')).toHaveLength(1);
		expectNoKey(error);
	});

	test('4052 tells the user what to do in the ihuyi console', async () => {
		sim.ihuyi.accounts.sms.boundIps = ['203.0.113.7'];
		const { error } = await runNode({ type: 'ihuyi', parameters: smsSend(), credentials: ihuyiCredentials(sim) });
		expect(error!.description).toMatch(/public IP address.*IP 绑定.*remove the IP binding/);
	});

	test('4070 on voice means the code is not 4–6 digits (bypassing our own check via a reseller quirk)', async () => {
		// Our validation stops bad codes, so make the simulator refuse a good one the way a
		// reseller with a stricter rule would: this proves the voice catalogue is used.
		const original = sim.ihuyi.handle.bind(sim.ihuyi);
		sim.ihuyi.handle = (request) => {
			const answer = original(request);
			return request.log.route === 'ihuyi:voiceCode:Submit'
				? { ...answer, body: Buffer.from('{"code":4070,"msg":"语音验证码内容必须为4-6位数字","voiceid":"0"}') }
				: answer;
		};
		try {
			const { error } = await runNode({
				type: 'ihuyi',
				parameters: { resource: 'voiceCode', operation: 'send', mobile: '13800138000', codeSource: 'provided', code: '1125' },
				credentials: ihuyiCredentials(sim),
			});
			expect(error!.message).toMatch(/voice code must be 4–6 digits/);
		} finally {
			sim.ihuyi.handle = original;
		}
	});

	test('an unknown code keeps the raw provider message', async () => {
		sim.injectFault({ kind: 'unknownCode', route: 'ihuyi:sms' });
		const { error } = await runNode({ type: 'ihuyi', parameters: smsSend(), credentials: ihuyiCredentials(sim) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toContain('ihuyi code 4999: 系统繁忙，请稍后再试');
		expect(error!.description).toMatch(/do not list/);
	});

	test('4080: a number sent to by another run within the second is refused; the note says what went out', async () => {
		// Within one run the node paces repeats itself (ihuyi-pacing.test.ts); a run right
		// after another one that reached the same number still meets ihuyi's rule.
		await runNode({ type: 'ihuyi', parameters: smsSend(), credentials: ihuyiCredentials(sim) });
		const { error } = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ mobile: '={{ $json.phone }}' }),
			credentials: ihuyiCredentials(sim),
			items: [{ json: { phone: '13900139000' } }, { json: { phone: '13800138000' } }],
		});
		expect(error!.message).toContain('ihuyi code 4080');
		expect(error!.description).toMatch(/1 item\(s\) were already sent before this failure \(items 0\)/);
		expect(sim.ihuyi.sent.map((message) => message.mobile)).toEqual(['13800138000', '13900139000']);
	});

	test('n8n is given the real HTTP status (200), not the provider code; the code has its own field', async () => {
		sim.ihuyi.accounts.sms.boundIps = ['203.0.113.7'];
		const { error, recordedError } = await runNode({ type: 'ihuyi', parameters: smsSend(), credentials: ihuyiCredentials(sim) });
		expect(error).toBeInstanceOf(NodeApiError);
		// n8n shows httpCode as the HTTP status of the failed request.
		expect((error as NodeApiError).httpCode).toBe('200');
		expect((recordedError as NodeApiError).httpCode).toBe('200');
		expect((error as NodeApiError).context).toMatchObject({ code: '4052', httpStatus: 200 });
		const onFail = await runNode({ type: 'ihuyi', parameters: smsSend(), credentials: ihuyiCredentials(sim), continueOnFail: true });
		expect(onFail.items[0].json.error).toMatchObject({ code: '4052', httpStatus: 200 });
	});

	test('Continue On Fail turns a provider error into an error item; the rest go on', async () => {
		sim.ihuyi.blacklist.add('13900139000');
		const { items, error } = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ mobile: '={{ $json.phone }}' }),
			credentials: ihuyiCredentials(sim),
			continueOnFail: true,
			items: [{ json: { phone: '13800138000' } }, { json: { phone: '13900139000' } }, { json: { phone: '13700137000' } }],
		});
		expect(error).toBeUndefined();
		expect(items[1].json).toMatchObject({ success: false, error: { code: '4030', providerMessage: '手机号码已被列入黑名单' } });
		expect(items[0].json.success).toBe(true);
		expect(items[2].json.success).toBe(true);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expectNoKey(items);
	});
});

describe('unreadable answers and transport failures', () => {
	test.each([
		['http502', /HTTP 502/],
		['http500', /HTTP 500/],
		['html', /HTTP 200\): "<!DOCTYPE html>/],
		['empty', /\(empty body\)/],
		['truncated', /Unexpected answer from ihuyi \(HTTP 200\)/],
	] as const)('%s → a clear unexpected-answer error, sent once, never retried', async (kind, message) => {
		sim.injectFault({ kind, route: 'ihuyi:sms:Submit' });
		const { error } = await runNode({ type: 'ihuyi', parameters: smsSend(), credentials: ihuyiCredentials(sim) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toMatch(message);
		expect(sim.requestsTo('ihuyi:sms:Submit')).toHaveLength(1);
		expectNoKey(error);
	});

	test('a timeout is reported with the bound and is not retried', async () => {
		sim.injectFault({ kind: 'timeout', route: 'ihuyi:sms:Submit' });
		const { error } = await runNode({ type: 'ihuyi', parameters: smsSend({ options: { timeout: 1000 } }), credentials: ihuyiCredentials(sim) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toMatch(/No answer from ihuyi within 1000 ms/);
		expect(error!.description).toMatch(/may already have been sent and billed. It is not repeated automatically/);
		expect(sim.requestsTo('ihuyi:sms:Submit')).toHaveLength(1);
		expectNoKey(error);
	});

	test('a connection reset mid-body is reported and not retried', async () => {
		sim.injectFault({ kind: 'reset', route: 'ihuyi:sms:Submit' });
		const { error } = await runNode({ type: 'ihuyi', parameters: smsSend(), credentials: ihuyiCredentials(sim, {}, 'plainApiKey') });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toMatch(/Could not reach ihuyi|Unexpected answer/);
		expect(sim.requestsTo('ihuyi:sms:Submit')).toHaveLength(1);
		expectNoKey(error);
	});

	test('a refused connection names the problem without the key', async () => {
		const { error } = await runNode({
			type: 'ihuyi',
			parameters: smsSend(),
			credentials: ihuyiCredentials(sim, { sms: { baseUrl: 'http://127.0.0.1:1' } }, 'plainApiKey'),
		});
		expect(error!.message).toMatch(/Could not reach ihuyi/);
		expectNoKey(error);
	});

	test('success without a message id says the message was probably sent', async () => {
		sim.injectFault({ kind: 'successWithoutId', route: 'ihuyi:sms' });
		const { error } = await runNode({ type: 'ihuyi', parameters: smsSend(), credentials: ihuyiCredentials(sim) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toMatch(/no message id/);
		expect(error!.description).toMatch(/Do not send it again/);
		expect(sim.ihuyi.sent).toHaveLength(1);
	});
});

describe('balance queries (idempotent) retry briefly; sends never do', () => {
	const getBalance = async () =>
		await onFakeClock(async () => await runNode({ type: 'ihuyi', parameters: { resource: 'sms', operation: 'getBalance' }, credentials: ihuyiCredentials(sim) }));
	/** How far apart the queries reached ihuyi, on the clock the simulator stamps them with. */
	const gaps = () => sim.requestsTo('ihuyi:sms:GetNum').map((request, index, all) => request.at - (all[index - 1]?.at ?? request.at)).slice(1);

	test.each(['http502', 'http503', 'reset', 'empty', 'html'] as const)('GetNum survives one %s, asked again 300 ms later', async (kind) => {
		sim.injectFault({ kind, route: 'ihuyi:sms:GetNum' });
		const { result, waits } = await getBalance();
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.balance).toBe(1000);
		expect(sim.requestsTo('ihuyi:sms:GetNum')).toHaveLength(2);
		expect(waits).toEqual([300]);
		expect(gaps()).toEqual([300]);
	});

	test('GetNum gives up after three attempts with the last error, having waited 300 ms, then 1 s', async () => {
		sim.injectFault({ kind: 'http503', route: 'ihuyi:sms:GetNum', times: 5 });
		const { result, waits } = await getBalance();
		expect(result.error!.message).toMatch(/HTTP 503/);
		expect(sim.requestsTo('ihuyi:sms:GetNum')).toHaveLength(3);
		expect(waits).toEqual([300, 1000]);
		expect(gaps()).toEqual([300, 1000]);
	});

	test('a refusal is not retried', async () => {
		sim.ihuyi.accounts.sms.frozen = true;
		const { waits } = await getBalance();
		expect(sim.requestsTo('ihuyi:sms:GetNum')).toHaveLength(1);
		expect(waits).toEqual([]);
	});

	test.each(['http502', 'reset', 'timeout'] as const)('Submit is sent once after %s', async (kind) => {
		sim.injectFault({ kind, route: 'ihuyi:sms:Submit' });
		const { error } = await runNode({ type: 'ihuyi', parameters: smsSend({ options: { timeout: 1000 } }), credentials: ihuyiCredentials(sim) });
		expect(error).toBeDefined();
		expect(sim.requestsTo('ihuyi:sms:Submit')).toHaveLength(1);
	});
});
