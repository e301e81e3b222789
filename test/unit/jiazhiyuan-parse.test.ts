import { parseBalance, parseTextAnswer } from '../../nodes/Jiazhiyuan/transport/parseAnswer';
import { parseReplies, parseReports } from '../../nodes/Jiazhiyuan/transport/parseXml';

// The vendor document's sample, as it appears there (browser "-" markers, <?xmlversion…>).
const VENDOR_REPORTS = `  <?xmlversion="1.0" encoding="utf-8" ?>

-<smsreport>

-<psreport>

  <mobile>15275427712</mobile>

  <username>admin</username>

  <smslogid>66</smslogid>

  <status>1</status>

  <sendtime>2012-08-16 01:05:39.0</sendtime>

  </psreport>

-<psreport>

  <mobile>15375427702</mobile>

  <username>admin</username>

  <smslogid>67</smslogid>

  <status>0</status>

  <sendtime>2012-08-16 01:03:07.0</sendtime>

  </psreport>

  </smsreport>
`;

const VENDOR_REPLIES = `garbage before <?xmlversion="1.0" encoding="utf-8" ?>
-<smsrerecv>
-<psrerecv>
  <mobile>15256560065</mobile>
  <receiver>admin</receiver>
  <content>xOPLrbChPw==</content>
  <sendtime>2012-06-18 14:56:00.0</sendtime>
  </psrerecv>
-<psrerecv>
  <mobile>13866194285</mobile>
  <receiver>admin</receiver>
  <content>u9jP8w==</content>
  <sendtime>2012-06-15 21:43:25.0</sendtime>
  </psrerecv>
  </smsrerecv> trailing junk`;

describe('text answers', () => {
	test.each([
		['success;337017332', { kind: 'success', value: '337017332' }],
		['success;1097076\r\n', { kind: 'success', value: '1097076' }],
		['SUCCESS;42', { kind: 'success', value: '42' }],
		['failure;用户名密码错误!', { kind: 'failure', reason: '用户名密码错误!' }],
		['failure', { kind: 'failure', reason: '' }],
		['<html>502</html>', { kind: 'unexpected' }],
		['', { kind: 'unexpected' }],
	])('%p', (text, expected) => {
		expect(parseTextAnswer(text)).toEqual(expected);
	});

	test('balance line', () => {
		expect(parseBalance('memberSmsNum=684;gateSmsNum=49919;kaSmsNum=49964\r\n')).toEqual({ memberSmsNum: 684, gateSmsNum: 49919, kaSmsNum: 49964 });
		expect(parseBalance('memberSmsNum=684;gateSmsNum=49919')).toBeUndefined();
	});
});

describe('reports and replies', () => {
	test('the vendor report sample, junk and all', () => {
		const { records, recognised } = parseReports(VENDOR_REPORTS);
		expect(recognised).toBe(true);
		expect(records).toHaveLength(2);
		expect(records[0]).toMatchObject({
			provider: 'jiazhiyuan',
			event: 'deliveryReceipt',
			mobile: '15275427712',
			messageId: '66',
			status: 'delivered',
			code: '1',
			time: '2012-08-16T01:05:39+08:00',
		});
		expect(records[1]).toMatchObject({ status: 'failed', code: '0', messageId: '67' });
		expect(records[1].explanation).toBe('Not delivered');
		expect(records[0]).not.toHaveProperty('explanation');
		expect(records[0].problem).toBeUndefined();
	});

	test('status 2 is unknown; other values are kept raw and flagged', () => {
		const xml = '<smsreport><psreport><mobile>13800138000</mobile><smslogid>1</smslogid><status>2</status><sendtime>2024-01-02 03:04:05.0</sendtime></psreport><psreport><mobile>13800138001</mobile><smslogid>1</smslogid><status>7</status><sendtime>x</sendtime></psreport></smsreport>';
		const { records } = parseReports(xml);
		expect(records[0]).toMatchObject({ status: 'unknown', code: '2', explanation: 'Delivery unknown' });
		expect(records[0].problem).toBeUndefined();
		expect(records[1]).toMatchObject({ status: 'unknown', code: '7', time: null, problem: 'unknown status "7"', explanation: null });
	});

	test('the vendor reply sample decodes BASE64 → GBK', () => {
		const { records } = parseReplies(VENDOR_REPLIES);
		expect(records.map((record) => [record.mobile, record.content, record.receiver, record.time])).toEqual([
			['15256560065', '你谁啊?', 'admin', '2012-06-18T14:56:00+08:00'],
			['13866194285', '回象', 'admin', '2012-06-15T21:43:25+08:00'],
		]);
	});

	test('one record is a list of one; a namespaced document reads like a plain one', () => {
		const record = '<mobile>13800138000</mobile><smslogid>5</smslogid><status>1</status><sendtime>2024-01-02 03:04:05</sendtime>';
		const single = parseReports(`<smsreport><psreport>${record}</psreport></smsreport>`);
		expect(single.records).toHaveLength(1);
		expect(single.records[0]).toMatchObject({ mobile: '13800138000', messageId: '5', status: 'delivered' });
		const prefixed = record.replace(/<(\/?)(\w+)>/g, '<$1j:$2>');
		const namespaced = parseReports(`<smsreport xmlns:j="urn:jzy"><psreport>${prefixed}</psreport><psreport>${prefixed}</psreport></smsreport>`);
		expect(namespaced.records.map((receipt) => [receipt.mobile, receipt.messageId, receipt.status])).toEqual([
			['13800138000', '5', 'delivered'],
			['13800138000', '5', 'delivered'],
		]);
	});

	test('an empty document gives no records', () => {
		expect(parseReports('<?xml version="1.0"?><smsreport></smsreport>')).toEqual({ records: [], recognised: true });
		expect(parseReports('').recognised).toBe(false);
	});

	test('a broken document still yields every readable record, and keeps the unreadable one', () => {
		const xml = '<smsreport><psreport><mobile>13800138000</mobile><smslogid>9</smslogid><status>1</status><sendtime>2024-01-02 03:04:05</sendtime></psreport><psreport><mobile>138<oops</psreport><psreport><mobile>13800138002</mobile><smslogid>9</smslogid><status>0</status><sendtime>2024-01-02 03:04:06</sendtime></psreport></smsreport';
		const { records } = parseReports(xml);
		expect(records).toHaveLength(3);
		expect(records[0]).toMatchObject({ mobile: '13800138000', status: 'delivered' });
		expect(records[1]).toMatchObject({ problem: expect.stringContaining('could not be read') });
		expect(records[1].raw).toEqual({ text: '<psreport><mobile>138<oops</psreport>' });
		expect(records[2]).toMatchObject({ mobile: '13800138002', status: 'failed' });
	});
});
