import { parseIhuyiAnswer } from '../../nodes/Ihuyi/transport/parseAnswer';

describe('parseIhuyiAnswer', () => {
	test('JSON answer keeps a 20-digit id exact even when sent as a bare number', () => {
		const result = parseIhuyiAnswer('{"code":2,"msg":"提交成功","smsid":16063783563405105174}', ['smsid']);
		expect(result).toMatchObject({ ok: true, answer: { code: '2', msg: '提交成功', id: '16063783563405105174' } });
	});

	test('JSON answer with the id as a string (what ihuyi sends)', () => {
		const result = parseIhuyiAnswer('{"code":2,"msg":"提交成功","smsid":"16063783563405105174"}', ['smsid']);
		expect(result.ok && result.answer.id).toBe('16063783563405105174');
	});

	test('a reseller sending the code as text', () => {
		const result = parseIhuyiAnswer('{"code":"405","msg":"用户名或密码不正确","smsid":"0"}', ['smsid']);
		expect(result.ok && result.answer.code).toBe('405');
	});

	test('XML with the documented namespace', () => {
		const xml = '<?xml version="1.0" encoding="utf-8"?>\n<SubmitResult xmlns="http://106.ihuyi.com/">\n<code>2</code>\n<msg>提交成功</msg>\n<smsid>14745625541233112231</smsid>\n</SubmitResult>';
		expect(parseIhuyiAnswer(xml, ['smsid'])).toMatchObject({ ok: true, answer: { code: '2', id: '14745625541233112231' } });
	});

	test('XML without namespace and with a prefixed namespace', () => {
		expect(parseIhuyiAnswer('<SubmitResult><code>405</code><msg>用户名或密码不正确</msg><smsid>0</smsid></SubmitResult>', ['smsid']))
			.toMatchObject({ ok: true, answer: { code: '405', msg: '用户名或密码不正确' } });
		expect(parseIhuyiAnswer('<ns:GetNumResult xmlns:ns="106.ihuyi.com"><ns:code>2</ns:code><ns:msg>查询成功</ns:msg><ns:num>856</ns:num></ns:GetNumResult>', []))
			.toMatchObject({ ok: true, answer: { code: '2', num: '856' } });
	});

	test('voice answers name the id voiceid', () => {
		const result = parseIhuyiAnswer('<SubmitResult><code>2</code><msg>提交成功</msg><voiceid>60495654</voiceid></SubmitResult>', ['voiceid', 'smsid']);
		expect(result.ok && result.answer.id).toBe('60495654');
	});

	test.each([
		['', 'empty body'],
		['   \n', 'empty body'],
		['<html><body>502 Bad Gateway</body></html>', 'no numeric code'],
		['{"code":2,"msg":"提交', 'invalid JSON'],
		['<SubmitResult><code>2</code><msg>提交', 'invalid XML'],
		['success', 'neither JSON nor XML'],
		['{"msg":"ok"}', 'no numeric code'],
	])('%p is not an answer (%s)', (text, reason) => {
		expect(parseIhuyiAnswer(text, ['smsid'])).toEqual({ ok: false, reason });
	});
});
