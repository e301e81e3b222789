import { entryCount, readMobileList } from '../../nodes/common/mobileList';

describe('readMobileList: separators between numbers', () => {
	test('commas, semicolons, line breaks and their full-width forms separate numbers', () => {
		expect(readMobileList('13800138000,13900139000，13700137000;13600136000；13500135000\n13400134000\r\n13300133000、13200132000')).toEqual({
			numbers: ['13800138000', '13900139000', '13700137000', '13600136000', '13500135000', '13400134000', '13300133000', '13200132000'],
			invalid: [],
			duplicates: 0,
		});
	});

	test('a list from an expression is read element by element', () => {
		expect(readMobileList(['+86 138 0013 8000', 13900139000, '13700137000, 13600136000'])).toMatchObject({
			numbers: ['13800138000', '13900139000', '13700137000', '13600136000'],
		});
	});

	test('empty parts and surrounding blanks are ignored', () => {
		expect(readMobileList(' ,13800138000,, ;\n ')).toEqual({ numbers: ['13800138000'], invalid: [], duplicates: 0 });
		expect(readMobileList('   ')).toEqual({ numbers: [], invalid: [], duplicates: 0 });
		expect(readMobileList(null)).toEqual({ numbers: [], invalid: [], duplicates: 0 });
	});
});

describe('readMobileList: fixed lines', () => {
	test('fixed lines are numbers only when the product calls them', () => {
		expect(readMobileList('021-51234567, 13800138000', { fixedLines: true })).toEqual({ numbers: ['02151234567', '13800138000'], invalid: [], duplicates: 0 });
		expect(readMobileList('021-51234567, 13800138000')).toMatchObject({ numbers: ['13800138000'], invalid: [{ value: '021-51234567' }] });
	});
});

describe('readMobileList: spaces inside one number, spaces between numbers', () => {
	test.each([
		'+86 138-0013-8000',
		'(+86) 138 0013 8000',
		'１３８ ００１３ ８０００',
		'＋８６ １３８ ００１３ ８０００',
		'0086 138 0013 8000',
		'86 13800138000',
		'138\t0013\t8000',
		'138\u30000013\u30008000',
		'138\u00a00013\u00a08000',
	])('%p is one number', (written) => {
		expect(readMobileList(written)).toEqual({ numbers: ['13800138000'], invalid: [], duplicates: 0 });
		expect(readMobileList(`${written}, 13900139000`)).toMatchObject({ numbers: ['13800138000', '13900139000'], invalid: [] });
	});

	test('words that are each a whole number are several numbers (a pasted spreadsheet row)', () => {
		expect(readMobileList('13800138000 13900139000\t+8613700137000')).toEqual({
			numbers: ['13800138000', '13900139000', '13700137000'],
			invalid: [],
			duplicates: 0,
		});
	});

	test('a number written with spaces next to another, without a separator, is refused whole', () => {
		const result = readMobileList('+86 138 0013 8000 13900139000, 13700137000');
		expect(result).toEqual({
			numbers: ['13700137000'],
			duplicates: 0,
			invalid: [{ value: '+86 138 0013 8000 13900139000', reason: expect.stringMatching(/neither one number nor numbers separated by spaces: put a comma or a new line between numbers/) }],
		});
	});

	test('words of which none is a number keep the reason of the whole entry', () => {
		expect(readMobileList('138 0013 800')).toMatchObject({ invalid: [{ value: '138 0013 800', reason: expect.stringContaining('11 digits starting with 1') }] });
	});
});

describe('readMobileList: repeats, bad entries, types', () => {
	test('repeats are dropped and counted; every bad entry is listed as written', () => {
		const result = readMobileList('13800138000, 138-0013-8000, 123, abc, 13900139000');
		expect(result).toEqual({
			numbers: ['13800138000', '13900139000'],
			duplicates: 1,
			invalid: [expect.objectContaining({ value: '123' }), expect.objectContaining({ value: 'abc' })],
		});
		expect(entryCount(result as never)).toBe(5);
	});

	test('entries of the wrong type are invalid entries; a whole object is refused by type', () => {
		expect(readMobileList([13800138000.5, true, { a: 1 }])).toMatchObject({
			numbers: [],
			invalid: [{ value: '13800138000.5' }, { value: 'true' }, { value: '{"a":1}' }],
		});
		expect(readMobileList({ a: 1 })).toEqual({ error: expect.stringContaining('an object') });
	});
});
