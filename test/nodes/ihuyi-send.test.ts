import { NodeOperationError } from 'n8n-workflow';

import { runNode } from '../helpers/n8nHarness';
import { ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import type { Simulator } from '../simulator/server';
import { dynamicPassword } from '../../nodes/Ihuyi/transport/signing';
import { IHUYI_TEST_ACCOUNTS } from '../simulator/ihuyi';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

describe('ihuyi SMS: Send', () => {
	test('full-text mode sends one signed request and returns the message id as a string', async () => {
		const { items, error } = await runNode({ type: 'ihuyi', parameters: smsSend({ mobile: '+86 138-0013-8000' }), credentials: ihuyiCredentials(sim) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			provider: 'ihuyi',
			product: 'sms',
			success: true,
			messageId: sim.ihuyi.sent[0].id,
			mobile: '13800138000',
			code: 2,
			message: '提交成功',
			segments: 1,
			segmentsIncludeSignature: false,
		});
		expect(typeof items[0].json.messageId).toBe('string');
		expect(BigInt(items[0].json.messageId as string) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
		expect(items[0].pairedItem).toEqual({ item: 0 });

		const [request] = sim.requestsTo('ihuyi:sms:Submit');
		expect(request.form.mobile).toBe('13800138000');
		expect(request.form.content).toBe('您的验证码是：1234。请不要把验证码泄露给其他人。');
		expect(request.form.format).toBe('json');
		expect(request.form.password).toBe(
			dynamicPassword({
				account: IHUYI_TEST_ACCOUNTS.sms.apiId,
				apiKey: IHUYI_TEST_ACCOUNTS.sms.apiKey,
				mobile: '13800138000',
				content: request.form.content,
				time: request.form.time,
			}),
		);
		expect(request.rawBody.toString('utf8')).not.toContain(IHUYI_TEST_ACCOUNTS.sms.apiKey);
		expect(String(request.headers['content-type'])).toContain('application/x-www-form-urlencoded');
	});

	test('one item per input item, each with its own number, in order', async () => {
		const mobiles = ['13800138000', '13900139000', '13700137000'];
		const { items } = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ mobile: '={{ $json.phone }}', content: '=您的验证码是：{{ $json.code }}。请不要把验证码泄露给其他人。' }),
			credentials: ihuyiCredentials(sim),
			items: mobiles.map((phone, index) => ({ json: { phone, code: `12${index}4` } })),
		});
		expect(items.map((item) => item.json.mobile)).toEqual(mobiles);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sim.ihuyi.sent.map((message) => message.content)).toEqual([
			'您的验证码是：1204。请不要把验证码泄露给其他人。',
			'您的验证码是：1214。请不要把验证码泄露给其他人。',
			'您的验证码是：1224。请不要把验证码泄露给其他人。',
		]);
		expect(new Set(items.map((item) => item.json.messageId)).size).toBe(3);
	});

	test('segments follow ihuyi billing, the signature included when given', async () => {
		const content = '短'.repeat(66);
		const plain = await runNode({ type: 'ihuyi', parameters: smsSend({ content }), credentials: ihuyiCredentials(sim) });
		expect(plain.items[0].json).toMatchObject({ segments: 1, segmentsIncludeSignature: false });
		sim.ihuyi.rateLimit.enabled = false;
		const signed = await runNode({ type: 'ihuyi', parameters: smsSend({ content, options: { signature: '互亿无线' } }), credentials: ihuyiCredentials(sim) });
		expect(signed.items[0].json).toMatchObject({ segments: 2, segmentsIncludeSignature: true });
		expect(sim.ihuyi.sent[1].segments).toBe(2);
	});

	test('the signature in the SMS credential is counted by every send; the node option still wins', async () => {
		sim.ihuyi.rateLimit.enabled = false;
		// 69 characters: 1 part alone, 2 with the 6 characters of 【互亿无线】 that ihuyi adds and bills.
		const content = '短'.repeat(69);
		const fromCredential = await runNode({ type: 'ihuyi', parameters: smsSend({ content }), credentials: ihuyiCredentials(sim, { sms: { signature: '互亿无线' } }) });
		expect(fromCredential.items[0].json).toMatchObject({ segments: 2, segmentsIncludeSignature: true });
		expect(sim.ihuyi.sent[0].segments).toBe(2);
		// Written with its brackets, it is still counted once.
		const bracketed = await runNode({ type: 'ihuyi', parameters: smsSend({ content }), credentials: ihuyiCredentials(sim, { sms: { signature: '【互亿无线】' } }) });
		expect(bracketed.items[0].json).toMatchObject({ segments: 2, segmentsIncludeSignature: true });
		// A 28-character signature in the credential, a 2-character one in the node: 60 + 4 = 64, one part.
		const overridden = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ content: '短'.repeat(60), options: { signature: '小店' } }),
			credentials: ihuyiCredentials(sim, { sms: { signature: '签'.repeat(28) } }),
		});
		expect(overridden.items[0].json).toMatchObject({ segments: 1, segmentsIncludeSignature: true });
		// The signature is only counted: it never travels.
		for (const request of sim.requestsTo('ihuyi:sms:Submit')) {
			expect(request.form.content).not.toContain('互亿无线');
			expect(Object.keys(request.form).sort()).toEqual(['account', 'content', 'format', 'method', 'mobile', 'password', 'time']);
		}
	});

	test("domestic content follows ihuyi's document: 300 characters go out, 301 are refused before sending", async () => {
		const longest = await runNode({ type: 'ihuyi', parameters: smsSend({ content: '字'.repeat(300) }), credentials: ihuyiCredentials(sim) });
		expect(longest.error).toBeUndefined();
		expect(longest.items[0].json).toMatchObject({ success: true, segments: 5 });
		sim.reset();
		const over = await runNode({ type: 'ihuyi', parameters: smsSend({ content: '字'.repeat(301) }), credentials: ihuyiCredentials(sim) });
		expect(over.error).toBeInstanceOf(NodeOperationError);
		expect(over.error!.message).toBe('Item 0: Content is 301 characters long; ihuyi accepts at most 300');
		expect(over.error!.description).toMatch(/^Shorten the text by 1 character\(s\): ihuyi refuses longer content \(code 4073\)/);
		expect(sim.requests).toHaveLength(0);
		// Template variables are the content ihuyi receives in template mode: the same limit.
		const variables = await runNode({
			type: 'ihuyi',
			parameters: { resource: 'sms', operation: 'send', sendMode: 'template', mobile: '13800138000', templateId: '1', templateVariables: { variable: [{ value: '1'.repeat(301) }] } },
			credentials: ihuyiCredentials(sim),
		});
		expect(variables.error!.message).toBe('Item 0: Template Variables is 301 characters long; ihuyi accepts at most 300');
		expect(sim.requests).toHaveLength(0);
	});

	test('template mode sends the template id and the variables joined by |', async () => {
		const { items, error } = await runNode({
			type: 'ihuyi',
			parameters: {
				resource: 'sms',
				operation: 'send',
				sendMode: 'template',
				mobile: '13800138000',
				templateId: '2',
				templateVariables: { variable: [{ value: 'A2024001' }, { value: 'SF123456789' }] },
			},
			credentials: ihuyiCredentials(sim),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ success: true, templateId: '2', segments: null });
		const [request] = sim.requestsTo('ihuyi:sms:Submit');
		expect(request.form.templateid).toBe('2');
		expect(request.form.content).toBe('A2024001|SF123456789');
	});

	test('plain API key signing sends the key and no time', async () => {
		const { error } = await runNode({ type: 'ihuyi', parameters: smsSend(), credentials: ihuyiCredentials(sim, {}, 'plainApiKey') });
		expect(error).toBeUndefined();
		const [request] = sim.requestsTo('ihuyi:sms:Submit');
		expect(request.form.password).toBe(IHUYI_TEST_ACCOUNTS.sms.apiKey);
		expect(request.form.time).toBeUndefined();
	});

	test('an XML answer (host ignoring format=json) is read the same way', async () => {
		sim.ihuyi.alwaysXml = true;
		const { items, error } = await runNode({ type: 'ihuyi', parameters: smsSend(), credentials: ihuyiCredentials(sim) });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ success: true, messageId: sim.ihuyi.sent[0].id, code: 2 });
	});

	test('Max Concurrent Requests keeps order and pairing', async () => {
		const mobiles = Array.from({ length: 12 }, (_, index) => `1380013${String(8000 + index)}`);
		sim.latencyMs = 20;
		const { items, error } = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ mobile: '={{ $json.phone }}', options: { maxConcurrency: 4 } }),
			credentials: ihuyiCredentials(sim),
			items: mobiles.map((phone) => ({ json: { phone } })),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.mobile)).toEqual(mobiles);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(mobiles.map((_, index) => index));
		expect(sim.requestsTo('ihuyi:sms:Submit')).toHaveLength(12);
	});
});

