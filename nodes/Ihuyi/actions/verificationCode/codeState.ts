/**
 * The rules of verification codes, apart from where their state is kept: which limit refuses a
 * send and for how long, and what a typed code is worth. No n8n import, so they are tested alone.
 */
export interface CodeLimits {
	cooldownSeconds: number;
	perHour: number;
	perDay: number;
	expirySeconds: number;
	maxAttempts: number;
}

export const DEFAULT_LIMITS: CodeLimits = { cooldownSeconds: 60, perHour: 5, perDay: 5, expirySeconds: 300, maxAttempts: 5 };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The state of one number and purpose: one Data Table row. Times are epoch milliseconds. */
export interface CodeRow {
	id: number;
	version: number;
	codeHash: string;
	salt: string;
	expiresAt: number;
	attempts: number;
	/** '' before the first code, 'sent', 'used', or 'void' (a claim withdrawn before sending). */
	status: string;
	/** The send times of the last 24 hours, comma-separated. */
	sentAt: string;
	cleanAfter: number;
}

export type SendLimit = 'cooldown' | 'hourly' | 'daily';

export type SendDecision = { allowed: true } | { allowed: false; limit: SendLimit; retryAfter: number };

export function sendTimes(row: Pick<CodeRow, 'sentAt'>, now: number): number[] {
	return String(row.sentAt ?? '')
		.split(',')
		.filter((part) => part !== '')
		.map(Number)
		.filter((time) => Number.isFinite(time) && time > now - DAY_MS);
}

/**
 * Whether one more code may go to the number, given its sends of the last 24 hours (sliding
 * windows, not calendar hours). A refusal names the tightest limit and when it lifts.
 */
export function decideSend(sends: number[], now: number, limits: CodeLimits): SendDecision {
	const sorted = [...sends].sort((a, b) => a - b);
	const refusals: Array<{ limit: SendLimit; until: number }> = [];
	const last = sorted[sorted.length - 1];
	if (last !== undefined && now < last + limits.cooldownSeconds * 1000) refusals.push({ limit: 'cooldown', until: last + limits.cooldownSeconds * 1000 });
	const lastHour = sorted.filter((time) => time > now - HOUR_MS);
	if (lastHour.length >= limits.perHour) refusals.push({ limit: 'hourly', until: lastHour[lastHour.length - limits.perHour] + HOUR_MS });
	if (sorted.length >= limits.perDay) refusals.push({ limit: 'daily', until: sorted[sorted.length - limits.perDay] + DAY_MS });
	if (refusals.length === 0) return { allowed: true };
	const tightest = refusals.reduce((a, b) => (b.until > a.until ? b : a));
	return { allowed: false, limit: tightest.limit, retryAfter: Math.max(1, Math.ceil((tightest.until - now) / 1000)) };
}

/** The row after a code was granted: new code, fresh attempts, this send added. */
export function grantedRow(row: CodeRow, code: { hash: string; salt: string }, now: number, limits: CodeLimits): Partial<CodeRow> {
	const sends = [...sendTimes(row, now), now];
	const expiresAt = now + limits.expirySeconds * 1000;
	return {
		codeHash: code.hash,
		salt: code.salt,
		expiresAt,
		attempts: 0,
		status: 'sent',
		sentAt: sends.join(','),
		cleanAfter: Math.max(expiresAt, now + DAY_MS),
	};
}

export type CheckReason = 'valid' | 'wrong' | 'expired' | 'already_used' | 'too_many_attempts' | 'none_sent';

/** What a typed code meets before it is compared: a refusal, or 'compare'. */
export function checkBeforeCompare(row: CodeRow | undefined, now: number, limits: CodeLimits): CheckReason | 'compare' {
	if (!row || row.codeHash === '' || (row.status !== 'sent' && row.status !== 'used')) return 'none_sent';
	if (row.status === 'used') return 'already_used';
	if (row.attempts >= limits.maxAttempts) return 'too_many_attempts';
	if (now >= row.expiresAt) return 'expired';
	return 'compare';
}

/** Of several rows of one number (see codeStore), the one whose code was sent last. */
export function currentCodeRow(rows: CodeRow[]): CodeRow | undefined {
	const withCode = rows.filter((row) => row.codeHash !== '' && (row.status === 'sent' || row.status === 'used'));
	return withCode.reduce<CodeRow | undefined>((best, row) => (!best || row.expiresAt > best.expiresAt ? row : best), undefined);
}
