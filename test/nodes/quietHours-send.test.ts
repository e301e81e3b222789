/**
 * Options → Quiet Hours on every send of both nodes, through n8n's engine against the
 * simulator: inside the window the send goes out; outside it no request is made for any
 * item and the error says when sending opens, in a field a Wait node can take.
 */
import type { INodeParameters } from 'n8n-workflow';

import { useFrozenClock } from '../helpers/frozenClock';
import { ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import { jiazhiyuanCredentials, jzySend } from '../helpers/jiazhiyuanFixtures';
import { runNode } from '../helpers/n8nHarness';
import { useSimulator } from '../helpers/useSimulator';
import type { Simulator } from '../simulator/server';

let sim: Simulator;
useSimulator((started) => (sim = started));
const setClock = useFrozenClock();

const window = (sendFrom: string, sendUntil: string, timeZone = 'Asia/Shanghai') => ({ quietHours: { window: { sendFrom, sendUntil, timeZone } } });
const withOptions = (parameters: INodeParameters, options: object): INodeParameters => ({ ...parameters, options: options as never });

const ihuyiSends: Array<[string, INodeParameters]> = [
	['SMS', smsSend()],
	['International SMS', { resource: 'internationalSms', operation: 'send', numberFormat: 'e164', phoneNumber: '+85261234567', content: 'Your code is 1125' }],
	['Voice Code', { resource: 'voiceCode', operation: 'send', mobile: '13800138000', codeSource: 'provided', code: '1125' }],
	['Voice Notification', { resource: 'voiceNotification', operation: 'send', mobile: '021-51234567', content: '您好，您预约的体检明天开始。' }],
];
const ihuyi = (parameters: INodeParameters, extra: object = {}) => runNode({ type: 'ihuyi', parameters, credentials: ihuyiCredentials(sim), ...extra });
const jiazhiyuan = (parameters: INodeParameters, extra: object = {}) => runNode({ type: 'jiazhiyuan', parameters, credentials: jiazhiyuanCredentials(sim), ...extra });
const threeItems = [{ json: {} }, { json: {} }, { json: {} }];

describe('ihuyi: inside the window the send goes out, outside nothing does', () => {
	test.each(ihuyiSends)('%s at 12:00 in Shanghai, window 08:00–21:00: sent', async (_name, parameters) => {
		setClock('2024-03-09T12:00:00+08:00');
		const run = await ihuyi(withOptions(parameters, window('08:00', '21:00')));
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ success: true });
		expect(sim.requests).toHaveLength(1);
	});

	test.each(ihuyiSends)('%s at 22:30: no request for any item; the error says when sending opens', async (_name, parameters) => {
		setClock('2024-03-09T22:30:00+08:00');
		const run = await ihuyi(withOptions(parameters, window('08:00', '21:00')), { items: threeItems });
		expect(sim.requests).toHaveLength(0);
		expect(run.error?.constructor.name).toBe('NodeOperationError');
		expect(run.error?.message).toBe('Item 0: not sent outside Quiet Hours (08:00–21:00 Asia/Shanghai); sending opens at 2024-03-10T08:00:00+08:00');
		expect(run.error?.description).toMatch(/^Closed \(08:00–21:00\): opens at 08:00 on Sunday 10 March 2024 \(Asia\/Shanghai\), in 9 hours 30 minutes\. Nothing was sent\./);
		expect(run.error?.description).toContain('{{ $json.error.opensAt }}');
	});

	test('off by default: without the option a send at 03:00 goes out', async () => {
		setClock('2024-03-09T03:00:00+08:00');
		const run = await ihuyi(smsSend());
		expect(run.error).toBeUndefined();
		expect(sim.requests).toHaveLength(1);
	});

	test('a window kept at its defaults (n8n stores it as an empty window) is 08:00–21:00 in Asia/Shanghai', async () => {
		setClock('2024-03-09T07:00:00+08:00');
		const run = await ihuyi(withOptions(smsSend(), { quietHours: { window: {} } }));
		expect(sim.requests).toHaveLength(0);
		expect(run.error?.message).toMatch(/\(08:00–21:00 Asia\/Shanghai\); sending opens at 2024-03-09T08:00:00\+08:00$/);
	});
});

describe('Jiazhiyuan: inside the window the send goes out, outside nothing does', () => {
	test('at 12:00, window 08:00–21:00: all items sent', async () => {
		setClock('2024-03-09T12:00:00+08:00');
		const run = await jiazhiyuan(jzySend({ mobiles: '={{ "1350000000" + $itemIndex }}', options: window('08:00', '21:00') }), { items: threeItems });
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.success)).toEqual([true, true, true]);
		expect(sim.jiazhiyuan.sent.flatMap((call) => call.mobiles)).toEqual(['13500000000', '13500000001', '13500000002']);
	});

	test('at 21:00 (the end is not inside): no request; the error says when sending opens', async () => {
		setClock('2024-03-09T21:00:00+08:00');
		const run = await jiazhiyuan(jzySend({ options: window('08:00', '21:00') }), { items: threeItems });
		expect(sim.requests).toHaveLength(0);
		expect(run.error?.message).toBe('Item 0: not sent outside Quiet Hours (08:00–21:00 Asia/Shanghai); sending opens at 2024-03-10T08:00:00+08:00');
		expect(run.error?.description).toMatch(/in 11 hours\. Nothing was sent\./);
	});
});

