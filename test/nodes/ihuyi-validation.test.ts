import { NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/n8nHarness';
import { ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

const template = (variables: unknown[], extra: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'send',
	sendMode: 'template',
	mobile: '13800138000',
	templateId: '1',
	templateVariables: { variable: variables.map((value) => ({ value })) } as never,
	...extra,
});
const intl = (extra: INodeParameters): INodeParameters => ({
	resource: 'internationalSms',
	operation: 'send',
	numberFormat: 'e164',
	phoneNumber: '+85261234567',
	content: 'Your code is 1125',
	...extra,
});
const voice = (extra: INodeParameters): INodeParameters => ({
	resource: 'voiceCode',
	operation: 'send',
	mobile: '13800138000',
	codeSource: 'provided',
	code: '1125',
	...extra,
});

// Each case: the parameters, the field the message must name, and a word of the reason.
const CASES: Array<[string, INodeParameters, string, RegExp]> = [
	['missing mobile', smsSend({ mobile: '={{ $json.missing }}' }), 'Mobile', /is empty/],
	['whitespace mobile', smsSend({ mobile: '   ' }), 'Mobile', /is empty/],
	['short mobile', smsSend({ mobile: '1380013800' }), 'Mobile', /11 digits/],
	['landline', smsSend({ mobile: '02151234567' }), 'Mobile', /11 digits/],
	['foreign number on domestic SMS', smsSend({ mobile: '+85261234567' }), 'Mobile', /foreign country code/],
	['two numbers in one field', smsSend({ mobile: '13800138000,13900139000' }), 'Mobile', /holds 2 numbers/],
	['mobile from an object expression', smsSend({ mobile: '={{ { a: 1 } }}' }), 'Mobile', /an object/],
	['empty content', smsSend({ content: '={{ $json.missing }}' }), 'Content', /is empty/],
	['whitespace content', smsSend({ content: ' \n ' }), 'Content', /is empty/],
	['content over 300 characters', smsSend({ content: '字'.repeat(301) }), 'Content', /301 characters long; ihuyi accepts at most 300/],
	['international content over 500 characters', intl({ content: 'a'.repeat(501) }), 'Content', /501 characters long; ihuyi accepts at most 500/],
	['emoji in domestic content', smsSend({ content: '您的验证码是：1234😀' }), 'Content', /emoji "😀" at character 12/],
	['lone surrogate', smsSend({ content: '=abc{{ "\\ud83d" }}' }), 'Content', /broken character/],
	['template without variables', template([]), 'Template Variables', /is empty/],
	['| inside a variable', template(['12|34']), 'Template Variables → variable 1', /contains "\|"/],
	['empty variable', template(['1234', '']), 'Template Variables → variable 2', /is empty/],
	['template id not a number', template(['1234'], { templateId: 'abc' }), 'Template ID', /not a number/],
	['international number without country code', intl({ phoneNumber: '61234567' }), 'Phone Number', /no country code/],
	['international unknown country code', intl({ numberFormat: 'separate', countryCode: '999', nationalNumber: '61234567' }), 'Country Code / National Number', /not a known ITU/],
	['international empty content', intl({ content: '={{ $json.missing }}' }), 'Content', /is empty/],
	['voice code too short', voice({ code: '123' }), 'Code', /not 4 to 6 digits/],
	['voice code too long', voice({ code: '1234567' }), 'Code', /not 4 to 6 digits/],
	['voice code with letters', voice({ code: '12a4' }), 'Code', /not 4 to 6 digits/],
	['voice code empty', voice({ code: '={{ $json.missing }}' }), 'Code', /is empty/],
	['voice mobile malformed', voice({ mobile: '1234' }), 'Mobile', /11 digits/],
];

describe('ihuyi validation happens before any request', () => {
	test.each(CASES)('%s', async (_name, parameters, field, reason) => {
		const { error, items } = await runNode({ type: 'ihuyi', parameters, credentials: ihuyiCredentials(sim) });
		expect(items).toEqual([]);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toContain(`Item 0: ${field}`);
		expect(error!.message).toMatch(reason);
		expect(error!.description).toBeTruthy();
		expect(sim.requests).toHaveLength(0);
	});

	test('one invalid item stops the node before the valid items are sent', async () => {
		const { error } = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ mobile: '={{ $json.phone }}' }),
			credentials: ihuyiCredentials(sim),
			items: [{ json: { phone: '13800138000' } }, { json: { phone: '13900139000' } }, { json: { phone: 'nope' } }],
		});
		expect(error!.message).toContain('Item 2: Mobile');
		expect(sim.requests).toHaveLength(0);
	});

	test('with Continue On Fail the invalid item becomes an error item and the others are sent', async () => {
		const { error, items } = await runNode({
			type: 'ihuyi',
			parameters: smsSend({ mobile: '={{ $json.phone }}' }),
			credentials: ihuyiCredentials(sim),
			continueOnFail: true,
			items: [{ json: { phone: '13800138000' } }, { json: { phone: 'nope' } }, { json: { phone: '13700137000' } }],
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json).toMatchObject({ success: true, mobile: '13800138000' });
		expect(items[1].json).toMatchObject({ success: false, error: { message: expect.stringContaining('Item 1: Mobile') } });
		expect(items[2].json).toMatchObject({ success: true, mobile: '13700137000' });
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sim.ihuyi.sent.map((message) => message.mobile)).toEqual(['13800138000', '13700137000']);
	});
});
