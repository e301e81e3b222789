/**
 * Dry Run on every ihuyi send: the item shows what would go out and nothing reaches the
 * provider. What it shows is checked against what a real send of the same item puts on
 * the wire, and a bad item fails exactly as it fails in a real send.
 */
import type { INodeParameters } from 'n8n-workflow';

import { Ihuyi } from '../../nodes/Ihuyi/Ihuyi.node';
import { runNode } from '../helpers/n8nHarness';
import { ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';
import { expectSameRefusal } from '../helpers/expectSameRefusal';

let sim: Simulator;
useSimulator((started) => (sim = started));

const dry = (parameters: INodeParameters): INodeParameters => ({
	...parameters,
	options: { ...((parameters.options as object) ?? {}), dryRun: true },
});
const template = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'send',
	sendMode: 'template',
	mobile: '13800138000',
	templateId: '1',
	templateVariables: { variable: [{ value: '1234' }, { value: '5' }] } as never,
	...extra,
});
const intl = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'internationalSms',
	operation: 'send',
	numberFormat: 'e164',
	phoneNumber: '+852 6123-4567',
	content: 'Your verification code is 1125',
	...extra,
});
const voice = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'voiceCode',
	operation: 'send',
	mobile: '+86 138 0013 8000',
	codeSource: 'provided',
	code: '１１２５',
	...extra,
});

const notification = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'voiceNotification',
	operation: 'send',
	mobile: '+86 21 5123 4567',
	content: '您好，您预约的体检将于明天上午9点开始，请准时到达。',
	...extra,
});

async function dryRun(parameters: INodeParameters, items?: Array<{ json: object }>) {
	const result = await runNode({ type: 'ihuyi', parameters: dry(parameters), credentials: ihuyiCredentials(sim), items: items as never });
	expect(sim.requests).toHaveLength(0);
	return result;
}

describe('ihuyi Dry Run shows what would go out and sends nothing', () => {
	test('SMS, full text: the normalised number, the content, segments with the signature, billed messages', async () => {
		const { items, error } = await dryRun(smsSend({ mobile: '+86 138-0013-8000', content: '您的验证码是：1234。', options: { signature: '互亿无线' } }));
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					provider: 'ihuyi',
					product: 'sms',
					success: true,
					dryRun: true,
					mobile: '13800138000',
					content: '您的验证码是：1234。',
					segments: 1,
					segmentsIncludeSignature: true,
					billedMessages: 1,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('SMS, full text: a long text is billed per 67 characters', async () => {
		const { items } = await dryRun(smsSend({ content: '字'.repeat(140) }));
		expect(items[0].json).toMatchObject({ dryRun: true, segments: 3, billedMessages: 3, segmentsIncludeSignature: false });
	});

	test('SMS, template: the template ID and the variables as ihuyi receives them', async () => {
		const { items, error } = await dryRun(template());
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			provider: 'ihuyi',
			product: 'sms',
			success: true,
			dryRun: true,
			mobile: '13800138000',
			content: '1234|5',
			segments: null,
			templateId: '1',
			billedMessages: null,
		});
	});

	test('International SMS: the number in ihuyi\'s "<country code> <number>" form and GSM segments', async () => {
		const { items, error } = await dryRun(intl({ content: 'a'.repeat(161) }));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			provider: 'ihuyi',
			product: 'internationalSms',
			success: true,
			dryRun: true,
			mobile: '852 61234567',
			content: 'a'.repeat(161),
			segments: 2,
			billedMessages: 2,
		});
	});

	test('Voice Code: the code that would be read out, one billed message', async () => {
		const { items, error } = await dryRun(voice());
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			provider: 'ihuyi',
			product: 'voiceCode',
			success: true,
			dryRun: true,
			mobile: '13800138000',
			content: '1125',
			verificationCode: '1125',
			billedMessages: 1,
		});
	});

	test('Voice Code: a generated code of the chosen length', async () => {
		const { items } = await dryRun(voice({ codeSource: 'generate', codeLength: 4 }));
		expect(items[0].json.verificationCode).toMatch(/^\d{4}$/);
		expect(items[0].json.content).toBe(items[0].json.verificationCode);
	});

	test('many items: one preview per item, in order, paired, with Max Concurrent Requests', async () => {
		const phones = ['13800138000', '13900139000', '13700137000'];
		const { items } = await dryRun(
			smsSend({ mobile: '={{ $json.phone }}', content: '=您的验证码是：{{ $json.code }}。', options: { maxConcurrency: 3 } }),
			phones.map((phone, index) => ({ json: { phone, code: String(1000 + index) } })),
		);
		expect(items.map((item) => [item.json.mobile, item.json.content, item.pairedItem])).toEqual(
			phones.map((phone, index) => [phone, `您的验证码是：${1000 + index}。`, { item: index }]),
		);
	});
});

