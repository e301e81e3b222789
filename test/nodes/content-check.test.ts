import { NodeOperationError } from 'n8n-workflow';

import { runNode } from '../helpers/n8nHarness';
import { ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import { jiazhiyuanCredentials, jzySend } from '../helpers/jiazhiyuanFixtures';
import { IHUYI_TEST_ACCOUNTS } from '../simulator/ihuyi';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

/** Both providers' message text goes through one check (nodes/common/content.ts), before any request. */
let sim: Simulator;
useSimulator((started) => (sim = started));

const sends = [
	['ihuyi', (content: string) => smsSend({ content }), () => ihuyiCredentials(sim), 300],
	['jiazhiyuan', (content: string) => jzySend({ content }), () => jiazhiyuanCredentials(sim), 1000],
] as const;

describe.each(sends)('%s content', (type, send, credentials, max) => {
	test.each([
		['empty', '   ', 'Item 0: Content is empty', 'Enter the text to send in "Content".'],
		['broken', '={{ "ab" + "\\ud800" }}', 'Item 0: Content contains a broken character (half of a surrogate pair)', /^The text was probably cut/],
	])('%s: the same error from both providers, nothing sent', async (_name, content, message, description) => {
		const { error } = await runNode({ type, parameters: send(content), credentials: credentials() });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toBe(message);
		expect(error!.description).toEqual(typeof description === 'string' ? description : expect.stringMatching(description));
		expect(sim.requests).toHaveLength(0);
	});

	test('too long: the provider and its limit are named, nothing sent', async () => {
		const { error } = await runNode({ type, parameters: send('字'.repeat(max + 1)), credentials: credentials() });
		expect(error!.message).toMatch(new RegExp(`^Item 0: Content is ${max + 1} characters long; ${type} accepts at most ${max}$`, 'i'));
		expect(error!.description).toMatch(/^Shorten the text by 1 character\(s\)/);
		expect(sim.requests).toHaveLength(0);
	});
});

/**
 * ihuyi adds the approved signature to every domestic SMS and refuses text that writes one
 * (4070): a 【…】 in Full Text content is refused before any request, for every item.
 */
describe('ihuyi SMS content with a 【…】', () => {
	const code = '您的验证码是：1234。请不要把验证码泄露给其他人。';

	test.each([
		['at the start', `【互亿无线】${code}`, '【互亿无线】'],
		['at the end', `${code}【我的店】`, '【我的店】'],
	])('%s: refused, naming the item, the field and the fix', async (_where, content, signature) => {
		const { error } = await runNode({ type: 'ihuyi', parameters: smsSend({ content }), credentials: ihuyiCredentials(sim) });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toBe(`Item 0: Content contains "${signature}"; ihuyi adds your approved signature itself and refuses content with a 【…】 in it (code 4070)`);
		expect(error!.description).toBe(`Remove "${signature}" from the text: ihuyi puts your approved signature in front of every message.`);
		expect(sim.requests).toHaveLength(0);
	});

	test('the template slot 【变量】 left in Full Text: refused with the way to fill it', async () => {
		const { error } = await runNode({ type: 'ihuyi', parameters: smsSend({ content: '您的验证码是：【变量】。请不要把验证码泄露给其他人。' }), credentials: ihuyiCredentials(sim) });
		expect(error!.message).toBe('Item 0: Content contains the template slot 【变量】; ihuyi expects the text with the value in its place');
		expect(error!.description).toMatch(/set Send Mode to Template/);
		expect(sim.requests).toHaveLength(0);
	});

	test('one item with a signature: nothing is sent, not even the good items before it', async () => {
		const { error } = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ content: '={{ $json.text }}' }),
			items: [{ json: { text: code } }, { json: { text: `【互亿无线】${code}` } }, { json: { text: code } }],
			credentials: ihuyiCredentials(sim),
		});
		expect(error!.message).toMatch(/^Item 1: Content contains "【互亿无线】"/);
		expect(sim.requests).toHaveLength(0);
	});

	test('with Continue On Fail only that item fails; the others are sent', async () => {
		const { items } = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ mobile: '={{ $json.m }}', content: '={{ $json.text }}' }),
			items: [{ json: { m: '13800138000', text: code } }, { json: { m: '13900139000', text: `【互亿无线】${code}` } }],
			credentials: ihuyiCredentials(sim),
			continueOnFail: true,
		});
		expect(items.map((item) => item.json.success)).toEqual([true, false]);
		expect(sim.requestsTo('ihuyi:sms:Submit').map((request) => request.form.content)).toEqual([code]);
	});

	test('template variables are values, not text: one in 【】 is sent to ihuyi as given', async () => {
		const { items, error } = await runNode({
			type: 'ihuyi',
			parameters: { resource: 'sms', operation: 'send', sendMode: 'template', mobile: '13800138000', templateId: '1', templateVariables: { variable: [{ value: '【1234】' }] } },
			credentials: ihuyiCredentials(sim),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ success: true, templateId: '1' });
		expect(sim.requestsTo('ihuyi:sms:Submit')[0].form).toMatchObject({ content: '【1234】', templateid: '1' });
	});

	test('International SMS is not checked: ihuyi documents no 4070 for it', async () => {
		const { error } = await runNode({
			type: 'ihuyi',
			parameters: { resource: 'internationalSms', operation: 'send', numberFormat: 'e164', phoneNumber: '+85261234567', content: '【Shop】Your code is 1125' },
			credentials: ihuyiCredentials(sim),
		});
		expect(error).toBeUndefined();
		expect(sim.requestsTo('ihuyi:internationalSms:Submit')).toHaveLength(1);
	});

	test('the simulator plays ihuyi: a 【…】 that reaches it is refused with 4070', async () => {
		// The node refuses such text first, so the simulator is asked directly.
		const { apiId, apiKey } = IHUYI_TEST_ACCOUNTS.sms;
		const response = await fetch(`${sim.url}/webservice/sms.php?method=Submit`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ account: apiId, password: apiKey, mobile: '13800138000', content: `【互亿无线】${code}`, format: 'json' }).toString(),
		});
		expect(await response.text()).toBe('{"code":4070,"msg":"签名格式不正确","smsid":"0"}');
	});
});
