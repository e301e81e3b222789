import { countInternationalSegments, countSegments } from '../../nodes/common/segments';

describe('countSegments (ihuyi billing: 70, then 67 per part)', () => {
	test.each([
		[0, 0],
		[1, 1],
		[70, 1],
		[71, 2],
		[134, 2],
		[135, 3],
		[201, 3],
		[202, 4],
		[500, 8],
	])('%i characters → %i segments', (length, segments) => {
		expect(countSegments('短'.repeat(length))).toBe(segments);
	});

	test('Latin letters count like Chinese characters', () => {
		expect(countSegments('a'.repeat(71))).toBe(2);
	});

	test('a character outside the BMP counts once', () => {
		expect(countSegments('𠀀'.repeat(70))).toBe(1);
	});
});

describe('countInternationalSegments (GSM 160/153, otherwise UCS-2 70/67)', () => {
	test('GSM text', () => {
		expect(countInternationalSegments('a'.repeat(160))).toBe(1);
		expect(countInternationalSegments('a'.repeat(161))).toBe(2);
		expect(countInternationalSegments('a'.repeat(306))).toBe(2);
		expect(countInternationalSegments('a'.repeat(307))).toBe(3);
	});

	test('extension characters take two septets', () => {
		expect(countInternationalSegments('€'.repeat(80))).toBe(1);
		expect(countInternationalSegments('€'.repeat(81))).toBe(2);
	});

	test('any non-GSM character switches to UCS-2', () => {
		expect(countInternationalSegments(`${'a'.repeat(70)}`)).toBe(1);
		expect(countInternationalSegments(`${'a'.repeat(70)}中`)).toBe(2);
	});
});
