import type { INodeParameters } from 'n8n-workflow';

import { dataTableProvider, MemoryDataTable } from '../helpers/dataTables';
import { ALL_IHUYI_KEYS, ihuyiCredentials } from '../helpers/ihuyiFixtures';
import { allText, runNode } from '../helpers/n8nHarness';
import { useSimulator } from '../helpers/useSimulator';
import type { Simulator } from '../simulator/server';

let sim: Simulator;
useSimulator((started) => (sim = started));

let table: MemoryDataTable;
beforeEach(() => {
	table = new MemoryDataTable('codes-table', 'Verification codes');
});

const sendCode = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'verificationCode',
	operation: 'sendCode',
	dataTable: { __rl: true, mode: 'id', value: 'codes-table' },
	channel: 'sms',
	mobile: '13800138000',
	...extra,
});

const checkCode = (code: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'verificationCode',
	operation: 'checkCode',
	dataTable: { __rl: true, mode: 'id', value: 'codes-table' },
	mobile: '13800138000',
	code,
	...extra,
});

const run = async (parameters: INodeParameters, continueOnFail = false) =>
	await runNode({ type: 'ihuyi', parameters, credentials: ihuyiCredentials(sim), dataTables: dataTableProvider([table]), continueOnFail });

/** The code ihuyi received in the last SMS (template 1: the content is the code). */
const lastSentCode = (): string => sim.ihuyi.sent[sim.ihuyi.sent.length - 1].content;

