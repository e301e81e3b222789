import type { SmsReceipt } from '../../nodes/common/receipt';
import { isUnsubscribe, normaliseReply, unsubscribeKeywords, withUnsubscribe } from '../../nodes/common/unsubscribe';

const builtIn = unsubscribeKeywords();

describe('opt-out answers with the built-in keywords', () => {
	test.each([
		['T'],
		['t'],
		['TD'],
		['td'],
		['Td'],
		['N'],
		['n'],
		['R'],
		['r'],
		['退订'],
		['取消'],
		['退'],
		[' td。'],
		['【退订】'],
		['T!'],
		['ＴＤ'],
		['ｔｄ'],
		['Ｔ'],
		['\u3000退订\u3000'],
		['退订！！'],
		['「取消」'],
		['TD\r\n'],
		['"TD"'],
		['(N)'],
		['td~'],
		['TD～'],
		['TD👍'],
		['退订❤️'],
		['\u200bTD\ufeff'],
		['...R...'],
	])('%j is an opt-out', (reply) => {
		expect(isUnsubscribe(reply, builtIn)).toBe(true);
	});

	test.each([
		['我不想退订'],
		['Tomorrow'],
		['TDK'],
		['T D'],
		['T.D'],
		['TD 退订'],
		['退订吧'],
		['请退订我的号码'],
		['回复TD'],
		['好的，收到！谢谢 TD'],
		['NO'],
		['STOP'],
		['DT'],
		['Y'],
		[''],
		['   '],
		['。！'],
		['👍'],
	])('%j is not an opt-out', (reply) => {
		expect(isUnsubscribe(reply, builtIn)).toBe(false);
	});
});

describe('custom keywords are added to the built-in ones and normalised the same way', () => {
	const custom = unsubscribeKeywords('STOP, 不要再发 ,【退订我】');

	test.each([
		['STOP', true],
		['stop', true],
		['Stop!', true],
		['ＳＴＯＰ', true],
		['不要再发。', true],
		['退订我', true],
		['TD', true],
		['退订', true],
		['STOP NOW', false],
		['不要再发了', false],
		['stopp', false],
	])('%j → %s', (reply, expected) => {
		expect(isUnsubscribe(reply, custom)).toBe(expected);
	});

	test('a full-width comma separates keywords too', () => {
		const keywords = unsubscribeKeywords('STOP，QUIT');
		expect(isUnsubscribe('quit', keywords)).toBe(true);
		expect(isUnsubscribe('stop', keywords)).toBe(true);
	});

	test('empty keywords and keywords of punctuation only are dropped, so an empty or punctuation-only reply never matches', () => {
		const keywords = unsubscribeKeywords(' , ,。, !! ,');
		expect([...keywords].sort()).toEqual([...builtIn].sort());
		expect(isUnsubscribe('', keywords)).toBe(false);
		expect(isUnsubscribe('。', keywords)).toBe(false);
	});

	test('the built-in list is what the documentation lists, in its compared form', () => {
		expect([...builtIn]).toEqual(['t', 'td', 'n', 'r', '退订', '取消', '退']);
	});
});

describe('normaliseReply', () => {
	test.each([
		['ＴＤ', 'td'],
		[' td。', 'td'],
		['【退订】', '退订'],
		['T!', 't'],
		['  T  D  ', 't  d'],
		['我不想退订', '我不想退订'],
	])('%j → %j', (text, normalised) => {
		expect(normaliseReply(text)).toBe(normalised);
	});

	test('a long run of punctuation around a word is trimmed from both ends only', () => {
		const padding = '。'.repeat(200_000);
		expect(normaliseReply(`${padding}TD${padding}`)).toBe('td');
		expect(normaliseReply(`${padding}x${padding}y`)).toBe(`x${padding}y`);
	});
});

describe('withUnsubscribe', () => {
	const reply: SmsReceipt = { provider: 'ihuyi', product: 'sms', event: 'reply', messageId: '1', mobile: '13800138000', content: 'TD', time: null, raw: { content: 'TD' } };

	test('a reply gets unsubscribe right after its content, nothing else changes', () => {
		const marked = withUnsubscribe(reply, builtIn);
		expect(Object.keys(marked)).toEqual(['provider', 'product', 'event', 'messageId', 'mobile', 'content', 'unsubscribe', 'time', 'raw']);
		expect(marked).toEqual({ ...reply, unsubscribe: true });
		expect(reply).not.toHaveProperty('unsubscribe');
	});

	test('a reply whose content is not an opt-out, or could not be read, gets false', () => {
		expect(withUnsubscribe({ ...reply, content: '好的' }, builtIn).unsubscribe).toBe(false);
		const unreadable: SmsReceipt = { provider: 'jiazhiyuan', product: 'sms', event: 'reply', messageId: '', mobile: '', time: null, problem: 'x', raw: { text: '<psrerecv>' } };
		expect(withUnsubscribe(unreadable, builtIn)).toEqual({ ...unreadable, unsubscribe: false });
	});

	test.each(['deliveryReceipt', 'templateAudit'] as const)('a %s is returned as it is, without the field', (event) => {
		const record: SmsReceipt = { ...reply, event, content: undefined, code: '2' };
		expect(withUnsubscribe(record, builtIn)).toBe(record);
	});
});
