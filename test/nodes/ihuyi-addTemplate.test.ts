/**
 * SMS Template → Add (ihuyi AddTemplate) through n8n's engine against the simulator: the
 * template ID on success, ihuyi's AddTemplate codes explained, the MD5 of the key on the wire
 * (never the key, never a dynamic password), bad input refused before any request.
 */
import { createHash } from 'crypto';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { allText, runNode } from '../helpers/n8nHarness';
import { ALL_IHUYI_KEYS, ihuyiCredentials } from '../helpers/ihuyiFixtures';
import { IHUYI_TEST_ACCOUNTS } from '../simulator/ihuyi';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

const TEXT = '您的订单【变量】已发货，快递单号【变量】，请注意查收。';
const addTemplate = (templateText: unknown = TEXT, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'template',
	operation: 'add',
	templateText: templateText as string,
	...extra,
});
const KEY = IHUYI_TEST_ACCOUNTS.sms.apiKey;
const KEY_MD5 = createHash('md5').update(KEY, 'utf8').digest('hex');

/** Every secret form the AddTemplate password could take, for "appears nowhere" checks. */
function expectNoSecret(value: unknown): void {
	const text = allText(value);
	for (const secret of [...ALL_IHUYI_KEYS, KEY_MD5]) expect(text).not.toContain(secret);
}

