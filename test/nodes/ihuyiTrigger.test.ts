import { post, useIhuyiTrigger } from '../helpers/ihuyiTriggerServer';
import { pushToUrl, samplePushes } from '../simulator/pusher';

const serve = useIhuyiTrigger();

describe('Ihuyi Trigger: pushes become one item each and are answered "success"', () => {
	test('a delivery receipt: exactly one item, the pusher sees success at the first push', async () => {
		const { url, emitted } = await serve();
		const result = await pushToUrl(url, samplePushes.deliveryReceipt('16063783563405105174'), { intervalMs: 5 });
		expect(result.acknowledged).toBe(true);
		expect(result.attempts).toHaveLength(1);
		expect(result.attempts[0]).toEqual({ status: 200, body: 'success', contentType: 'text/plain; charset=utf-8' });
		expect(emitted).toHaveLength(1);
		expect(emitted[0]).toEqual([
			{
				json: {
					provider: 'ihuyi',
					product: 'sms',
					event: 'deliveryReceipt',
					messageId: '16063783563405105174',
					mobile: '13800138000',
					status: 'delivered',
					code: '2',
					description: '发送成功',
					time: '2017-08-02T14:31:51+08:00',
					raw: { code: '2', msg: '发送成功', mobilephone: '13800138000', smsid: '16063783563405105174', report_time: '2017-08-02 14:31:51' },
				},
			},
		]);
	});

	test('a failed receipt maps to status failed', async () => {
		const { url, emitted } = await serve();
		await pushToUrl(url, samplePushes.deliveryReceipt('1', '13800138000', '4030'), { intervalMs: 5 });
		expect(emitted[0][0].json).toMatchObject({ status: 'failed', code: '4030', description: '用户拒收' });
	});

	test('a failed receipt explains its code in English from the error catalogue; a code the catalogue lacks gets null', async () => {
		const { url, emitted } = await serve();
		await pushToUrl(url, samplePushes.deliveryReceipt('1', '13800138000', '4030'), { intervalMs: 5 });
		await pushToUrl(url, samplePushes.deliveryReceipt('2', '13800138000', 'MK:0001'), { intervalMs: 5 });
		await pushToUrl(url, samplePushes.deliveryReceipt('3', '13800138000', '2'), { intervalMs: 5 });
		const [blacklisted, carrierCode, delivered] = emitted.map((run) => run[0].json);
		expect(blacklisted.explanation).toBe('The mobile number is on a blacklist');
		expect(carrierCode).toMatchObject({ status: 'failed', code: 'MK:0001', explanation: null });
		expect(delivered).not.toHaveProperty('explanation');
	});

	test('a reply with UTF-8 Chinese content', async () => {
		const { url, emitted } = await serve();
		await pushToUrl(url, samplePushes.reply('16063783563405105174', '好的，收到！谢谢 TD'), { intervalMs: 5 });
		expect(emitted[0][0].json).toMatchObject({
			event: 'reply',
			mobile: '13800138000',
			content: '好的，收到！谢谢 TD',
			unsubscribe: false,
			messageId: '16063783563405105174',
			time: '2017-05-24T17:46:50+08:00',
		});
	});

	test('a template audit', async () => {
		const { url, emitted } = await serve();
		await pushToUrl(url, samplePushes.templateAudit('1234', '0'), { intervalMs: 5 });
		expect(emitted[0][0].json).toMatchObject({ event: 'templateAudit', templateId: '1234', approved: false, code: '0', description: '模板内容不规范' });
		expect(emitted[0][0].json).not.toHaveProperty('unsubscribe');
	});

	test('an international receipt (ismsid, reply_time)', async () => {
		const { url, emitted } = await serve({ product: 'internationalSms' });
		await pushToUrl(url, samplePushes.internationalReceipt('60495654'), { intervalMs: 5 });
		expect(emitted[0][0].json).toMatchObject({ product: 'internationalSms', event: 'deliveryReceipt', messageId: '60495654', mobile: '852 61234567', time: '2024-03-01T09:15:02+08:00' });
	});

	test('a voice notification receipt (voiceid, a fixed line) is explained from the voice notification codes', async () => {
		const { url, emitted } = await serve({ product: 'voiceNotification' });
		const result = await pushToUrl(url, samplePushes.voiceReceipt('1708123456', '02151234567', '4072'), { intervalMs: 5 });
		expect(result.attempts.map((attempt) => attempt.body)).toEqual(['success']);
		expect(emitted[0][0].json).toMatchObject({
			product: 'voiceNotification',
			event: 'deliveryReceipt',
			messageId: '1708123456',
			mobile: '02151234567',
			status: 'failed',
			code: '4072',
			explanation: expect.stringMatching(/template/i),
			time: '2024-03-01T09:15:02+08:00',
		});
	});
});