describe('Verification Code: Send Code', () => {
	test('sends a 6-digit code with template 1 and keeps only its salted hash', async () => {
		const { items, error } = await run(sendCode());
		expect(error).toBeUndefined();
		expect(sim.ihuyi.sent).toHaveLength(1);
		const [request] = sim.requestsTo('ihuyi:sms:Submit');
		expect(request.form.templateid).toBe('1');
		const code = request.form.content;
		expect(code).toMatch(/^\d{6}$/);
		const json = items[0].json;
		expect(json).toMatchObject({ success: true, sent: true, channel: 'sms', mobile: '13800138000', purpose: '', retryAfter: 60, content: '******' });
		expect(json.messageId).toBe(sim.ihuyi.sent[0].id);
		expect(Date.parse(json.expiresAt as string) - Date.now()).toBeGreaterThan(290_000);
		expect(allText(json)).not.toContain(code);
		expect(table.rows).toHaveLength(1);
		expect(allText(table.rows)).not.toContain(code);
		expect(table.rows[0].codeHash).toMatch(/^[0-9a-f]{64}$/);
	});

	test('full text puts the code where {code} is; Return Code gives it back', async () => {
		const { items } = await run(sendCode({ sendMode: 'fullText', content: '您的验证码是：{code}。请不要把验证码泄露给其他人。', codeLength: 4, options: { returnCode: true } }));
		const code = items[0].json.verificationCode as string;
		expect(code).toMatch(/^\d{4}$/);
		expect(sim.ihuyi.sent[0].content).toBe(`您的验证码是：${code}。请不要把验证码泄露给其他人。`);
	});

	test('a second code within the cooldown is refused before any request, with retryAfter', async () => {
		await run(sendCode());
		const { items, error } = await run(sendCode());
		expect(error).toBeUndefined();
		expect(sim.ihuyi.sent).toHaveLength(1);
		expect(items[0].json).toMatchObject({ success: false, sent: false, limit: 'cooldown', mobile: '13800138000' });
		expect(items[0].json.retryAfter).toBeGreaterThanOrEqual(59);
		expect(items[0].json.retryAfter).toBeLessThanOrEqual(60);
	});

	test('the hourly and daily caps refuse once reached, naming the limit', async () => {
		// Codes a moment apart: ihuyi's own one-a-second rule (4080) is not what is tested here.
		sim.ihuyi.rateLimit.enabled = false;
		const options = { cooldownSeconds: 0, perHour: 2, perDay: 3 };
		for (let i = 0; i < 2; i++) expect((await run(sendCode({ options }))).items[0].json.sent).toBe(true);
		const hourly = (await run(sendCode({ options }))).items[0].json;
		expect(hourly).toMatchObject({ sent: false, limit: 'hourly' });
		expect(hourly.retryAfter).toBeGreaterThan(3500);
		const daily = (await run(sendCode({ options: { ...options, perHour: 5, perDay: 2 } }))).items[0].json;
		expect(daily).toMatchObject({ sent: false, limit: 'daily' });
		expect(daily.retryAfter).toBeGreaterThan(86_000);
		expect(sim.ihuyi.sent).toHaveLength(2);
	});

	test('a purpose has limits and codes of its own', async () => {
		sim.ihuyi.rateLimit.enabled = false;
		await run(sendCode({ purpose: 'login' }));
		const other = await run(sendCode({ purpose: 'reset-password' }));
		expect(other.items[0].json.sent).toBe(true);
		expect(sim.ihuyi.sent).toHaveLength(2);
		const wrongPurpose = await run(checkCode(lastSentCode(), { purpose: 'login' }));
		expect(wrongPurpose.items[0].json).toMatchObject({ valid: false, reason: 'wrong' });
		expect((await run(checkCode(lastSentCode(), { purpose: 'reset-password' }))).items[0].json.valid).toBe(true);
	});

	test('voice code and international SMS go with their own credentials', async () => {
		await run(sendCode({ channel: 'voiceCode', codeLength: 4 }));
		await run(sendCode({ channel: 'internationalSms', phoneNumber: '+85261234567', internationalContent: 'Your code is {code}' }));
		expect(sim.requestsTo('ihuyi:voiceCode:Submit')[0].form.content).toMatch(/^\d{4}$/);
		expect(sim.requestsTo('ihuyi:internationalSms:Submit')[0].form.content).toMatch(/^Your code is \d{6}$/);
		expect(table.rows.map((row) => row.mobile).sort()).toEqual(['13800138000', '852 61234567']);
	});

	test('Dry Run shows the text and consumes no limit', async () => {
		const { items } = await run(sendCode({ options: { dryRun: true } }));
		expect(items[0].json).toMatchObject({ dryRun: true, content: '******', templateId: '1' });
		expect(sim.ihuyi.sent).toHaveLength(0);
		expect(table.rows).toHaveLength(0);
		expect((await run(sendCode())).items[0].json.sent).toBe(true);
	});

	test('bad input is refused before the Data Table or ihuyi is asked', async () => {
		const cases: Array<[INodeParameters, RegExp]> = [
			[sendCode({ channel: 'voiceCode', codeLength: 8 }), /Code Length must be 4 to 6 digits/],
			[sendCode({ sendMode: 'fullText', content: '您的验证码是：1234' }), /Content has no \{code\} placeholder/],
			[sendCode({ mobile: '12345' }), /Item 0: Mobile/],
			[sendCode({ dataTable: { __rl: true, mode: 'id', value: '  ' } }), /Item 0: Data Table is empty/],
		];
		for (const [parameters, message] of cases) {
			const { error } = await run(parameters);
			expect(error?.message).toMatch(message);
		}
		expect(sim.requests).toHaveLength(0);
		expect(Object.keys(table.calls)).toEqual([]);
	});

	test('a Data Table that fails (busy SQLite) fails closed: no SMS, a clear error', async () => {
		table.failWith = new Error('LockAcquireTimeoutError: Failed to acquire lock for SqliteWriteConnectionMutex');
		const { error } = await run(sendCode());
		expect(error?.message).toMatch(/Item 0: the Data Table codes-table could not be used: LockAcquireTimeoutError/);
		expect((error as { description?: string }).description).toMatch(/Nothing was sent/);
		expect(sim.ihuyi.sent).toHaveLength(0);
	});

	test("n8n's refusal of the proxy to community nodes is an error that says so, and nothing is sent", async () => {
		const { error } = await runNode({ type: 'ihuyi', parameters: sendCode(), credentials: ihuyiCredentials(sim), dataTables: dataTableProvider([table], { refuseCommunityNodes: true }) });
		expect((error as { description?: string }).description).toMatch(/lets only its own Data table nodes use Data Tables/);
		expect(sim.ihuyi.sent).toHaveLength(0);
	});

	test('secrets appear nowhere in the output or the table', async () => {
		const { items } = await run(sendCode());
		for (const key of ALL_IHUYI_KEYS) {
			expect(allText(items)).not.toContain(key);
			expect(allText(table.rows)).not.toContain(key);
		}
	});
});

