import { codeMatches, hashCode, makeCode } from '../../nodes/Ihuyi/actions/verificationCode/codeHash';
import { DEFAULT_LIMITS, decideSend } from '../../nodes/Ihuyi/actions/verificationCode/codeState';

const MINUTE = 60_000;
const now = Date.UTC(2026, 11, 2, 12, 0, 0);

describe('verification code limits (sliding windows)', () => {
	test('a number without sends may get a code', () => {
		expect(decideSend([], now, DEFAULT_LIMITS)).toEqual({ allowed: true });
	});

	test('the cooldown runs from the last send', () => {
		expect(decideSend([now - 20_000], now, DEFAULT_LIMITS)).toEqual({ allowed: false, limit: 'cooldown', retryAfter: 40 });
		expect(decideSend([now - 60_000], now, DEFAULT_LIMITS)).toEqual({ allowed: true });
	});

	test('the hourly cap lifts when the oldest send of the hour leaves it', () => {
		const limits = { ...DEFAULT_LIMITS, perHour: 2, perDay: 10 };
		expect(decideSend([now - 50 * MINUTE, now - 10 * MINUTE], now, limits)).toEqual({ allowed: false, limit: 'hourly', retryAfter: 600 });
		expect(decideSend([now - 61 * MINUTE, now - 10 * MINUTE], now, limits)).toEqual({ allowed: true });
	});

	test('the daily cap counts 24 hours back and names the tightest limit', () => {
		const sends = [20, 15, 10, 5, 2].map((hours) => now - hours * 60 * MINUTE);
		expect(decideSend(sends, now, DEFAULT_LIMITS)).toEqual({ allowed: false, limit: 'daily', retryAfter: 4 * 3600 });
	});
});

describe('verification code hashing', () => {
	test('codes are digits of the asked length, spread over all ten digits', () => {
		const codes = Array.from({ length: 500 }, () => makeCode(8));
		expect(codes.every((code) => /^\d{8}$/.test(code))).toBe(true);
		expect(new Set(codes.join('')).size).toBe(10);
	});

	test('a hash matches its code only, for its number and salt only', () => {
		const hash = hashCode('123456', 'login\n13800138000', 'salt-a');
		expect(codeMatches('123456', 'login\n13800138000', 'salt-a', hash)).toBe(true);
		expect(codeMatches('123457', 'login\n13800138000', 'salt-a', hash)).toBe(false);
		expect(codeMatches('123456', 'login\n13900139000', 'salt-a', hash)).toBe(false);
		expect(codeMatches('123456', 'login\n13800138000', 'salt-b', hash)).toBe(false);
		expect(codeMatches('123456', 'login\n13800138000', 'salt-a', 'damaged')).toBe(false);
	});
});
