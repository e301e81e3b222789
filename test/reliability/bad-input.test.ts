/**
 * Bad input costs nothing: every case below is refused with a NodeOperationError that names
 * the item and the field, and the simulator receives no request at all. Table-driven over
 * every operation of both action nodes; the triggers' bad requests are in the last table.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { Ihuyi } from '../../nodes/Ihuyi/Ihuyi.node';
import { IhuyiTrigger } from '../../nodes/IhuyiTrigger/IhuyiTrigger.node';
import { Jiazhiyuan } from '../../nodes/Jiazhiyuan/Jiazhiyuan.node';
import { JiazhiyuanTrigger } from '../../nodes/JiazhiyuanTrigger/JiazhiyuanTrigger.node';
import { ihuyiCredentials } from '../helpers/ihuyiFixtures';
import { jiazhiyuanCredentials } from '../helpers/jiazhiyuanFixtures';
import { runNode } from '../helpers/n8nHarness';
import { createPoller } from '../helpers/pollHarness';
import { serveWebhook } from '../helpers/webhookHarness';
import type { Simulator } from '../simulator/server';
import { count } from './summary';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

type Case = [name: string, node: 'ihuyi' | 'jiazhiyuan', parameters: INodeParameters, field: string, credentials?: Record<string, ICredentialDataDecryptedObject>];

const sms = (extra: INodeParameters): INodeParameters => ({ resource: 'sms', operation: 'send', sendMode: 'fullText', mobile: '13800138000', content: '您的验证码是：1234。', ...extra });
const template = (values: unknown[]): INodeParameters => ({ resource: 'sms', operation: 'send', sendMode: 'template', mobile: '13800138000', templateId: '1', templateVariables: { variable: values.map((value) => ({ value })) } as never });
const intl = (extra: INodeParameters): INodeParameters => ({ resource: 'internationalSms', operation: 'send', numberFormat: 'e164', phoneNumber: '+85261234567', content: 'Code 1125', ...extra });
const voice = (extra: INodeParameters): INodeParameters => ({ resource: 'voiceCode', operation: 'send', mobile: '13800138000', codeSource: 'provided', code: '1125', ...extra });
const notification = (extra: INodeParameters): INodeParameters => ({ resource: 'voiceNotification', operation: 'send', sendMode: 'fullText', mobile: '02151234567', content: '您好，您预约的体检将于明天上午9点开始，请准时到达。', ...extra });
const jzy = (extra: INodeParameters): INodeParameters => ({ resource: 'sms', operation: 'send', mobiles: '13800138000', content: '【嘉之元】测试', smsType: 'default', ...extra });
const EMPTY = '={{ $json.nothing }}';

const CASES: Case[] = [
	// ihuyi SMS: Send
	['mobile empty', 'ihuyi', sms({ mobile: EMPTY }), 'Mobile'],
	['mobile whitespace', 'ihuyi', sms({ mobile: '={{ "   " }}' }), 'Mobile'],
	['mobile too short', 'ihuyi', sms({ mobile: '1380013800' }), 'Mobile'],
	['mobile too long', 'ihuyi', sms({ mobile: '138001380000' }), 'Mobile'],
	['mobile foreign', 'ihuyi', sms({ mobile: '+447700900123' }), 'Mobile'],
	['mobile landline', 'ihuyi', sms({ mobile: '02151234567' }), 'Mobile'],
	['mobile with letters', 'ihuyi', sms({ mobile: '1380013800O' }), 'Mobile'],
	['mobile: two numbers', 'ihuyi', sms({ mobile: '13800138000;13900139000' }), 'Mobile'],
	['mobile: 20,001 numbers', 'ihuyi', sms({ mobile: `={{ Array.from({ length: 20001 }, (_, i) => '135' + String(i).padStart(8, '0')).join(',') }}` }), 'Mobile'],
	['mobile as an object', 'ihuyi', sms({ mobile: '={{ { phone: "13800138000" } }}' }), 'Mobile'],
	['mobile as a list of two', 'ihuyi', sms({ mobile: '={{ ["13800138000", "13900139000"] }}' }), 'Mobile'],
	['mobile null', 'ihuyi', sms({ mobile: '={{ null }}' }), 'Mobile'],
	['mobile as a float', 'ihuyi', sms({ mobile: '={{ 13800138000.5 }}' }), 'Mobile'],
	['content empty', 'ihuyi', sms({ content: EMPTY }), 'Content'],
	['content whitespace', 'ihuyi', sms({ content: '={{ "\\n\\t " }}' }), 'Content'],
	['content 301 characters', 'ihuyi', sms({ content: '字'.repeat(301) }), 'Content'],
	['template variables over 300 characters', 'ihuyi', template(['1'.repeat(301)]), 'Template Variables'],
	['content with emoji', 'ihuyi', sms({ content: '验证码 1234 👍' }), 'Content'],
	['content with a flag emoji', 'ihuyi', sms({ content: '您好🇨🇳' }), 'Content'],
	['content with a 【signature】', 'ihuyi', sms({ content: '【互亿无线】您的验证码是：1234。' }), 'Content'],
	['content with a lone surrogate', 'ihuyi', sms({ content: '={{ "验证码" + "\\ud800" }}' }), 'Content'],
	['content as an object', 'ihuyi', sms({ content: '={{ { text: "hi" } }}' }), 'Content'],
	['template without variables', 'ihuyi', template([]), 'Template Variables'],
	['template variable with |', 'ihuyi', template(['12|34']), 'Template Variables → variable 1'],
	['template variable empty', 'ihuyi', template(['']), 'Template Variables → variable 1'],
	['template variable as an object', 'ihuyi', template(['={{ { a: 1 } }}']), 'Template Variables → variable 1'],
	['template id not numeric', 'ihuyi', { ...template(['1234']), templateId: 'abc' }, 'Template ID'],
	// ihuyi SMS Template: Add
	['template text empty', 'ihuyi', { resource: 'template', operation: 'add', templateText: EMPTY }, 'Template Text'],
	['template text with emoji', 'ihuyi', { resource: 'template', operation: 'add', templateText: '您的验证码是：【变量】😀' }, 'Template Text'],
	['template text as an object', 'ihuyi', { resource: 'template', operation: 'add', templateText: '={{ { a: 1 } }}' }, 'Template Text'],
	// ihuyi International SMS: Send
	['international without country code', 'ihuyi', intl({ phoneNumber: '61234567' }), 'Phone Number'],
	['international unknown country code', 'ihuyi', intl({ phoneNumber: '+99961234567' }), 'Phone Number'],
	['international too short', 'ihuyi', intl({ phoneNumber: '+852123' }), 'Phone Number'],
	['international with letters', 'ihuyi', intl({ numberFormat: 'separate', countryCode: '852', nationalNumber: '6123ABCD' }), 'Country Code / National Number'],
	['international content empty', 'ihuyi', intl({ content: EMPTY }), 'Content'],
	['international content 501 characters', 'ihuyi', intl({ content: 'a'.repeat(501) }), 'Content'],
	// ihuyi Voice Code: Send
	['voice code 3 digits', 'ihuyi', voice({ code: '123' }), 'Code'],
	['voice code 7 digits', 'ihuyi', voice({ code: '1234567' }), 'Code'],
	['voice code with letters', 'ihuyi', voice({ code: 'A123' }), 'Code'],
	['voice code with a space', 'ihuyi', voice({ code: '12 34' }), 'Code'],
	['voice code as a number with decimals', 'ihuyi', voice({ code: '={{ 1234.5 }}' }), 'Code'],
	['voice mobile malformed', 'ihuyi', voice({ mobile: '123' }), 'Mobile'],
	// ihuyi Voice Notification: Send
	['voice notification: a fixed line without its area code', 'ihuyi', notification({ mobile: '51234567' }), 'Mobile'],
	['voice notification: a fixed line with an extension', 'ihuyi', notification({ mobile: '021-51234567转801' }), 'Mobile'],
	['voice notification: a mobile and a fixed line', 'ihuyi', notification({ mobile: '13800138000, 021-51234567' }), 'Mobile'],
	['voice notification: text of 181 characters', 'ihuyi', notification({ content: '字'.repeat(181) }), 'Content'],
	['voice notification: text with 【变量】 left in', 'ihuyi', notification({ content: '您好，您预约的【变量】将于明天开始。' }), 'Content'],
	['voice notification: text with emoji', 'ihuyi', notification({ content: '您的快递到了📦' }), 'Content'],
	['voice notification: template variables over 180 characters', 'ihuyi', notification({ sendMode: 'template', templateId: '10001', templateVariables: { variable: [{ value: '字'.repeat(100) }, { value: '字'.repeat(81) }] } as never }), 'Template Variables'],
	['voice notification: template id not numeric', 'ihuyi', notification({ sendMode: 'template', templateId: 'T1', templateVariables: { variable: [{ value: '体检' }] } as never }), 'Template ID'],
	// ihuyi Push: Read (the input item is not a Webhook node's push)
	['push read: an item that is not a request', 'ihuyi', { resource: 'push', operation: 'read', product: 'sms', events: ['deliveryReceipt'] }, 'Content-Type'],
	['push read: a token credential without a token', 'ihuyi', { resource: 'push', operation: 'read', authentication: 'secretToken', events: ['deliveryReceipt'] }, 'credential', { ihuyiTriggerTokenApi: { token: '' } }],
	// ihuyi credentials with empty fields (any operation)
	['ihuyi credential without API ID', 'ihuyi', { resource: 'sms', operation: 'getBalance' }, 'credential', { ihuyiSmsApi: { apiId: '', apiKey: 'k', signing: 'dynamicPassword' } }],
	['ihuyi credential without API key', 'ihuyi', sms({}), 'credential', { ihuyiSmsApi: { apiId: 'C1', apiKey: ' ', signing: 'dynamicPassword' } }],
	['ihuyi international credential without API key', 'ihuyi', { resource: 'internationalSms', operation: 'getBalance' }, 'credential', { ihuyiInternationalSmsApi: { apiId: 'I1', apiKey: '', signing: 'dynamicPassword' } }],
	['ihuyi voice credential without API ID', 'ihuyi', { resource: 'voiceCode', operation: 'getBalance' }, 'credential', { ihuyiVoiceApi: { apiId: ' ', apiKey: 'k', signing: 'dynamicPassword' } }],
	['ihuyi voice notification credential without API key', 'ihuyi', { resource: 'voiceNotification', operation: 'getBalance' }, 'credential', { ihuyiVoiceNotificationApi: { apiId: 'M1', apiKey: '', signing: 'dynamicPassword' } }],
	// Jiazhiyuan SMS: Send
	['jzy numbers empty', 'jiazhiyuan', jzy({ mobiles: EMPTY }), 'Mobiles'],
	['jzy numbers empty list', 'jiazhiyuan', jzy({ mobiles: '={{ [] }}' }), 'Mobiles'],
	['jzy numbers malformed', 'jiazhiyuan', jzy({ mobiles: '13800138000,12345' }), 'Mobiles'],
	['jzy numbers foreign', 'jiazhiyuan', jzy({ mobiles: '+85261234567' }), 'Mobiles'],
	['jzy numbers as an object', 'jiazhiyuan', jzy({ mobiles: '={{ { a: 1 } }}' }), 'Mobiles'],
	['jzy content empty', 'jiazhiyuan', jzy({ content: EMPTY }), 'Content'],
	['jzy content with emoji', 'jiazhiyuan', jzy({ content: '【嘉之元】大促🎉' }), 'Content'],
	['jzy content outside GBK', 'jiazhiyuan', jzy({ content: '【嘉之元】สวัสดี' }), 'Content'],
	['jzy content with a lone surrogate', 'jiazhiyuan', jzy({ content: '={{ "ab\\udfff" }}' }), 'Content'],
	['jzy content over 1,000 characters', 'jiazhiyuan', jzy({ content: '字'.repeat(1001) }), 'Content'],
	['jzy extension number with letters', 'jiazhiyuan', jzy({ options: { extenno: '12a' } }), 'Extension Number'],
	['jzy extension number too long', 'jiazhiyuan', jzy({ options: { extenno: '1234567890123' } }), 'Extension Number'],
	// Jiazhiyuan Account
	['jzy new password too short', 'jiazhiyuan', { resource: 'account', operation: 'changePassword', newPassword: 'a1' }, 'New Password'],
	['jzy new password letters only', 'jiazhiyuan', { resource: 'account', operation: 'changePassword', newPassword: 'password' }, 'New Password'],
	['jzy new password with Chinese', 'jiazhiyuan', { resource: 'account', operation: 'changePassword', newPassword: '密码abc123' }, 'New Password'],
	['jzy credential without username', 'jiazhiyuan', { resource: 'account', operation: 'getBalance' }, 'credential', { jiazhiyuanApi: { username: '', password: 'x', smsType: '1' } }],
	['jzy credential without password (reports)', 'jiazhiyuan', { resource: 'report', operation: 'getDeliveryReports' }, 'credential', { jiazhiyuanApi: { username: 'u', password: '', smsType: '1' } }],
	['jzy credential without username (replies)', 'jiazhiyuan', { resource: 'report', operation: 'getReplies' }, 'credential', { jiazhiyuanApi: { username: ' ', password: 'x', smsType: '1' } }],
];

describe('bad input is refused before any request', () => {
	// Rows have 4 or 5 entries: pass each row whole, or jest would take a missing 5th for `done`.
	test.each(CASES.map((row) => [row[0], row] as const))('%s', async (_name, [, node, parameters, field, credentials]) => {
		const creds = credentials
			? Object.fromEntries(Object.entries(credentials).map(([type, data]) => [type, { ...data, baseUrl: sim.url }]))
			: node === 'ihuyi'
				? ihuyiCredentials(sim)
				: jiazhiyuanCredentials(sim);
		const { error, items } = await runNode({ type: node, parameters, credentials: creds });
		count('bad input (action nodes)', 'cases');
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(items).toEqual([]);
		if (field === 'credential') expect(error!.message).toMatch(/credential has no/);
		else expect(error!.message).toContain(`Item 0: ${field}`);
		expect(error!.description).toBeTruthy();
		expect(sim.requests).toHaveLength(0);
		count('bad input (action nodes)', 'rejectedBeforeSending');
	});

	test.each([
		['ihuyi', new Ihuyi()],
		['jiazhiyuan', new Jiazhiyuan()],
	] as const)('every operation of the %s node has a case above', (node, type) => {
		const operations = type.description.properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.displayOptions?.show?.resource ?? []).flatMap((resource) =>
					(property.options as Array<{ value: string }>).map((option) => `${String(resource)}:${option.value}`),
				),
			);
		const covered = new Set(CASES.filter((row) => row[1] === node).map(([, , parameters]) => `${String(parameters.resource)}:${String(parameters.operation)}`));
		expect(operations.length).toBeGreaterThan(0);
		expect(operations.filter((operation) => !covered.has(operation))).toEqual([]);
	});
});

describe('bad requests to the triggers start nothing', () => {
	const PUSHES: Array<[string, string, string, number]> = [
		['empty body', '', 'application/x-www-form-urlencoded', 400],
		['JSON list', '[]', 'application/json', 415],
		['no phone number', 'code=2&smsid=1', 'application/x-www-form-urlencoded', 400],
		['receipt without id', 'code=2&mobilephone=13800138000', 'application/x-www-form-urlencoded', 400],
		['field given twice', 'code=2&code=1&mobilephone=13800138000&smsid=1', 'application/x-www-form-urlencoded', 400],
		['oversized field', `mobilephone=13800138000&content=${'x'.repeat(3000)}&smsid=1`, 'application/x-www-form-urlencoded', 413],
		['too many fields', Array.from({ length: 40 }, (_, i) => `f${i}=1`).join('&'), 'application/x-www-form-urlencoded', 413],
		['plain text', 'success', 'text/plain', 415],
	];
	test.each(PUSHES)('Ihuyi Trigger: %s → %d', async (_name, body, contentType, status) => {
		const server = await serveWebhook(new IhuyiTrigger(), { product: 'sms', events: ['deliveryReceipt', 'reply', 'templateAudit'], options: {} });
		try {
			const response = await fetch(server.url, { method: 'POST', headers: { 'Content-Type': contentType }, body });
			count('bad input (triggers)', 'cases');
			expect(response.status).toBe(status);
			expect(await response.text()).not.toBe('success');
			expect(server.emitted).toHaveLength(0);
			count('bad input (triggers)', 'rejectedBeforeSending');
		} finally {
			await server.close();
		}
	});

	test('Jiazhiyuan Trigger with an empty credential field asks nothing of the provider', async () => {
		const poller = createPoller(new JiazhiyuanTrigger(), { events: ['deliveryReports'] }, { jiazhiyuanApi: { username: 'u', password: '', baseUrl: sim.url, smsType: '1' } });
		count('bad input (triggers)', 'cases');
		await expect(poller.poll()).rejects.toThrow(/credential has no password/);
		expect(sim.requests).toHaveLength(0);
		count('bad input (triggers)', 'rejectedBeforeSending');
	});
});
