/**
 * Wall-clock time in an IANA time zone, using nothing but JavaScript's Intl API: Node ships
 * the time-zone database with ICU, so no dependency is needed, and the zone rules are those
 * of the Node that runs n8n. Instants are milliseconds since 1970 (what Date.now() gives).
 */

/** A date and time as a clock in some zone shows it. `month` is 1–12. */
export interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** One formatter per zone: making one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			// h23, not hour12: false, which some ICU versions answer with "24" at midnight.
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/**
 * The zone's name as Intl spells it ("asia/shanghai" → "Asia/Shanghai"), or undefined when
 * Intl does not know the zone.
 */
export function knownTimeZone(name: string): string | undefined {
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
}

export function wallTimeAt(instant: number, timeZone: string): WallTime {
	const parts: Record<string, number> = {};
	for (const part of formatterOf(timeZone).formatToParts(instant)) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** How far the zone's clock is ahead of UTC at the instant (negative west of Greenwich). */
export function offsetAt(instant: number, timeZone: string): number {
	const wall = wallTimeAt(instant, timeZone);
	const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
	return wallAsUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant at which the zone's clock first shows the given minute of the given day
 * (minuteOfDay may run past 1440 into the next days). When the clock shows it twice
 * (summer time ends), the first time; when it skips it (summer time starts), the moment
 * it jumps past it: a window "from 02:30" opens when the clock jumps from 02:00 to 03:00.
 */
export function instantOfWallTime(timeZone: string, year: number, month: number, day: number, minuteOfDay: number): number {
	const wallAsUtc = Date.UTC(year, month - 1, day, 0, minuteOfDay);
	// A zone changes its offset at most once within two days, so the offsets a day before
	// and a day after are the only ones that can apply.
	const before = offsetAt(wallAsUtc - DAY, timeZone);
	const after = offsetAt(wallAsUtc + DAY, timeZone);
	const matches = [before, after].filter((offset) => offsetAt(wallAsUtc - offset, timeZone) === offset);
	if (matches.length > 0) return Math.min(...matches.map((offset) => wallAsUtc - offset));
	// Skipped: the clock jumps between `low` (still the old offset) and `high` (the new one).
	let low = wallAsUtc - after;
	let high = wallAsUtc - before;
	while (high - low > 1000) {
		const middle = low + Math.floor((high - low) / 2000) * 1000;
		if (offsetAt(middle, timeZone) === after) high = middle;
		else low = middle;
	}
	return high;
}

/** The calendar day `days` after the given one (negative: before). */
export function addDays(date: Pick<WallTime, 'year' | 'month' | 'day'>, days: number): Pick<WallTime, 'year' | 'month' | 'day'> {
	const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
	return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** ISO 8601 with the zone's offset at that instant, e.g. 2024-03-10T08:00:00+08:00. */
export function isoInZone(instant: number, timeZone: string): string {
	const wall = wallTimeAt(instant, timeZone);
	const offsetMinutes = Math.round(offsetAt(instant, timeZone) / MINUTE);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const magnitude = Math.abs(offsetMinutes);
	const two = (value: number) => String(value).padStart(2, '0');
	const date = `${String(wall.year).padStart(4, '0')}-${two(wall.month)}-${two(wall.day)}`;
	const time = `${two(wall.hour)}:${two(wall.minute)}:${two(wall.second)}`;
	return `${date}T${time}${sign}${two(Math.floor(magnitude / 60))}:${two(magnitude % 60)}`;
}
