/**
 * Options → Quiet Hours: a bad setting is refused before any request, naming the item, the
 * field and the fix; Dry Run shows whether the window is open and when it opens or closes.
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

const quietHours = (window: object) => ({ quietHours: { window: { sendFrom: '08:00', sendUntil: '21:00', timeZone: 'Asia/Shanghai', ...window } } });

describe('a bad setting is refused before any request', () => {
	beforeEach(() => setClock('2024-03-09T12:00:00+08:00'));

	test.each([
		[{ sendFrom: '8am' }, 'Item 0: Quiet Hours → Send From "8am" is not a time of day as HH:MM', 'Enter a 24-hour time as HH:MM, e.g. 08:00 (00:00 to 23:59).'],
		[{ sendUntil: '24:00' }, 'Item 0: Quiet Hours → Send Until "24:00" is not a time of day as HH:MM', 'Enter a 24-hour time as HH:MM, e.g. 21:00 (00:00 to 23:59).'],
		[{ sendFrom: '' }, 'Item 0: Quiet Hours → Send From is empty', 'Enter a 24-hour time as HH:MM, e.g. 08:00 (00:00 to 23:59).'],
		[
			{ sendFrom: '09:00', sendUntil: '9:00' },
			'Item 0: Quiet Hours → Send Until is the same time as Send From (09:00), so the window has no length',
			'Set Send Until to when sending closes, e.g. 08:00 to 21:00 for the day or 22:00 to 06:00 overnight. To send at any time, remove the Quiet Hours option.',
		],
		[
			{ timeZone: 'Asia/Beijing' },
			'Item 0: Quiet Hours → Time Zone "Asia/Beijing" is not a known IANA time zone',
			'Enter an IANA time zone name, e.g. Asia/Shanghai, Europe/London or America/New_York (the TZ identifiers of the tz database).',
		],
		[
			{ timeZone: ' ' },
			'Item 0: Quiet Hours → Time Zone is empty',
			'Enter an IANA time zone name, e.g. Asia/Shanghai, Europe/London or America/New_York (the TZ identifiers of the tz database).',
		],
	])('ihuyi %j', async (window, message, fix) => {
		const run = await runNode({ type: 'ihuyi', parameters: smsSend({ options: quietHours(window) as never }), credentials: ihuyiCredentials(sim) });
		expect(sim.requests).toHaveLength(0);
		expect(run.error?.constructor.name).toBe('NodeOperationError');
		expect(run.error?.message).toBe(message);
		expect(run.error?.description).toBe(fix);
	});

	test('Jiazhiyuan, an unknown zone on the third item: the item is named and no item is sent', async () => {
		const run = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ options: quietHours({ timeZone: '={{ $json.zone }}' }) as never }),
			credentials: jiazhiyuanCredentials(sim),
			items: [{ json: { zone: 'Asia/Shanghai' } }, { json: { zone: 'Asia/Tokyo' } }, { json: { zone: 'Asia/Tokio' } }],
		});
		expect(sim.requests).toHaveLength(0);
		expect(run.error?.message).toBe('Item 2: Quiet Hours → Time Zone "Asia/Tokio" is not a known IANA time zone');
	});

	test('Dry Run refuses a bad setting the same way', async () => {
		const run = await runNode({
			type: 'jiazhiyuan',
			parameters: jzySend({ options: { dryRun: true, ...quietHours({ sendUntil: '21.00' }) } as never }),
			credentials: jiazhiyuanCredentials(sim),
		});
		expect(sim.requests).toHaveLength(0);
		expect(run.error?.message).toBe('Item 0: Quiet Hours → Send Until "21.00" is not a time of day as HH:MM');
	});
});

describe('Dry Run shows the window', () => {
	const dry = (parameters: INodeParameters, window: object = {}): INodeParameters => ({ ...parameters, options: { dryRun: true, ...quietHours(window) } as never });

	test('ihuyi, open: the preview says when the window closes', async () => {
		setClock('2024-03-09T12:00:00+08:00');
		const run = await runNode({ type: 'ihuyi', parameters: dry(smsSend()), credentials: ihuyiCredentials(sim) });
		expect(sim.requests).toHaveLength(0);
		expect(run.items[0].json).toMatchObject({ success: true, dryRun: true, mobile: '13800138000' });
		expect(run.items[0].json.quietHours).toEqual({
			open: true,
			closesAt: '2024-03-09T21:00:00+08:00',
			sendFrom: '08:00',
			sendUntil: '21:00',
			timeZone: 'Asia/Shanghai',
			summary: 'Open (08:00–21:00): closes at 21:00 on Saturday 9 March 2024 (Asia/Shanghai), in 9 hours.',
		});
	});

	test('ihuyi voice code, closed: the item is previewed, not held, and says when sending opens', async () => {
		setClock('2024-03-09T05:15:00+08:00');
		const voice: INodeParameters = { resource: 'voiceCode', operation: 'send', mobile: '13800138000', codeSource: 'provided', code: '1125' };
		const run = await runNode({ type: 'ihuyi', parameters: dry(voice), credentials: ihuyiCredentials(sim) });
		expect(run.error).toBeUndefined();
		expect(sim.requests).toHaveLength(0);
		expect(run.items[0].json).toMatchObject({ dryRun: true, content: '1125' });
		expect(run.items[0].json.quietHours).toEqual({
			open: false,
			opensAt: '2024-03-09T08:00:00+08:00',
			sendFrom: '08:00',
			sendUntil: '21:00',
			timeZone: 'Asia/Shanghai',
			summary: 'Closed (08:00–21:00): opens at 08:00 on Saturday 9 March 2024 (Asia/Shanghai), in 2 hours 45 minutes.',
		});
	});

	test('Jiazhiyuan, closed overnight window in another zone: every item shows it', async () => {
		setClock('2024-07-01T12:00:00Z');
		const run = await runNode({
			type: 'jiazhiyuan',
			parameters: dry(jzySend({ mobiles: '={{ "1350000000" + $itemIndex }}' }), { sendFrom: '22:00', sendUntil: '06:00', timeZone: 'Europe/London' }),
			credentials: jiazhiyuanCredentials(sim),
			items: [{ json: {} }, { json: {} }],
		});
		expect(sim.requests).toHaveLength(0);
		expect(run.items.map((item) => [item.json.dryRun, item.pairedItem])).toEqual([
			[true, { item: 0 }],
			[true, { item: 1 }],
		]);
		for (const item of run.items) {
			expect(item.json.quietHours).toMatchObject({ open: false, opensAt: '2024-07-01T22:00:00+01:00', timeZone: 'Europe/London' });
		}
	});

	test('without the option the preview has no quietHours field', async () => {
		setClock('2024-03-09T03:00:00+08:00');
		const run = await runNode({ type: 'jiazhiyuan', parameters: jzySend({ options: { dryRun: true } as never }), credentials: jiazhiyuanCredentials(sim) });
		expect(run.items[0].json.dryRun).toBe(true);
		expect(run.items[0].json).not.toHaveProperty('quietHours');
	});
});
