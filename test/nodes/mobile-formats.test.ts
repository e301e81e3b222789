/**
 * Both action nodes read mobile numbers with the same reader: every way of writing a number
 * that one node accepts, the other accepts, and what reaches the provider is the same
 * 11 digits. Each row runs through both nodes against the simulator and counts the numbers
 * on the wire (ihuyi Submit `mobile`, Jiazhiyuan sendSMS `mobile`).
 */
import { NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import { jiazhiyuanCredentials, jzySend } from '../helpers/jiazhiyuanFixtures';
import { runNode } from '../helpers/n8nHarness';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

type NodeName = 'ihuyi' | 'jiazhiyuan';
const NODES: NodeName[] = ['ihuyi', 'jiazhiyuan'];

/** Runs one send with the number field set to `written`, on the given node. */
async function send(node: NodeName, written: string) {
	const parameters: INodeParameters = node === 'ihuyi' ? smsSend({ mobile: written }) : jzySend({ mobiles: written });
	return await runNode({ type: node, parameters, credentials: node === 'ihuyi' ? ihuyiCredentials(sim) : jiazhiyuanCredentials(sim) });
}

/** Every number the simulator received, in order, from both providers' send methods. */
function numbersOnWire(): string[] {
	return [
		...sim.requestsTo('ihuyi:sms:Submit').map((request) => request.form.mobile),
		...sim.requestsTo('jiazhiyuan:sendSMS').flatMap((request) => request.form.mobile.split(',')),
	];
}

const FIELD: Record<NodeName, string> = { ihuyi: 'Mobile', jiazhiyuan: 'Mobiles' };

// One number, written the ways people write it.
const ONE_NUMBER: Array<[string, string]> = [
	['plain', '13800138000'],
	['+86, a space and dashes', '+86 138-0013-8000'],
	['(+86) and spaces', '(+86) 138 0013 8000'],
	['full-width brackets', '（+86）13800138000'],
	['full-width digits with spaces', '１３８ ００１３ ８０００'],
	['full-width plus and digits', '＋８６ １３８００１３８０００'],
	['0086 and spaces', '0086 138 0013 8000'],
	['86 and a space', '86 13800138000'],
	['dots', '138.0013.8000'],
	['tabs', '138\t0013\t8000'],
	['ideographic spaces', '138\u30000013\u30008000'],
	['no-break spaces', '138\u00a00013\u00a08000'],
	['blanks and a stray comma around it', '  13800138000 , '],
	['a number from an expression', '={{ 13800138000 }}'],
	['a list of one from an expression', '={{ ["+86 138 0013 8000"] }}'],
];

describe.each(NODES)('%s accepts one number written every way', (node) => {
	test.each(ONE_NUMBER)('%s', async (_name, written) => {
		const { error, items } = await send(node, written);
		expect(error).toBeUndefined();
		expect(items[0].json.success).toBe(true);
		expect(numbersOnWire()).toEqual(['13800138000']);
	});
});

// Not a mainland mobile, or not one: both nodes refuse before any request.
const REFUSED: Array<[string, string]> = [
	['too short', '1380013800'],
	['too long', '138001380001'],
	['a landline', '02151234567'],
	['a foreign number', '+85261234567'],
	['a letter O for a zero', '1380013800O'],
	['a number written with spaces next to another', '+86 138 0013 8000 13900139000'],
	['empty', '={{ "" }}'],
	['an object', '={{ { phone: "13800138000" } }}'],
	['a number with decimals', '={{ 13800138000.5 }}'],
];

describe.each(NODES)('%s refuses the same entries before sending', (node) => {
	test.each(REFUSED)('%s', async (_name, written) => {
		const { error } = await send(node, written);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toContain(`Item 0: ${FIELD[node]} `);
		expect(error!.description).toBeTruthy();
		expect(sim.requests).toHaveLength(0);
	});
});

// Several numbers: Jiazhiyuan sends them all in one call; ihuyi takes one number per item.
const LISTS: Array<[string, string, string[]]> = [
	['commas', '13800138000,13900139000', ['13800138000', '13900139000']],
	['full-width comma, semicolon, enumeration comma', '13800138000，13900139000；13700137000、13600136000', ['13800138000', '13900139000', '13700137000', '13600136000']],
	[
		'country codes and separators inside, commas and new lines between',
		'+86 138-0013-8000, (+86) 139 0013 9000\n１３７ ００１３ ７０００',
		['13800138000', '13900139000', '13700137000'],
	],
	['whole numbers separated by spaces', '13800138000 13900139000', ['13800138000', '13900139000']],
	['a list from an expression', '={{ ["+86 138 0013 8000", 13900139000] }}', ['13800138000', '13900139000']],
];

describe('lists', () => {
	test.each(LISTS)('jiazhiyuan sends every number of %s once', async (_name, written, expected) => {
		const { error, items } = await send('jiazhiyuan', written);
		expect(error).toBeUndefined();
		expect(items[0].json.mobiles).toEqual({ count: expected.length, list: expected });
		expect(numbersOnWire()).toEqual(expected);
	});

	test.each(LISTS)('ihuyi refuses %s: one number per message', async (_name, written, expected) => {
		const { error } = await send('ihuyi', written);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toBe(`Item 0: Mobile holds ${expected.length} numbers; ihuyi sends each message to one number`);
		expect(sim.requests).toHaveLength(0);
	});
});