describe('Verification Code: Check Code', () => {
	test('the right code is valid once, then already used', async () => {
		await run(sendCode());
		const code = lastSentCode();
		expect((await run(checkCode(code))).items[0].json).toMatchObject({ valid: true, reason: 'valid', mobile: '13800138000' });
		expect((await run(checkCode(code))).items[0].json).toMatchObject({ valid: false, reason: 'already_used' });
	});

	test('wrong codes count; after the limit even the right code is refused', async () => {
		await run(sendCode());
		const code = lastSentCode();
		const wrong = code === '000000' ? '111111' : '000000';
		for (let left = 4; left >= 0; left--) expect((await run(checkCode(wrong))).items[0].json).toMatchObject({ valid: false, reason: 'wrong', attemptsLeft: left });
		expect((await run(checkCode(code))).items[0].json).toMatchObject({ valid: false, reason: 'too_many_attempts' });
	});

	test('an expired code is refused; a number without a code is told so', async () => {
		await run(sendCode());
		table.rows[0].expiresAt = Date.now() - 1;
		expect((await run(checkCode(lastSentCode()))).items[0].json).toMatchObject({ valid: false, reason: 'expired' });
		expect((await run(checkCode('123456', { mobile: '13900139000' }))).items[0].json).toMatchObject({ valid: false, reason: 'none_sent' });
	});

	test('a new code replaces the old one', async () => {
		sim.ihuyi.rateLimit.enabled = false;
		await run(sendCode({ options: { cooldownSeconds: 0 } }));
		const first = lastSentCode();
		await run(sendCode({ options: { cooldownSeconds: 0 } }));
		const second = lastSentCode();
		if (first !== second) expect((await run(checkCode(first))).items[0].json.reason).toBe('wrong');
		expect((await run(checkCode(second))).items[0].json.valid).toBe(true);
	});

	test('expired rows are cleaned when a new number is added; one row per number', async () => {
		sim.ihuyi.rateLimit.enabled = false;
		await run(sendCode({ options: { cooldownSeconds: 0 } }));
		await run(sendCode({ options: { cooldownSeconds: 0 } }));
		expect(table.rows).toHaveLength(1);
		table.rows[0].cleanAfter = Date.now() - 1;
		await run(sendCode({ mobile: '13900139000' }));
		expect(table.rows.map((row) => row.mobile)).toEqual(['13900139000']);
	});
});

describe('Verification Code under concurrency (executions racing on one Data Table)', () => {
	test('50 simultaneous Send Code executions for one new number send exactly one SMS', async () => {
		const results = await Promise.all(Array.from({ length: 50 }, async () => await run(sendCode())));
		expect(results.filter((result) => result.items[0]?.json.sent === true)).toHaveLength(1);
		expect(results.filter((result) => result.items[0]?.json.limit === 'cooldown')).toHaveLength(49);
		expect(sim.ihuyi.sent).toHaveLength(1);
		expect(table.rows.filter((row) => row.mobile === '13800138000')).toHaveLength(1);
	});

	test('50 simultaneous Send Code executions for a number with a past code send exactly one SMS', async () => {
		sim.ihuyi.rateLimit.enabled = false;
		await run(sendCode());
		// The earlier code's cooldown is over (as if a minute had passed).
		table.rows[0].sentAt = String(Date.now() - 61_000);
		const results = await Promise.all(Array.from({ length: 50 }, async () => await run(sendCode())));
		expect(results.filter((result) => result.items[0]?.json.sent === true)).toHaveLength(1);
		expect(sim.ihuyi.sent).toHaveLength(2);
	});

	test('200 simultaneous wrong checks spend the attempts exactly; the right code is then refused', async () => {
		await run(sendCode());
		const code = lastSentCode();
		const wrong = code === '000000' ? '111111' : '000000';
		const results = await Promise.all(Array.from({ length: 200 }, async () => await run(checkCode(wrong))));
		const reasons = results.map((result) => result.items[0].json.reason);
		expect(reasons.filter((reason) => reason === 'wrong')).toHaveLength(5);
		expect(reasons.filter((reason) => reason === 'too_many_attempts')).toHaveLength(195);
		expect((await run(checkCode(code))).items[0].json).toMatchObject({ valid: false, reason: 'too_many_attempts' });
		expect(table.rows[0].attempts).toBe(5);
	});

	test('two simultaneous right checks: one is valid, the other already used', async () => {
		await run(sendCode());
		const code = lastSentCode();
		const results = await Promise.all([run(checkCode(code)), run(checkCode(code))]);
		expect(results.map((result) => result.items[0].json.reason).sort()).toEqual(['already_used', 'valid']);
	});
});
