import { normaliseMainlandMobile, normaliseMainlandNumber, parseInternationalNumber, toHalfWidth } from '../../nodes/common/phone';

describe('normaliseMainlandMobile', () => {
	test.each([
		['13800138000', '13800138000'],
		[' 138 0013 8000 ', '13800138000'],
		['138-0013-8000', '13800138000'],
		['+86 138 0013 8000', '13800138000'],
		['+8613800138000', '13800138000'],
		['008613800138000', '13800138000'],
		['8613800138000', '13800138000'],
		['１３８００１３８０００', '13800138000'],
		['(138) 0013.8000', '13800138000'],
		[13800138000, '13800138000'],
	])('%p → %p', (raw, expected) => {
		expect(normaliseMainlandMobile(raw)).toEqual({ ok: true, value: expected });
	});

	test.each([
		['', 'is empty'],
		['   ', 'is empty'],
		['1380013800', 'not a mainland-China mobile'],
		['138001380001', 'not a mainland-China mobile'],
		['23800138000', 'not a mainland-China mobile'],
		['12800138000', 'not a mainland-China mobile'],
		['+85261234567', 'not a mainland-China mobile'],
		['1380013800O', 'characters other than digits'],
		['13800138000,13900139000', 'characters other than digits'],
	])('%p is refused (%s)', (raw, reason) => {
		const result = normaliseMainlandMobile(raw);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toContain(reason);
	});

	test.each([[null], [{}], [[]], [undefined], [1.5]])('wrong type %p is refused by type', (raw) => {
		const result = normaliseMainlandMobile(raw);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(/must be text/);
	});
});

describe('normaliseMainlandNumber with fixed lines (voice notification)', () => {
	test.each([
		['13800138000', '13800138000'],
		['021-51234567', '02151234567'],
		['(010) 1234 5678', '01012345678'],
		['+86 21 5123 4567', '02151234567'],
		['0086 755 8765 4321', '075587654321'],
		['+86 0755 87654321', '075587654321'],
		['０２１５１２３４５６７', '02151234567'],
	])('%p → %p', (raw, expected) => {
		expect(normaliseMainlandNumber(raw, true)).toEqual({ ok: true, value: expected });
	});

	test.each([
		['02151234567', false, 'not a mainland-China mobile'],
		['0215123456', true, 'nor a fixed line'],
		['021512345678901', true, 'nor a fixed line'],
		['00215123456', true, 'nor a fixed line'],
		['021-51234567-801', true, 'nor a fixed line'],
		['021-5123456x', true, 'characters other than digits'],
	])('%p (fixed lines %p) is refused (%s)', (raw, fixedLines, reason) => {
		const result = normaliseMainlandNumber(raw, fixedLines);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toContain(reason);
	});
});

describe('parseInternationalNumber', () => {
	test.each([
		['+85261234567', '852', '61234567'],
		['0085261234567', '852', '61234567'],
		['+1 (415) 555-2671', '1', '4155552671'],
		['+44 07700 900123', '44', '7700900123'],
		['+65 9123 4567', '65', '91234567'],
		['＋８５２６１２３４５６７', '852', '61234567'],
	])('%p → %s %s', (raw, countryCode, nationalNumber) => {
		expect(parseInternationalNumber(raw)).toEqual({ ok: true, countryCode, nationalNumber });
	});

	test('separate country code and number', () => {
		expect(parseInternationalNumber('6123 4567', '+852')).toEqual({ ok: true, countryCode: '852', nationalNumber: '61234567' });
		expect(parseInternationalNumber('+85261234567', '852')).toEqual({ ok: true, countryCode: '852', nationalNumber: '61234567' });
	});

	test.each([
		['61234567', undefined, 'no country code'],
		['+999123456', undefined, 'known country calling code'],
		['+852', undefined, 'too short'],
		['+85212345678901234', undefined, 'too long'],
		['6123x4567', '852', 'other than digits'],
		['61234567', '999', 'not a known ITU'],
		['', undefined, 'is empty'],
	])('%p (%p) is refused: %s', (raw, countryCode, reason) => {
		const result = parseInternationalNumber(raw, countryCode);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toContain(reason);
	});

	test('toHalfWidth converts full-width digits and plus', () => {
		expect(toHalfWidth('＋８６ １２３')).toBe('+86 123');
	});
});