describe('replies carry unsubscribe: whether the text is an opt-out answer', () => {
	async function unsubscribeOf(contents: string[], options = {}) {
		const { url, emitted } = await serve({ options });
		for (const [index, content] of contents.entries()) {
			expect((await pushToUrl(url, samplePushes.reply(String(index + 1), content), { intervalMs: 5 })).acknowledged).toBe(true);
		}
		expect(emitted.map((items) => items[0].json.content)).toEqual(contents.map((content) => content.trim()));
		return emitted.map((items) => items[0].json.unsubscribe);
	}

	test('the built-in answers, in any case, full-width, with spaces, punctuation or emoji around, are opt-outs', async () => {
		const optOuts = ['T', 'td', 'N', 'r', '退订', '取消', '退', ' td。', '【退订】', 'T!', 'ＴＤ', '退订👍', '\u200bTD'];
		expect(await unsubscribeOf(optOuts)).toEqual(optOuts.map(() => true));
	});

	test('a longer text that merely contains a keyword is not', async () => {
		expect(await unsubscribeOf(['我不想退订', 'Tomorrow', 'TDK', 'T D', 'STOP'])).toEqual([false, false, false, false, false]);
	});

	test('Options → Unsubscribe Keywords adds the user\'s own, normalised the same way; the built-in ones still count', async () => {
		expect(await unsubscribeOf(['STOP', 'ｓｔｏｐ！', '不要再发了。', 'STOP IT', 'TD'], { unsubscribeKeywords: 'stop, 不要再发了' })).toEqual([true, true, true, false, true]);
	});

	test('delivery receipts do not carry the field', async () => {
		const { url, emitted } = await serve({ options: { unsubscribeKeywords: '2, 发送成功' } });
		await pushToUrl(url, samplePushes.deliveryReceipt('1'), { intervalMs: 5 });
		expect(emitted[0][0].json).not.toHaveProperty('unsubscribe');
	});
});

describe('filters: skipped pushes are still acknowledged', () => {
	test('an event the user did not choose starts nothing but answers success', async () => {
		const { url, emitted } = await serve({ events: ['reply'] });
		const result = await pushToUrl(url, samplePushes.deliveryReceipt('1'), { intervalMs: 5 });
		expect(result.attempts).toEqual([{ status: 200, body: 'success', contentType: 'text/plain; charset=utf-8' }]);
		expect(emitted).toHaveLength(0);
	});

	test('failed receipts only', async () => {
		const { url, emitted } = await serve({ events: ['deliveryReceipt'], failedOnly: true });
		await pushToUrl(url, samplePushes.deliveryReceipt('1', '13800138000', '2'), { intervalMs: 5 });
		await pushToUrl(url, samplePushes.deliveryReceipt('2', '13800138000', '4085'), { intervalMs: 5 });
		expect(emitted.map((items) => items[0].json.messageId)).toEqual(['2']);
	});
});