describe('what a dry run shows is what the send puts on the wire', () => {
	const SENDS: Array<[string, INodeParameters, string]> = [
		['SMS, full text', smsSend({ mobile: '（+86）138 0013 8000' }), 'ihuyi:sms:Submit'],
		['SMS, template', template({ templateVariables: { variable: [{ value: '1234' }] } as never }), 'ihuyi:sms:Submit'],
		['International SMS', intl({ numberFormat: 'separate', countryCode: '+65', nationalNumber: '9123 4567' }), 'ihuyi:internationalSms:Submit'],
		['Voice Code', voice(), 'ihuyi:voiceCode:Submit'],
		['Voice Notification, fixed line', notification(), 'ihuyi:voiceNotification:Submit'],
	];

	test.each(SENDS)('%s', async (_name, parameters, route) => {
		const preview = (await dryRun(parameters)).items[0].json;
		const sent = await runNode({ type: 'ihuyi', parameters, credentials: ihuyiCredentials(sim) });
		expect(sent.error).toBeUndefined();
		const [request] = sim.requestsTo(route);
		expect(sim.requests).toHaveLength(1);
		expect(preview.mobile).toBe(request.form.mobile);
		expect(preview.content).toBe(request.form.content);
		expect(preview.templateId).toBe(request.form.templateid);
		// Every field the two outputs share means the same and holds the same.
		const { dryRun: _dry, content: _content, billedMessages: _billed, ...shared } = preview;
		expect(sent.items[0].json).toMatchObject(shared);
		// ihuyi bills a voice call as one message; a template's text is assembled by ihuyi, so unknown.
		const billed = String(parameters.resource).startsWith('voice') ? 1 : parameters.sendMode === 'template' ? null : sim.ihuyi.sent[0].segments;
		expect(preview.billedMessages).toBe(billed);
	});
});

describe('a bad item fails in a dry run exactly as in a send', () => {
	const BAD: Array<[string, INodeParameters]> = [
		['SMS with two numbers', smsSend({ mobile: '13800138000,13900139000' })],
		['SMS with emoji', smsSend({ content: '您的验证码是：1234😀' })],
		['SMS over 300 characters', smsSend({ content: '字'.repeat(301) })],
		['template with "|" in a variable', template({ templateVariables: { variable: [{ value: '12|34' }] } as never })],
		['template ID not a number', template({ templateId: 'abc' })],
		['international without country code', intl({ phoneNumber: '61234567' })],
		['voice code of 3 digits', voice({ code: '123' })],
		['voice to a landline', voice({ mobile: '02151234567' })],
		['voice notification over 180 characters', notification({ content: '字'.repeat(181) })],
		['voice notification to a fixed line with an extension', notification({ mobile: '021-51234567-801' })],
	];

	test.each(BAD)('%s', async (_name, parameters) => {
		const real = await runNode({ type: 'ihuyi', parameters, credentials: ihuyiCredentials(sim) });
		const preview = await dryRun(parameters);
		expectSameRefusal(real, preview, sim);
	});

	test('with Continue On Fail the bad item is the same error item and the good one a preview', async () => {
		const parameters = smsSend({ mobile: '={{ $json.phone }}' });
		const inputs = [{ json: { phone: '1380013800' } }, { json: { phone: '13900139000' } }];
		const preview = await runNode({ type: 'ihuyi', parameters: dry(parameters), credentials: ihuyiCredentials(sim), items: inputs, continueOnFail: true });
		expect(sim.requests).toHaveLength(0);
		const real = await runNode({ type: 'ihuyi', parameters, credentials: ihuyiCredentials(sim), items: inputs, continueOnFail: true });
		expect(preview.items[0]).toEqual(real.items[0]);
		expect(preview.items[0].json.error).toBeDefined();
		expect(preview.items[1].json).toMatchObject({ dryRun: true, mobile: '13900139000' });
		expect(sim.requests).toHaveLength(1);
	});
});

describe('an agent learns that it can preview a send', () => {
	const description = new Ihuyi().description;

	test('the node description, the default description of the node as a tool, names Dry Run', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.description).toMatch(/Dry Run option of a send to preview it/);
	});

	test.each(['sms', 'internationalSms', 'voiceCode', 'voiceNotification'])('%s → Send offers Dry Run, described as a preview that sends nothing', (resource) => {
		const options = description.properties.find(
			(property) => property.name === 'options' && property.displayOptions?.show?.resource?.includes(resource) && property.displayOptions.show.operation?.includes('send'),
		);
		const dryRunOption = (options?.options as Array<{ name: string; type: string; default: unknown; description: string }>).find((option) => option.name === 'dryRun');
		expect(dryRunOption).toMatchObject({ type: 'boolean', default: false });
		expect(dryRunOption!.description).toMatch(/preview the send.*nothing is sent or billed/);
	});
});
