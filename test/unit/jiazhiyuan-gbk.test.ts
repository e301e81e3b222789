import { decodeGbk, encodeGbk, firstUnencodable } from '../../nodes/common/gbk';
import { base64Password, decodeBase64Gbk, formEncodeGbk, gbkForm } from '../../nodes/Jiazhiyuan/transport/encoding';
import { decodeGbkForm } from '../simulator/jiazhiyuan';

describe('GBK for Jiazhiyuan', () => {
	test('短信测试 is B6CCD0C5B2E2CAD4', () => {
		expect(encodeGbk('短信测试').toString('hex').toUpperCase()).toBe('B6CCD0C5B2E2CAD4');
		expect(formEncodeGbk('短信测试')).toBe('%B6%CC%D0%C5%B2%E2%CA%D4');
	});

	test('the vendor samples decode: xOPLrbChPw== → 你谁啊?, u9jP8w== → 回象', () => {
		expect(decodeBase64Gbk('xOPLrbChPw==')).toBe('你谁啊?');
		expect(decodeBase64Gbk('u9jP8w==')).toBe('回象');
		expect(encodeGbk('你谁啊?').toString('base64')).toBe('xOPLrbChPw==');
		expect(encodeGbk('回象').toString('base64')).toBe('u9jP8w==');
	});

	test.each(['【嘉之元】您的订单已发货，请注意查收。', 'Mixed 中文 and ASCII 123 !@#', '￥１２３，全角标点：《》“”', '繁體字也在GBK裡面'])('round trip %p', (text) => {
		expect(decodeGbk(encodeGbk(text))).toBe(text);
		const form = decodeGbkForm(gbkForm({ content: text }));
		expect(form.content.text).toBe(text);
	});

	test('form encoding leaves unreserved ASCII, turns spaces into + and escapes the rest byte by byte', () => {
		expect(formEncodeGbk('a-b_c.d*e f,g&h=i+j%')).toBe('a-b_c.d*e+f%2Cg%26h%3Di%2Bj%25');
	});

	test.each([
		['【嘉之元】你好😀', '😀', 8],
		['abc๑', '๑', 4],
		['ok 🇨🇳', '🇨', 4],
		['한국어', '한', 1],
	])('%p: %p at %i cannot be encoded', (text, character, position) => {
		expect(firstUnencodable(text)).toEqual({ character, position });
	});

	test('a real question mark is not mistaken for an unencodable character', () => {
		expect(firstUnencodable('你谁啊?')).toBeUndefined();
	});

	test('the password is BASE64 of its bytes (the vendor example: 123456 → MTIzNDU2)', () => {
		expect(base64Password('123456')).toBe('MTIzNDU2');
	});
});
