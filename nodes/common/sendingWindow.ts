/**
 * Quiet hours: the daily window in which a send may go out, and when it opens next. Pure
 * (no n8n import, no clock of its own): the caller passes the instant, so tests and the
 * runner decide what "now" is. Both action nodes use it through nodes/common/quietHours.ts.
 */
import { addDays, instantOfWallTime, wallTimeAt } from './zonedTime';

/** Sending is allowed from `from` up to (not including) `until`, minutes after midnight. */
export interface SendingWindow {
	from: number;
	until: number;
	/** An IANA zone Intl knows, as Intl spells it (see knownTimeZone). */
	timeZone: string;
}

export type WindowState =
	| { open: true; closesAt: number }
	| { open: false; opensAt: number };

/** "08:00" or "8:00" → minutes after midnight (00:00–23:59), else undefined. */
export function parseTimeOfDay(text: string): number | undefined {
	const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
	return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

export function formatTimeOfDay(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Whether the window is open at `now`, and when it closes or opens next.
 *
 * Each calendar day of the zone has one window: from `from` on that day to `until` on the
 * same day, or on the next day when `until` is earlier (22:00–06:00 runs overnight). Its
 * edges are instants (see instantOfWallTime), so the answer stays right on the days summer
 * time starts or ends: the window is as long as the clock says, and an hour the clock shows
 * twice does not open it twice. A window that lies wholly in an hour the clock skips does
 * not open that day.
 */
export function windowState(window: SendingWindow, now: number): WindowState {
	const today = wallTimeAt(now, window.timeZone);
	// Yesterday's window may still be open (overnight); tomorrow's is the latest that can be next.
	const windows = [-1, 0, 1, 2].map((days) => windowOfDay(window, addDays(today, days)));
	const current = windows.find((each) => each.start <= now && now < each.end);
	if (current) return { open: true, closesAt: current.end };
	const next = windows.find((each) => each.start > now && each.start < each.end)!;
	return { open: false, opensAt: next.start };
}

function windowOfDay(window: SendingWindow, day: { year: number; month: number; day: number }): { start: number; end: number } {
	const untilMinute = window.until > window.from ? window.until : window.until + 24 * 60;
	return {
		start: instantOfWallTime(window.timeZone, day.year, day.month, day.day, window.from),
		end: instantOfWallTime(window.timeZone, day.year, day.month, day.day, untilMinute),
	};
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "08:00 on Sunday 10 March 2024 (Asia/Shanghai)": the instant as the zone's clock shows it. */
export function describeInstant(instant: number, timeZone: string): string {
	const wall = wallTimeAt(instant, timeZone);
	const weekday = WEEKDAYS[new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()];
	const time = formatTimeOfDay(wall.hour * 60 + wall.minute);
	return `${time} on ${weekday} ${wall.day} ${MONTHS[wall.month - 1]} ${wall.year} (${timeZone})`;
}

/** "9 hours 30 minutes": the time from `now` to `later`, rounded up to the minute. */
export function describeDuration(now: number, later: number): string {
	const minutes = Math.max(1, Math.ceil((later - now) / 60_000));
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	const unit = (count: number, name: string) => `${count} ${name}${count === 1 ? '' : 's'}`;
	if (hours === 0) return unit(rest, 'minute');
	return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}

/** What a Dry Run shows, and what the error of a held item says, in one sentence. */
export function describeState(window: SendingWindow, state: WindowState, now: number): string {
	const hours = `${formatTimeOfDay(window.from)}–${formatTimeOfDay(window.until)}`;
	return state.open
		? `Open (${hours}): closes at ${describeInstant(state.closesAt, window.timeZone)}, in ${describeDuration(now, state.closesAt)}.`
		: `Closed (${hours}): opens at ${describeInstant(state.opensAt, window.timeZone)}, in ${describeDuration(now, state.opensAt)}.`;
}