describe('ihuyi International SMS: Send', () => {
	test('an E.164 number goes out as "<country code> <number>"', async () => {
		const { items, error } = await runNode({
			type: 'ihuyi',
			parameters: { resource: 'internationalSms', operation: 'send', numberFormat: 'e164', phoneNumber: '+852 6123 4567', content: 'Your verification code is 1125' },
			credentials: ihuyiCredentials(sim),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ provider: 'ihuyi', product: 'internationalSms', success: true, mobile: '852 61234567', segments: 1 });
		const [request] = sim.requestsTo('ihuyi:internationalSms:Submit');
		expect(request.form.mobile).toBe('852 61234567');
		expect(request.form.account).toBe(IHUYI_TEST_ACCOUNTS.internationalSms.apiId);
		expect(request.path).toBe('/webservice/isms.php');
	});

	test('country code and national number in two fields', async () => {
		const { items } = await runNode({
			type: 'ihuyi',
			parameters: { resource: 'internationalSms', operation: 'send', numberFormat: 'separate', countryCode: '+65', nationalNumber: '9123 4567', content: 'Hello' },
			credentials: ihuyiCredentials(sim),
		});
		expect(items[0].json.mobile).toBe('65 91234567');
		expect(sim.ihuyi.sent[0].mobile).toBe('65 91234567');
	});
});

