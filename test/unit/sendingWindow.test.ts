import { describeDuration, describeInstant, describeState, parseTimeOfDay, windowState } from '../../nodes/common/sendingWindow';
import type { SendingWindow, WindowState } from '../../nodes/common/sendingWindow';
import { instantOfWallTime, isoInZone, knownTimeZone } from '../../nodes/common/zonedTime';

const at = (iso: string) => Date.parse(iso);
const window = (from: string, until: string, timeZone: string): SendingWindow => ({ from: parseTimeOfDay(from)!, until: parseTimeOfDay(until)!, timeZone });

/** The state with its instants written as the zone's ISO time, for readable expectations. */
function stateAt(sending: SendingWindow, iso: string): { open: boolean; closesAt?: string; opensAt?: string } {
	const state: WindowState = windowState(sending, at(iso));
	return state.open ? { open: true, closesAt: isoInZone(state.closesAt, sending.timeZone) } : { open: false, opensAt: isoInZone(state.opensAt, sending.timeZone) };
}

describe('parseTimeOfDay', () => {
	test.each([
		['08:00', 480],
		['8:00', 480],
		[' 09:15 ', 555],
		['00:00', 0],
		['23:59', 1439],
	])('%j → %i minutes', (text, minutes) => expect(parseTimeOfDay(text)).toBe(minutes));

	test.each(['24:00', '08:60', '8am', '0800', '08:0', '', '08:00:00', '-1:00'])('%j is refused', (text) => expect(parseTimeOfDay(text)).toBeUndefined());
});