describe('SMS Template → Add', () => {
	test('files the template and outputs its template ID (a string, though ihuyi sends a number)', async () => {
		const { items, error } = await runNode({ type: 'ihuyi', parameters: addTemplate(), credentials: ihuyiCredentials(sim) });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { provider: 'ihuyi', product: 'sms', success: true, templateId: '20001', templateText: TEXT, code: 2, message: '添加成功' },
				pairedItem: { item: 0 },
			},
		]);
		expect(sim.ihuyi.templateFiling.filed).toEqual([{ id: '20001', text: TEXT, status: 'pending' }]);
	});

	test.each(['dynamicPassword', 'plainApiKey'] as const)('with %s signing, the wire carries the MD5 of the key and nothing else secret', async (signing) => {
		await runNode({ type: 'ihuyi', parameters: addTemplate(), credentials: ihuyiCredentials(sim, {}, signing) });
		const [request] = sim.requestsTo('ihuyi:sms:AddTemplate');
		expect(request.path).toBe('/webservice/sms.php');
		expect(request.query).toEqual({ method: 'AddTemplate' });
		// No `time`: AddTemplate has no dynamic password.
		expect(request.form).toEqual({ method: 'AddTemplate', account: IHUYI_TEST_ACCOUNTS.sms.apiId, password: KEY_MD5, content: TEXT, format: 'json' });
		const wire = request.rawBody.toString('utf8');
		expect(wire).toContain(`password=${KEY_MD5}`);
		expect(wire).not.toContain(KEY);
		expect(wire).not.toContain(encodeURIComponent(KEY));
	});

	test('each item files its own template, in order', async () => {
		const { items } = await runNode({
			type: 'ihuyi',
			parameters: addTemplate('={{ $json.text }}'),
			items: [{ json: { text: TEXT } }, { json: { text: '您的验证码是：【变量】，5分钟内有效。' } }],
			credentials: ihuyiCredentials(sim),
		});
		expect(items.map((item) => item.json.templateId)).toEqual(['20001', '20002']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('an XML answer (older hosts) gives the same template ID', async () => {
		sim.ihuyi.alwaysXml = true;
		const { items } = await runNode({ type: 'ihuyi', parameters: addTemplate(), credentials: ihuyiCredentials(sim) });
		expect(items[0].json.templateId).toBe('20001');
	});

	test('an approved template is sent by its ID afterwards', async () => {
		const { items } = await runNode({ type: 'ihuyi', parameters: addTemplate(), credentials: ihuyiCredentials(sim) });
		const templateId = items[0].json.templateId as string;
		expect(sim.ihuyi.auditTemplate(templateId, true)).toEqual({ code: '2', msg: '审核通过', templateid: templateId });
		const send = await runNode({
			type: 'ihuyi',
			parameters: { resource: 'sms', operation: 'send', sendMode: 'template', mobile: '13800138000', templateId, templateVariables: { variable: [{ value: 'A2024001' }, { value: 'SF123456789' }] } },
			credentials: ihuyiCredentials(sim),
		});
		expect(send.error).toBeUndefined();
		expect(sim.ihuyi.sent.map((message) => message.templateId)).toEqual([templateId]);
	});
});

describe("SMS Template → Add: ihuyi's AddTemplate codes", () => {
	const cases: Array<[string, () => void, Parameters<typeof ihuyiCredentials>[1], INodeParameters, string, RegExp, RegExp, string | undefined]> = [
		['wrong API key (405)', () => undefined, { sms: { apiKey: 'not-the-key' } }, addTemplate(), '405', /Wrong API ID or API key \(ihuyi code 405: 用户名或密码不正确\)/, /Templates belong to the Domestic SMS product/, 'credential-invalid'],
		['wrong API ID (405)', () => undefined, { sms: { apiId: 'C00000000' } }, addTemplate(), '405', /Wrong API ID or API key/, /Domestic SMS product/, 'credential-invalid'],
		['frozen account (4050)', () => (sim.ihuyi.accounts.sms.frozen = true), {}, addTemplate(), '4050', /The account is frozen \(ihuyi code 4050: 账号被冻结\)/, /unfreeze/, 'credential-invalid'],
		['sensitive words (407)', () => undefined, {}, addTemplate('低息贷款，当天到账，回复【变量】'), '407', /The template contains words ihuyi does not allow \(ihuyi code 407: 模板内容含有敏感字符\)/, /reword the template/, 'configuration-invalid'],
	];

	test.each(cases)('%s', async (_name, arrange, overrides, parameters, code, message, hint, cause) => {
		arrange();
		const { error } = await runNode({ type: 'ihuyi', parameters, credentials: ihuyiCredentials(sim, overrides) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toMatch(message);
		expect(error!.description).toMatch(hint);
		expect((error as unknown as { context: { code: string } }).context.code).toBe(code);
		expect((error as unknown as { failure?: { cause: string } }).failure?.cause).toBe(cause);
		expect(sim.requestsTo('ihuyi:sms:AddTemplate')).toHaveLength(1);
		expect(sim.ihuyi.templateFiling.filed).toEqual([]);
		expectNoSecret(error);
	});

	// The node refuses an empty key and an empty text itself, so ihuyi never gets the chance
	// to answer 402 or 404; the answer is rewritten to show the catalogue still explains them.
	test.each([
		['402', '密码不能为空', /The API key is empty \(ihuyi code 402: 密码不能为空\)/],
		['404', '模板内容不能为空', /The template text is empty \(ihuyi code 404: 模板内容不能为空\)/],
	])('%s is explained as AddTemplate means it', async (code, msg, message) => {
		const original = sim.ihuyi.handle.bind(sim.ihuyi);
		sim.ihuyi.handle = (request) => ({ ...original(request), body: Buffer.from(`{"code":${code},"msg":"${msg}"}`) });
		try {
			const { error } = await runNode({ type: 'ihuyi', parameters: addTemplate(), credentials: ihuyiCredentials(sim) });
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error!.message).toMatch(message);
		} finally {
			sim.ihuyi.handle = original;
		}
	});

	test('success without a template ID is an error naming what is missing', async () => {
		sim.injectFault({ kind: 'successWithoutId', route: 'ihuyi:sms:AddTemplate' });
		const { error } = await runNode({ type: 'ihuyi', parameters: addTemplate(), credentials: ihuyiCredentials(sim) });
		expect(error!.message).toBe('ihuyi reported success but its answer has no template id (templateid)');
		expect(sim.ihuyi.templateFiling.filed).toHaveLength(1);
	});

	test('a lost answer is not filed again, not even by Retry On Fail', async () => {
		sim.injectFault({ kind: 'reset', route: 'ihuyi:sms:AddTemplate' });
		const { error, tries } = await runNode({ type: 'ihuyi', parameters: addTemplate(), credentials: ihuyiCredentials(sim), retryOnFail: { maxTries: 3 } });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(tries).toBeGreaterThan(1);
		expect(sim.requestsTo('ihuyi:sms:AddTemplate')).toHaveLength(1);
		expect(sim.ihuyi.templateFiling.filed).toHaveLength(1);
	});

	test('an error page that repeats the request shows no key and no MD5 of it', async () => {
		sim.injectFault({ kind: 'echo', route: 'ihuyi:sms:AddTemplate' });
		const result = await runNode({ type: 'ihuyi', parameters: addTemplate(), credentials: ihuyiCredentials(sim), continueOnFail: true });
		expect(result.items[0].json.success).toBe(false);
		expect(allText(result.items)).toContain('***');
		expectNoSecret([result.items, result.error, result.recordedError]);
	});
});

describe('SMS Template → Add: bad input is refused before any request', () => {
	test.each([
		['empty', '={{ $json.nothing }}', 'Item 0: Template Text is empty'],
		['whitespace', '  \n ', 'Item 0: Template Text is empty'],
		['broken character', '={{ "您的验证码是：【变量】" + "\\ud83d" }}', 'Item 0: Template Text contains a broken character (half of a surrogate pair)'],
		['emoji', '您的验证码是：【变量】👍', 'Item 0: Template Text contains the emoji "👍" at character 12; ihuyi refuses SMS with emoji (code 4074)'],
		['an object', '={{ { text: "x" } }}', 'Item 0: Template Text must be text, but the expression gave an object'],
	])('%s', async (_name, templateText, message) => {
		const { error, items } = await runNode({ type: 'ihuyi', parameters: addTemplate(templateText), credentials: ihuyiCredentials(sim) });
		expect(items).toEqual([]);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toBe(message);
		expect(error!.description).toBeTruthy();
		expect(sim.requests).toHaveLength(0);
	});

	test('one bad item: no template is filed, not even the good ones', async () => {
		const { error } = await runNode({
			type: 'ihuyi',
			parameters: addTemplate('={{ $json.text }}'),
			items: [{ json: { text: TEXT } }, { json: { text: '' } }],
			credentials: ihuyiCredentials(sim),
		});
		expect(error!.message).toBe('Item 1: Template Text is empty');
		expect(sim.requests).toHaveLength(0);
	});

	test('an empty API key is refused before any request', async () => {
		const { error } = await runNode({ type: 'ihuyi', parameters: addTemplate(), credentials: ihuyiCredentials(sim, { sms: { apiKey: ' ' } }) });
		expect(error!.message).toBe('The ihuyi credential has no API key');
		expect(sim.requests).toHaveLength(0);
	});
});