describe('invalid requests get a 4xx, never "success", and start nothing', () => {
	test.each([
		['empty body', ''],
		['unrelated fields', 'hello=world'],
		['receipt without id', 'code=2&msg=ok&mobilephone=13800138000&report_time=2017-08-02+14%3A31%3A51'],
		['no mobilephone', 'code=2&smsid=1'],
		['repeated field', 'code=2&code=3&mobilephone=13800138000&smsid=1'],
	])('%s → 400', async (_name, body) => {
		const { url, emitted } = await serve();
		const response = await post(url, body);
		expect(response.status).toBe(400);
		expect(response.body).not.toBe('success');
		expect(emitted).toHaveLength(0);
	});

	test('an oversized field → 413', async () => {
		const { url, emitted } = await serve();
		const response = await post(url, new URLSearchParams({ ...samplePushes.reply('1'), content: 'x'.repeat(5000) }).toString());
		expect(response.status).toBe(413);
		expect(emitted).toHaveLength(0);
	});

	test.each([
		['a JSON receipt', JSON.stringify(samplePushes.deliveryReceipt('1')), 'application/json'],
		['a JSON array', '[1,2]', 'application/json'],
		['plain text', new URLSearchParams(samplePushes.deliveryReceipt('1')).toString(), 'text/plain'],
	])('%s is not what ihuyi sends → 415', async (_name, body, contentType) => {
		const { url, emitted } = await serve();
		const response = await post(url, body, contentType);
		expect(response.status).toBe(415);
		expect(response.body).toMatch(/form-encoded/);
		expect(emitted).toHaveLength(0);
	});

	test('extra fields ihuyi may add later are accepted and kept in raw', async () => {
		const { url, emitted } = await serve();
		const result = await pushToUrl(url, { ...samplePushes.deliveryReceipt('9'), extno: '01', batch: 'x' }, { intervalMs: 5 });
		expect(result.acknowledged).toBe(true);
		expect(emitted[0][0].json).toMatchObject({ messageId: '9', raw: { extno: '01', batch: 'x' } });
	});

	test('the pusher retries 3 times when the answer is not success', async () => {
		const { url, emitted } = await serve();
		const result = await pushToUrl(url, { mobilephone: '13800138000' }, { intervalMs: 5 });
		expect(result.acknowledged).toBe(false);
		expect(result.attempts.map((attempt) => attempt.status)).toEqual([400, 400, 400]);
		expect(emitted).toHaveLength(0);
	});
});

describe('"success" only once the push is recorded: the trigger leaves that answer to n8n', () => {
	test('a push to record is handed to n8n unanswered, and n8n answers it "success" once it has the workflow to start; what the trigger drops or refuses it answers itself', async () => {
		const { url, emitted, answeredBy } = await serve({ events: ['deliveryReceipt'] });
		expect(await post(url, new URLSearchParams(samplePushes.deliveryReceipt('42')).toString())).toMatchObject({ status: 200, body: 'success' });
		expect(await post(url, new URLSearchParams(samplePushes.reply('43')).toString())).toMatchObject({ status: 200, body: 'success' });
		expect((await post(url, 'not a push')).status).toBe(400);
		expect(answeredBy).toEqual(['n8n', 'node', 'node']);
		expect(emitted.map((items) => items[0].json.messageId)).toEqual(['42']);
	});

	test('a repeated push starts the workflow again: delivery is at least once, repeats are removed downstream', async () => {
		const { url, emitted } = await serve();
		await pushToUrl(url, samplePushes.deliveryReceipt('42'), { intervalMs: 5 });
		await pushToUrl(url, samplePushes.deliveryReceipt('42'), { intervalMs: 5 });
		expect(emitted).toHaveLength(2);
	});
});

describe('a burst of pushes', () => {
	test('1,000 pushes, 20 at a time: 1,000 items, none lost, all answered success', async () => {
		const { url, emitted } = await serve();
		const total = 1000;
		let next = 0;
		const answers: string[] = [];
		const worker = async () => {
			while (next < total) {
				const index = next++;
				const result = await pushToUrl(url, samplePushes.deliveryReceipt(String(100000 + index), `138${String(index).padStart(8, '0')}`), { maxPushes: 1 });
				answers.push(result.attempts[0].body);
			}
		};
		await Promise.all(Array.from({ length: 20 }, worker));
		expect(answers).toHaveLength(total);
		expect(answers.every((answer) => answer === 'success')).toBe(true);
		expect(emitted).toHaveLength(total);
		expect(new Set(emitted.map((items) => items[0].json.messageId)).size).toBe(total);
	});
});
