/**
 * Dry Run on Jiazhiyuan's Send: combining, skipping of repeats and splitting into calls of
 * 20,000 run as in a send, nothing reaches the platform, and the calls each item shows are
 * checked against the calls a real send of the same items makes.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Jiazhiyuan } from '../../nodes/Jiazhiyuan/Jiazhiyuan.node';
import { runNode } from '../helpers/n8nHarness';
import { jiazhiyuanCredentials, jzySend, numbers } from '../helpers/jiazhiyuanFixtures';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';
import { expectSameRefusal } from '../helpers/expectSameRefusal';

let sim: Simulator;
useSimulator((started) => (sim = started));
beforeEach(() => {
	sim.jiazhiyuan.autoReports = false;
	sim.jiazhiyuan.balances.gateSmsNum = 1_000_000;
});

interface Share {
	index: number;
	count: number;
	mobiles: { count: number; first: string; last: string };
}

const withOptions = (parameters: INodeParameters, options: IDataObject): INodeParameters => ({
	...parameters,
	options: { ...((parameters.options as IDataObject) ?? {}), ...options } as INodeParameters,
});

async function run(parameters: INodeParameters, inputs: IDataObject[] = [{}], dryRun = true, continueOnFail = false) {
	return await runNode({
		type: 'jiazhiyuan',
		parameters: dryRun ? withOptions(parameters, { dryRun: true }) : parameters,
		credentials: jiazhiyuanCredentials(sim),
		items: inputs.map((json) => ({ json })),
		continueOnFail,
	});
}

/** The numbers of every call, rebuilt from the previews: each item's first…last of its list. */
function callsFromPreview(items: INodeExecutionData[]): Array<{ count: number; mobiles: string[] }> {
	const calls: Array<{ count: number; mobiles: string[] }> = [];
	for (const { json } of items) {
		const list = (json.mobiles as { list: string[] }).list;
		for (const share of (json.calls as { list: Share[] }).list) {
			const start = list.indexOf(share.mobiles.first);
			const numbersInCall = list.slice(start, list.indexOf(share.mobiles.last) + 1);
			expect(numbersInCall).toHaveLength(share.mobiles.count);
			calls[share.index] ??= { count: share.count, mobiles: [] };
			expect(calls[share.index].count).toBe(share.count);
			calls[share.index].mobiles.push(...numbersInCall);
		}
	}
	return calls;
}

function callsOnTheWire(): Array<{ count: number; mobiles: string[] }> {
	return sim.requestsTo('jiazhiyuan:sendSMS').map((call) => {
		const mobiles = call.form.mobile.split(',');
		return { count: mobiles.length, mobiles };
	});
}