describe('knownTimeZone', () => {
	test('spells a known zone as Intl does', () => {
		expect(knownTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
		expect(knownTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
		expect(knownTimeZone('UTC')).toBe('UTC');
	});

	test.each(['Asia/Beijing', 'Mars/Olympus', 'GMT+25', ''])('%j is unknown', (name) => expect(knownTimeZone(name)).toBeUndefined());
});

describe('isoInZone', () => {
	test('writes the instant with the zone offset of that instant', () => {
		expect(isoInZone(at('2024-03-10T00:00:00Z'), 'Asia/Shanghai')).toBe('2024-03-10T08:00:00+08:00');
		expect(isoInZone(at('2024-03-10T00:00:00Z'), 'Asia/Kathmandu')).toBe('2024-03-10T05:45:00+05:45');
		expect(isoInZone(at('2024-03-10T00:00:00Z'), 'America/New_York')).toBe('2024-03-09T19:00:00-05:00');
		expect(isoInZone(at('2024-07-01T12:00:00Z'), 'America/New_York')).toBe('2024-07-01T08:00:00-04:00');
		expect(isoInZone(at('2024-03-10T00:00:00Z'), 'UTC')).toBe('2024-03-10T00:00:00+00:00');
	});

	test('is read back as the same instant by Date (and so by n8n\'s Wait node)', () => {
		const instant = at('2024-11-03T05:30:00Z');
		expect(Date.parse(isoInZone(instant, 'America/New_York'))).toBe(instant);
	});
});

describe('instantOfWallTime in America/New_York', () => {
	test('an ordinary time', () => {
		expect(instantOfWallTime('America/New_York', 2024, 3, 9, 8 * 60)).toBe(at('2024-03-09T13:00:00Z'));
	});

	test('a time the clock skips (02:30 on 10 March 2024) is the moment it jumps from 02:00 EST to 03:00 EDT', () => {
		expect(instantOfWallTime('America/New_York', 2024, 3, 10, 2 * 60 + 30)).toBe(at('2024-03-10T07:00:00Z'));
	});

	test('a time the clock shows twice (01:30 on 3 November 2024) is the first, still EDT', () => {
		expect(instantOfWallTime('America/New_York', 2024, 11, 3, 90)).toBe(at('2024-11-03T05:30:00Z'));
	});

	test('minutes past midnight run into the next day', () => {
		expect(instantOfWallTime('America/New_York', 2024, 3, 9, 24 * 60 + 6 * 60)).toBe(at('2024-03-10T10:00:00Z'));
	});
});

describe('windowState, 08:00–21:00 in Asia/Shanghai', () => {
	const day = window('08:00', '21:00', 'Asia/Shanghai');

	test('open during the day, closing at 21:00', () => {
		expect(stateAt(day, '2024-03-09T12:00:00+08:00')).toEqual({ open: true, closesAt: '2024-03-09T21:00:00+08:00' });
	});

	test('the start is inside, the end is not', () => {
		expect(stateAt(day, '2024-03-09T08:00:00+08:00').open).toBe(true);
		expect(stateAt(day, '2024-03-09T21:00:00+08:00')).toEqual({ open: false, opensAt: '2024-03-10T08:00:00+08:00' });
	});

	test('closed in the evening: opens tomorrow at 08:00', () => {
		expect(stateAt(day, '2024-03-09T22:30:00+08:00')).toEqual({ open: false, opensAt: '2024-03-10T08:00:00+08:00' });
	});

	test('closed early in the morning: opens today at 08:00', () => {
		expect(stateAt(day, '2024-03-09T07:59:30+08:00')).toEqual({ open: false, opensAt: '2024-03-09T08:00:00+08:00' });
	});

	test('the zone decides, not UTC: 23:00 UTC is 07:00 the next morning in Shanghai', () => {
		expect(stateAt(day, '2024-03-09T23:00:00Z')).toEqual({ open: false, opensAt: '2024-03-10T08:00:00+08:00' });
	});
});

describe('windowState, 22:00–06:00 overnight', () => {
	const night = window('22:00', '06:00', 'Asia/Shanghai');

	test('open before midnight, closing at 06:00 the next day', () => {
		expect(stateAt(night, '2024-03-09T23:00:00+08:00')).toEqual({ open: true, closesAt: '2024-03-10T06:00:00+08:00' });
	});

	test('open after midnight, in the window that began the day before', () => {
		expect(stateAt(night, '2024-03-10T03:00:00+08:00')).toEqual({ open: true, closesAt: '2024-03-10T06:00:00+08:00' });
	});

	test('closed during the day: opens at 22:00 the same day', () => {
		expect(stateAt(night, '2024-03-10T06:00:00+08:00')).toEqual({ open: false, opensAt: '2024-03-10T22:00:00+08:00' });
		expect(stateAt(night, '2024-03-10T12:00:00+08:00')).toEqual({ open: false, opensAt: '2024-03-10T22:00:00+08:00' });
	});
});

describe('windowState in America/New_York around summer time', () => {
	const day = window('08:00', '21:00', 'America/New_York');

	test('the night summer time starts: opens at 08:00 EDT, 9 hours after 22:00 EST', () => {
		const now = at('2024-03-09T22:00:00-05:00');
		const state = windowState(day, now);
		expect(stateAt(day, '2024-03-09T22:00:00-05:00')).toEqual({ open: false, opensAt: '2024-03-10T08:00:00-04:00' });
		expect(!state.open && describeDuration(now, state.opensAt)).toBe('9 hours');
	});

	test('the night summer time ends: opens at 08:00 EST, 11 hours after 22:00 EDT', () => {
		const now = at('2024-11-02T22:00:00-04:00');
		const state = windowState(day, now);
		expect(stateAt(day, '2024-11-02T22:00:00-04:00')).toEqual({ open: false, opensAt: '2024-11-03T08:00:00-05:00' });
		expect(!state.open && describeDuration(now, state.opensAt)).toBe('11 hours');
	});

	test('an overnight window over the skipped hour closes at 06:00 EDT, 7 real hours after it opened', () => {
		const night = window('22:00', '06:00', 'America/New_York');
		expect(stateAt(night, '2024-03-09T22:00:00-05:00')).toEqual({ open: true, closesAt: '2024-03-10T06:00:00-04:00' });
		expect(at('2024-03-10T06:00:00-04:00') - at('2024-03-09T22:00:00-05:00')).toBe(7 * 3600_000);
	});

	test('a window opening at a skipped time opens when the clock jumps past it', () => {
		const early = window('02:30', '05:00', 'America/New_York');
		expect(stateAt(early, '2024-03-10T01:00:00-05:00')).toEqual({ open: false, opensAt: '2024-03-10T03:00:00-04:00' });
		expect(stateAt(early, '2024-03-10T03:00:00-04:00')).toEqual({ open: true, closesAt: '2024-03-10T05:00:00-04:00' });
	});

	test('a window ending in the hour the clock shows twice does not open again in its repeat', () => {
		const late = window('22:00', '01:30', 'America/New_York');
		expect(stateAt(late, '2024-11-03T01:15:00-04:00')).toEqual({ open: true, closesAt: '2024-11-03T01:30:00-04:00' });
		expect(stateAt(late, '2024-11-03T01:10:00-05:00')).toEqual({ open: false, opensAt: '2024-11-03T22:00:00-05:00' });
	});

	test('a window opening in the repeated hour opens the first time the clock shows it', () => {
		const early = window('01:30', '06:00', 'America/New_York');
		expect(stateAt(early, '2024-11-03T00:30:00-04:00')).toEqual({ open: false, opensAt: '2024-11-03T01:30:00-04:00' });
		expect(stateAt(early, '2024-11-03T01:10:00-05:00')).toEqual({ open: true, closesAt: '2024-11-03T06:00:00-05:00' });
	});
});

describe('words', () => {
	test('describeInstant: the time as the zone shows it, with the day', () => {
		expect(describeInstant(at('2024-03-10T00:00:00Z'), 'Asia/Shanghai')).toBe('08:00 on Sunday 10 March 2024 (Asia/Shanghai)');
	});

	test.each([
		[30_000, '1 minute'],
		[60_000, '1 minute'],
		[61_000, '2 minutes'],
		[3600_000, '1 hour'],
		[5400_000, '1 hour 30 minutes'],
		[2 * 3600_000 + 60_000, '2 hours 1 minute'],
	])('describeDuration %i ms → %j (rounded up)', (ms, words) => expect(describeDuration(0, ms)).toBe(words));

	test('describeState says open or closed, the hours, when it changes and how soon', () => {
		const day = window('08:00', '21:00', 'Asia/Shanghai');
		const evening = at('2024-03-09T22:30:00+08:00');
		expect(describeState(day, windowState(day, evening), evening)).toBe(
			'Closed (08:00–21:00): opens at 08:00 on Sunday 10 March 2024 (Asia/Shanghai), in 9 hours 30 minutes.',
		);
		const noon = at('2024-03-09T12:00:00+08:00');
		expect(describeState(day, windowState(day, noon), noon)).toBe('Open (08:00–21:00): closes at 21:00 on Saturday 9 March 2024 (Asia/Shanghai), in 9 hours.');
	});
});
