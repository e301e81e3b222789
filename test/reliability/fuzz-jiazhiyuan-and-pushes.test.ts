/**
 * Property-based tests of the Jiazhiyuan answer readers (text answers, balances, report and
 * reply XML, GBK bytes) and of the ihuyi push classifier: generated, mutated and arbitrary
 * inputs never throw anything and never hang; well-formed inputs read back exactly.
 */
import fc from 'fast-check';
import { encode } from 'iconv-lite';

import { decodeGbk } from '../../nodes/common/gbk';
import { parseBalance, parseTextAnswer } from '../../nodes/Jiazhiyuan/transport/parseAnswer';
import { parseReplies, parseReports } from '../../nodes/Jiazhiyuan/transport/parseXml';
import { classifyPush } from '../../nodes/Ihuyi/push/classifyPush';
import { IHUYI_PRODUCT_NAMES } from '../../nodes/Ihuyi/transport/products';
import { count } from './summary';

const RUNS = 3000;
const chinese = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code)), maxLength: 20 });
const mobile = fc.integer({ min: 0, max: 99999999 }).map((n) => `135${String(n).padStart(8, '0')}`);

const report = fc.record({ mobile, smslogid: fc.integer({ min: 1, max: 1e9 }).map(String), status: fc.constantFrom('0', '1', '2'), sendtime: fc.constant('2024-05-01 10:00:00.0') });
const reportsXml = fc.array(report, { maxLength: 30 }).map((rows) => ({
	rows,
	xml: `<?xmlversion="1.0" encoding="utf-8" ?>\n-<smsreport>\n${rows.map((r) => `-<psreport><mobile>${r.mobile}</mobile><username>u</username><smslogid>${r.smslogid}</smslogid><status>${r.status}</status><sendtime>${r.sendtime}</sendtime></psreport>`).join('\n')}</smsreport>`,
}));
const replyXml = fc.array(fc.record({ mobile, content: chinese }), { maxLength: 20 }).map((rows) => ({
	rows,
	xml: `<smsrerecv>${rows.map((r) => `<psrerecv><mobile>${r.mobile}</mobile><receiver>1</receiver><content>${encode(r.content, 'gbk').toString('base64')}</content><sendtime>2024-05-01 10:00:00.0</sendtime></psrerecv>`).join('')}</smsrerecv>`,
}));

function mutate(text: string) {
	return fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.string({ maxLength: 6 }), fc.constantFrom('cut', 'insert', 'replace')).map(([a, b, insert, how]) => {
		const [from, to] = a <= b ? [a, b] : [b, a];
		if (how === 'cut') return text.slice(0, from);
		if (how === 'insert') return text.slice(0, from) + insert + text.slice(from);
		return text.slice(0, from) + insert + text.slice(to);
	});
}

describe('Jiazhiyuan readers under fuzzing', () => {
	test('report XML reads back exactly, vendor quirks included', () => {
		fc.assert(fc.property(reportsXml, ({ rows, xml }) => {
			count('fuzzing', 'cases');
			const { records } = parseReports(xml);
			return records.length === rows.length && records.every((record, i) => record.mobile === rows[i].mobile && record.messageId === rows[i].smslogid && record.code === rows[i].status && !record.problem);
		}), { numRuns: RUNS });
	});

	test('reply XML decodes BASE64 GBK back to the text', () => {
		fc.assert(fc.property(replyXml, ({ rows, xml }) => {
			count('fuzzing', 'cases');
			const { records } = parseReplies(xml);
			return records.length === rows.length && records.every((record, i) => record.content === rows[i].content);
		}), { numRuns: RUNS });
	});

	test('mutated XML and arbitrary text never throw, and no readable record is lost', () => {
		fc.assert(fc.property(reportsXml.chain(({ xml }) => fc.oneof(mutate(xml), fc.string({ maxLength: 300 }))), (text) => {
			count('fuzzing', 'cases');
			const a = parseReports(text);
			const b = parseReplies(text);
			return Array.isArray(a.records) && Array.isArray(b.records);
		}), { numRuns: RUNS });
	});

	test('text answers and balances: any GBK bytes decode and classify without throwing', () => {
		fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 80 }).map((bytes) => decodeGbk(Buffer.from(bytes))), fc.constantFrom('success;1', 'failure;用户名密码错误!', 'memberSmsNum=1;gateSmsNum=2;kaSmsNum=3').chain(mutate)), (text) => {
			count('fuzzing', 'cases');
			const answer = parseTextAnswer(text);
			parseBalance(text);
			return ['success', 'failure', 'unexpected'].includes(answer.kind);
		}), { numRuns: RUNS });
	});
});

describe('ihuyi push classifier under fuzzing', () => {
	const value = fc.oneof(fc.string({ maxLength: 30 }), chinese, fc.integer().map(String), fc.array(fc.string(), { maxLength: 2 }), fc.constant(null), fc.object({ maxDepth: 1 }));
	const key = fc.constantFrom('code', 'msg', 'mobilephone', 'smsid', 'ismsid', 'report_time', 'reply_time', 'content', 'templateid', 'x');
	test('any body: a receipt item or a 4xx, never an exception', () => {
		fc.assert(fc.property(fc.oneof(fc.dictionary(key, value, { maxKeys: 8 }), fc.anything()), fc.constantFrom(...IHUYI_PRODUCT_NAMES), (body, product) => {
			count('fuzzing', 'cases');
			const result = classifyPush(body, product);
			return result.ok ? typeof result.receipt.event === 'string' : result.status >= 400 && result.status < 500;
		}), { numRuns: RUNS });
	});
});