describe('windows across midnight and in other zones', () => {
	test('22:00–06:00 overnight: sends at 02:00, holds at 12:00 until 22:00 the same day', async () => {
		setClock('2024-03-10T02:00:00+08:00');
		expect((await jiazhiyuan(jzySend({ options: window('22:00', '06:00') }))).error).toBeUndefined();
		expect(sim.requests).toHaveLength(1);

		sim.reset();
		setClock('2024-03-10T12:00:00+08:00');
		const held = await ihuyi(withOptions(smsSend(), window('22:00', '06:00')));
		expect(sim.requests).toHaveLength(0);
		expect(held.error?.message).toMatch(/\(22:00–06:00 Asia\/Shanghai\); sending opens at 2024-03-10T22:00:00\+08:00$/);
	});

	test('the same instant is open in Shanghai and closed in New York, with New York\'s offset in opensAt', async () => {
		// 10:00 in Shanghai, 21:00 the evening before in New York.
		setClock('2024-03-09T02:00:00Z');
		expect((await ihuyi(withOptions(smsSend(), window('08:00', '21:00')))).error).toBeUndefined();
		expect(sim.requests).toHaveLength(1);

		sim.reset();
		const held = await ihuyi(withOptions(smsSend(), window('08:00', '21:00', 'America/New_York')));
		expect(sim.requests).toHaveLength(0);
		expect(held.error?.message).toMatch(/\(08:00–21:00 America\/New_York\); sending opens at 2024-03-09T08:00:00-05:00$/);
	});

	test('read per item: each recipient can have their own zone; with Continue On Fail only the held one fails', async () => {
		setClock('2024-03-09T02:00:00Z');
		const parameters = smsSend({
			mobile: '={{ $json.mobile }}',
			options: { quietHours: { window: { sendFrom: '08:00', sendUntil: '21:00', timeZone: '={{ $json.zone }}' } } } as never,
		});
		const items = [
			{ json: { mobile: '13800138000', zone: 'America/New_York' } },
			{ json: { mobile: '13900139000', zone: 'Asia/Shanghai' } },
		];
		const run = await ihuyi(parameters, { items, continueOnFail: true });
		expect(run.items.map((item) => item.json.success)).toEqual([false, true]);
		expect(sim.requests.map((request) => request.form?.mobile)).toEqual(['13900139000']);
		expect(run.items[0].json).toMatchObject({ error: { opensAt: '2024-03-09T08:00:00-05:00' } });
	});
});

describe('Continue On Fail and the error output', () => {
	test('"Continue (regular output)": every item is a failure carrying error.opensAt, paired, and nothing is sent', async () => {
		setClock('2024-03-09T22:30:00+08:00');
		const run = await jiazhiyuan(jzySend({ options: window('08:00', '21:00') }), { items: threeItems, continueOnFail: true });
		expect(run.error).toBeUndefined();
		expect(sim.requests).toHaveLength(0);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		run.items.forEach((item, index) => {
			expect(item.json).toEqual({
				success: false,
				error: {
					message: `Item ${index}: not sent outside Quiet Hours (08:00–21:00 Asia/Shanghai); sending opens at 2024-03-10T08:00:00+08:00`,
					description: expect.stringMatching(/^Closed \(08:00–21:00\): opens at 08:00 on Sunday 10 March 2024/),
					opensAt: '2024-03-10T08:00:00+08:00',
				},
			});
		});
	});

	test('"Continue (using error output)": every item goes to the error output holding only error, with opensAt', async () => {
		setClock('2024-03-09T22:30:00+08:00');
		const run = await ihuyi(withOptions(smsSend(), window('08:00', '21:00')), { items: threeItems, onError: 'continueErrorOutput' });
		expect(sim.requests).toHaveLength(0);
		expect(run.items).toEqual([]);
		expect(run.errorItems.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of run.errorItems) {
			expect(Object.keys(item.json)).toEqual(['error']);
			expect(item.json.error).toMatchObject({ opensAt: '2024-03-10T08:00:00+08:00' });
		}
		// What a Wait node set to "At Specified Time" reads back is the instant sending opens.
		expect(Date.parse(String((run.errorItems[0].json.error as { opensAt: string }).opensAt))).toBe(Date.parse('2024-03-10T00:00:00Z'));
	});
});