describe('ihuyi Voice Code: Send', () => {
	test('a generated code of the chosen length is sent and returned', async () => {
		const { items, error } = await runNode({
			type: 'ihuyi',
			parameters: { resource: 'voiceCode', operation: 'send', mobile: '13800138000', codeSource: 'generate', codeLength: 5 },
			credentials: ihuyiCredentials(sim),
		});
		expect(error).toBeUndefined();
		const code = items[0].json.verificationCode as string;
		expect(code).toMatch(/^\d{5}$/);
		expect(sim.ihuyi.sent[0].content).toBe(code);
		expect(items[0].json).toMatchObject({ product: 'voiceCode', success: true, messageId: sim.ihuyi.sent[0].id, code: 2 });
		expect(sim.requestsTo('ihuyi:voiceCode:Submit')[0].path).toBe('/webservice/voice.php');
	});

	test('a given code is sent as is (full-width digits normalised)', async () => {
		const { items } = await runNode({
			type: 'ihuyi',
			parameters: { resource: 'voiceCode', operation: 'send', mobile: '13800138000', codeSource: 'provided', code: '１１２５' },
			credentials: ihuyiCredentials(sim),
		});
		expect(items[0].json.verificationCode).toBe('1125');
		expect(sim.ihuyi.sent[0].content).toBe('1125');
	});

	test('generated codes vary', async () => {
		// Eight numbers, so that no send waits for the pacing of a repeated number.
		const { items } = await runNode({
			type: 'ihuyi',
			parameters: { resource: 'voiceCode', operation: 'send', mobile: '={{ $json.mobile }}', codeSource: 'generate', codeLength: 6 },
			credentials: ihuyiCredentials(sim),
			items: Array.from({ length: 8 }, (_, index) => ({ json: { mobile: `1380013800${index}` } })),
		});
		expect(new Set(items.map((item) => item.json.verificationCode)).size).toBeGreaterThan(1);
		expect(sim.ihuyi.sent).toHaveLength(8);
	});
});