describe('Jiazhiyuan Dry Run shows what would go out and sends nothing', () => {
	test('one item: numbers, content, segments, billed messages and its one call', async () => {
		const { items, error } = await run(jzySend({ mobiles: '13866194295, +86 153-7542-7702, 13866194295', content: '【嘉之元】短信测试' }));
		expect(error).toBeUndefined();
		expect(sim.requests).toHaveLength(0);
		expect(items).toEqual([
			{
				json: {
					provider: 'jiazhiyuan',
					success: true,
					dryRun: true,
					mobiles: { count: 2, list: ['13866194295', '15375427702'] },
					duplicatesRemoved: 1,
					repeatsSkipped: { count: 0, list: [] },
					segments: 1,
					smsType: '1',
					longSms: false,
					content: '【嘉之元】短信测试',
					extensionNumber: null,
					billedMessages: 2,
					calls: { count: 1, list: [{ index: 0, count: 2, mobiles: { count: 2, first: '13866194295', last: '15375427702' } }] },
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('SMS type, long SMS and extension number as the send puts them on the wire', async () => {
		const parameters = jzySend({ content: `【嘉之元】${'长'.repeat(80)}`, smsType: '2', options: { extenno: '123' } });
		const { items } = await run(parameters);
		expect(sim.requests).toHaveLength(0);
		expect(items[0].json).toMatchObject({ smsType: '2', longSms: true, extensionNumber: '123', segments: 2, billedMessages: 2 });
		await run(parameters, [{}], false);
		const [sent] = sim.jiazhiyuan.sent;
		expect(sent).toMatchObject({ smsType: '2', isLongSms: '1', extenno: '123', content: items[0].json.content });
	});

	test('50,000 numbers: 3 calls of at most 20,000, each shown by its size and first and last number', async () => {
		const list = numbers(50000);
		const { items, error } = await run(jzySend({ mobiles: '={{ $json.list }}', content: '【嘉之元】年终大促，全场五折！回TD退订' }), [{ list }]);
		expect(error).toBeUndefined();
		expect(sim.requests).toHaveLength(0);
		expect(items[0].json.calls).toEqual({
			count: 3,
			list: [
				{ index: 0, count: 20000, mobiles: { count: 20000, first: list[0], last: list[19999] } },
				{ index: 1, count: 20000, mobiles: { count: 20000, first: list[20000], last: list[39999] } },
				{ index: 2, count: 10000, mobiles: { count: 10000, first: list[40000], last: list[49999] } },
			],
		});
		expect(items[0].json.billedMessages).toBe(50000);
		// Bounded: apart from the item's own list, the preview holds no copy of the numbers.
		const { mobiles: _mobiles, ...rest } = items[0].json;
		expect(JSON.stringify(rest).length).toBeLessThan(1000);
	});
});

describe('the calls a dry run shows are the calls the send makes', () => {
	const A = '【嘉之元】A';
	const CASES: Array<[string, INodeParameters, IDataObject[]]> = [
		['one item of 50,000 numbers', jzySend({ mobiles: '={{ $json.m }}' }), [{ m: numbers(50000) }]],
		[
			'Combine Items: 5 items of 9,000 packed into 3 calls, items spanning two',
			jzySend({ mobiles: '={{ $json.m }}' }),
			Array.from({ length: 5 }, (_, index) => ({ m: numbers(9000, index * 9000) })),
		],
		[
			'Combine Items with two contents and repeated numbers',
			jzySend({ mobiles: '={{ $json.m }}', content: '={{ $json.c }}' }),
			[
				{ m: '13800138000, 13900139000', c: A },
				{ m: '13700137000', c: '【嘉之元】B' },
				{ m: '+86 138 0013 8000, 13600136000', c: A },
				{ m: '13800138000', c: A },
			],
		],
		[
			'without Combine Items, 25,000 numbers and a small item',
			jzySend({ mobiles: '={{ $json.m }}', options: { combineItems: false } }),
			[{ m: numbers(25000) }, { m: numbers(3, 90000) }],
		],
		['Skip Repeated Numbers off', jzySend({ mobiles: '={{ $json.m }}', options: { skipRepeats: false } }), [{ m: '13800138000' }, { m: '13800138000, 13900139000' }]],
	];

	test.each(CASES)('%s', async (_name, parameters, inputs) => {
		const preview = await run(parameters, inputs);
		expect(preview.error).toBeUndefined();
		expect(sim.requests).toHaveLength(0);
		const sent = await run(parameters, inputs, false);
		expect(sent.error).toBeUndefined();
		expect(callsFromPreview(preview.items)).toEqual(callsOnTheWire());
		// Every field the two outputs share means the same and holds the same.
		preview.items.forEach((item, itemIndex) => {
			const { dryRun, content, extensionNumber: _extension, billedMessages, calls, ...shared } = item.json;
			expect(dryRun).toBe(true);
			expect(sent.items[itemIndex].json).toMatchObject(shared);
			expect((calls as { count: number }).count).toBe((sent.items[itemIndex].json.batchIds as string[]).length);
			expect(billedMessages).toBe((shared.segments as number) * (shared.mobiles as { count: number }).count);
			for (const batchId of sent.items[itemIndex].json.batchIds as string[]) {
				expect(sim.jiazhiyuan.sent.find((batch) => batch.batchId === batchId)!.content).toBe(content);
			}
		});
	});

	test('an item whose numbers all go out with an earlier item has no call and bills nothing', async () => {
		const { items } = await run(jzySend({ mobiles: '={{ $json.m }}' }), [{ m: '13800138000' }, { m: '13800138000' }]);
		expect(items[1].json).toMatchObject({
			mobiles: { count: 0, list: [] },
			repeatsSkipped: { count: 1, list: [{ mobile: '13800138000', item: 0 }] },
			billedMessages: 0,
			calls: { count: 0, list: [] },
		});
		expect(sim.requests).toHaveLength(0);
	});
});

describe('a bad item fails in a dry run exactly as in a send', () => {
	const BAD: Array<[string, INodeParameters]> = [
		['emoji', jzySend({ content: '【嘉之元】你好😀' })],
		['bad numbers', jzySend({ mobiles: '13800138000, 123, abc' })],
		['empty content', jzySend({ content: '={{ $json.none }}' })],
		['bad extension number', jzySend({ options: { extenno: '12a' } })],
		['over 1,000 characters', jzySend({ content: '字'.repeat(1001) })],
	];

	test.each(BAD)('%s', async (_name, parameters) => {
		const real = await run(parameters, [{}], false);
		const preview = await run(parameters);
		expectSameRefusal(real, preview, sim);
	});

	test('with Continue On Fail the bad item is the same error item and claims no number', async () => {
		const parameters = jzySend({ mobiles: '={{ $json.m }}' });
		const inputs = [{ m: '13800138000, 123' }, { m: '13800138000' }];
		const preview = await run(parameters, inputs, true, true);
		expect(sim.requests).toHaveLength(0);
		const real = await run(parameters, inputs, false, true);
		expect(preview.items[0]).toEqual(real.items[0]);
		expect(preview.items[0].json.success).toBe(false);
		expect(preview.items[1].json).toMatchObject({ dryRun: true, mobiles: { list: ['13800138000'] }, repeatsSkipped: { count: 0 } });
	});
});

describe('an agent learns that it can preview a send', () => {
	const description = new Jiazhiyuan().description;

	test('the node description, the default description of the node as a tool, names Dry Run', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.description).toMatch(/Dry Run option of Send to preview it/);
	});

	test('SMS → Send offers Dry Run, described as a preview that sends nothing', () => {
		const options = description.properties.find((property) => property.name === 'options' && property.displayOptions?.show?.operation?.includes('send'));
		const dryRunOption = (options?.options as Array<{ name: string; type: string; default: unknown; description: string }>).find((option) => option.name === 'dryRun');
		expect(dryRunOption).toMatchObject({ type: 'boolean', default: false });
		expect(dryRunOption!.description).toMatch(/preview the send.*nothing is sent or billed/);
	});
});
