/**
 * End to end in a real n8n (1.123.x and 2.41.1 on Node 24): the packed package installed
 * the way users install it, credentials and workflows imported with n8n's CLI, every
 * action operation executed with `n8n execute`, the Ihuyi Trigger served by `n8n start`
 * and fed by the simulator's ihuyi pusher, and the editor's node list checked.
 * Choose versions with N8N_E2E_VERSIONS=1, =2 or =1,2 (default).
 */
import type { SimulatorProcess } from '../simulator/process';
import type { Setup } from './lib/setup';
import { selectedVersions } from './lib/install';
import type { N8nInstance } from './lib/n8n';
import { explainExecutions } from './lib/executions';
import { disposeAll, n8nWithPackage } from './lib/setup';
import { pushBurst, SUCCESS, waitForCount } from './lib/pushes';
import { createReceiptsTable, DRY_RUN_SENDS_ID, dryRunSends, example, RECEIPTS_EXAMPLE_WEBHOOK_ID, IHUYI_ALL_OPERATIONS_ID, ihuyiAllOperations, JIAZHIYUAN_ALL_OPERATIONS_ID, jiazhiyuanAllOperations } from './lib/workflows';

const PACKAGE = 'n8n-nodes-ihuyi-jiazhiyuan';

/** The receipts example once more with its trigger on the Voice Notification product: its own workflow and push URL. */
const VOICE_RECEIPTS = { id: 'exReceiptsVoice1', webhookId: '7a4c1e9b-2d3f-4b6a-8c5d-9e0f1a2b3c4d' };
function voiceNotificationReceipts(workflow: Record<string, unknown>): Record<string, unknown> {
	const copy = JSON.parse(JSON.stringify(workflow)) as { id: string; name: string; nodes: Array<{ type: string; webhookId?: string; parameters: Record<string, unknown> }> };
	Object.assign(copy, { id: VOICE_RECEIPTS.id, name: `${copy.name} (voice notification)` });
	const trigger = copy.nodes.find((node) => node.type === `${PACKAGE}.ihuyiTrigger`)!;
	Object.assign(trigger, { webhookId: VOICE_RECEIPTS.webhookId, parameters: { ...trigger.parameters, product: 'voiceNotification' } });
	return copy;
}


describe.each(selectedVersions())('n8n %s', (version) => {
	let setup: Setup;
	let sim: SimulatorProcess;
	let n8n: N8nInstance;

	beforeAll(async () => {
		// n8n 1.x on SQLite does not hold the burst below: its one write connection queues every
		// push's execution and every Data Table call, and past 60 s in that queue n8n gives up
		// (LockAcquireTimeoutError). The README's recipe for 1.x is PostgreSQL, and so is this run.
		setup = await n8nWithPackage(version, {}, { postgres: version.startsWith('1.') });
		({ sim, n8n } = setup);
		const receiptsTable = await createReceiptsTable(n8n);
		await n8n.importWorkflows([
			ihuyiAllOperations(),
			jiazhiyuanAllOperations(),
			dryRunSends(),
			example('verification-code-sms-voice-fallback.json', sim.url),
			example('delivery-receipts-to-log.json', sim.url, receiptsTable),
			voiceNotificationReceipts(example('delivery-receipts-to-log.json', sim.url, receiptsTable)),
			example('daily-balance-check.json', sim.url),
			example('jiazhiyuan-bulk-campaign.json', sim.url),
		]);
	}, 30 * 60_000);

	afterAll(async () => {
		await disposeAll(setup ?? {});
	}, 60_000);

	test('every ihuyi operation runs and returns what the simulator recorded', async () => {
		await sim.control('reset', {});
		const run = await n8n.execute(IHUYI_ALL_OPERATIONS_ID);
		const sent = (await sim.control('ihuyi/sent')) as Array<{ id: string; mobile: string; content: string; product: string }>;
		const sms = run.items('SMS Send')[0];
		expect(sms).toMatchObject({ provider: 'ihuyi', product: 'sms', success: true, mobile: '13800138000', code: 2, segments: 1 });
		expect(sent.find((message) => message.mobile === '13800138000')).toMatchObject({ id: sms.messageId, content: '您的验证码是：4321。请不要把验证码泄露给其他人。' });
		expect(String(sms.messageId)).toMatch(/^\d{20}$/);
		const template = run.items('SMS Template Send')[0];
		expect(sent.find((message) => message.id === template.messageId)).toMatchObject({ mobile: '13900139000', content: 'A2024001|SF123456789' });
		expect(run.items('SMS Balance')[0]).toMatchObject({ success: true, balance: expect.any(Number) });
		expect(run.items('SMS Template Add')[0]).toMatchObject({ success: true, templateId: expect.stringMatching(/^\d+$/), templateText: '您的订单【变量】已发货，快递单号【变量】，请注意查收。' });
		const intl = run.items('International Send')[0];
		expect(intl).toMatchObject({ product: 'internationalSms', mobile: '852 61234567' });
		expect(sent.find((message) => message.id === intl.messageId)?.mobile).toBe('852 61234567');
		const voice = run.items('Voice Send')[0];
		expect(voice.verificationCode).toMatch(/^\d{6}$/);
		expect(sent.find((message) => message.id === voice.messageId)?.content).toBe(voice.verificationCode);
		expect(run.items('International Balance')[0].balance).toBe(999);
		expect(run.items('Voice Balance')[0].balance).toBe(999);
		const notification = run.items('Voice Notification Send')[0];
		expect(notification).toMatchObject({ product: 'voiceNotification', success: true, mobile: '02151234567', templateId: '10001' });
		expect(sent.find((message) => message.id === notification.messageId)).toMatchObject({ product: 'voiceNotification', mobile: '02151234567', content: '体检|明天上午9点' });
		expect(run.items('Voice Notification Balance')[0]).toMatchObject({ product: 'voiceNotification', balance: 999 });
	}, 300_000);

	test('Dry Run: every send of both providers previews what would go out, and the providers receive no request', async () => {
		await sim.control('reset', {});
		const run = await n8n.execute(DRY_RUN_SENDS_ID);
		const count = (await sim.control('count')) as { requests: number };
		expect(count.requests).toBe(0);
		expect(run.items('SMS')[0]).toMatchObject({ dryRun: true, mobile: '13800138000', content: '您的验证码是：4321。请不要把验证码泄露给其他人。', segments: 1 });
		expect(run.items('International SMS')[0]).toMatchObject({ dryRun: true, mobile: '852 61234567' });
		expect(run.items('Voice Code')[0]).toMatchObject({ dryRun: true, mobile: '13700137000', verificationCode: expect.stringMatching(/^\d{6}$/) });
		expect(run.items('Voice Notification')[0]).toMatchObject({ dryRun: true, mobile: '01012345678', billedMessages: 1 });
		expect(run.items('Jiazhiyuan SMS')[0]).toMatchObject({
			dryRun: true,
			mobiles: { count: 25000 },
			// The calls a real send makes: 20,000 numbers, then the other 5,000.
			calls: { count: 2, list: [{ index: 0, count: 20000, mobiles: { count: 20000, first: '13500000000', last: '13500019999' } }, { index: 1, count: 5000, mobiles: { count: 5000, first: '13500020000', last: '13500024999' } }] },
		});
	}, 300_000);

	test('every Jiazhiyuan operation runs: 25,000 numbers in 2 GBK calls, reports, decoded replies, balance, password', async () => {
		await sim.control('reset', {});
		await sim.control('jiazhiyuan/replies', [{ mobile: '15256560065', receiver: 'admin', content: '你谁啊?', sendtime: '2012-06-18 14:56:00.0' }]);
		const run = await n8n.execute(JIAZHIYUAN_ALL_OPERATIONS_ID);
		const batches = (await sim.control('jiazhiyuan/sent')) as Array<{ batchId: string; mobiles: string[]; content: string; contentHex: string }>;
		expect(batches.map((batch) => batch.mobiles.length)).toEqual([20000, 5000]);
		expect(batches.every((batch) => batch.content === '【嘉之元】短信测试' && batch.contentHex.toUpperCase().endsWith('B6CCD0C5B2E2CAD4'))).toBe(true);
		const send = run.items('Bulk Send')[0];
		expect(send).toMatchObject({ provider: 'jiazhiyuan', success: true, batchIds: batches.map((batch) => batch.batchId), mobiles: { count: 25000 } });
		const reports = run.items('Delivery Reports');
		expect(reports.length).toBe(1000);
		expect(reports[0]).toMatchObject({ event: 'deliveryReceipt', messageId: batches[0].batchId, status: 'delivered' });
		expect(run.items('Replies')).toEqual([expect.objectContaining({ event: 'reply', mobile: '15256560065', content: '你谁啊?' })]);
		expect(run.items('Balance')[0]).toMatchObject({ memberSmsNum: 684, kaSmsNum: 49964, gateSmsNum: 49919 - 25000 });
		expect(run.items('Change Password')[0]).toMatchObject({ success: true, code: 1 });
	}, 300_000);

	test('example: verification code by SMS reports message id and segments', async () => {
		await sim.control('reset', {});
		const run = await n8n.execute('exVerifyCode0001');
		const result = run.items('Code sent')[0];
		expect(result).toMatchObject({ channel: 'sms', messageId: expect.stringMatching(/^\d{20}$/), segments: 1 });
		const sent = (await sim.control('ihuyi/sent')) as Array<{ content: string; id: string }>;
		expect(sent[0]).toMatchObject({ id: result.messageId, content: `您的验证码是：${String(result.code)}。请不要把验证码泄露给其他人。` });
	}, 300_000);

	test('example: verification code falls back to a voice code when the SMS is refused', async () => {
		await sim.control('reset', {});
		await sim.control('fault', { kind: 'unknownCode', route: 'ihuyi:sms' });
		const run = await n8n.execute('exVerifyCode0001');
		const voice = run.items('Call with a voice code')[0];
		expect(voice).toMatchObject({ product: 'voiceCode', success: true });
		expect(voice.verificationCode).toMatch(/^\d{6}$/);
	}, 300_000);

	test('example: Jiazhiyuan campaign and report collection', async () => {
		await sim.control('reset', {});
		const run = await n8n.execute('exJzyCampaign001');
		expect(run.items('Send campaign')[0]).toMatchObject({ success: true, mobiles: { count: 3 } });
		expect(run.items('Collect delivery reports').map((report) => report.mobile)).toEqual(['13900000000', '13900000001', '13900000002']);
	}, 300_000);

	test('example: daily balance check takes the low-balance branch below 500', async () => {
		await sim.control('reset', {});
		await sim.control('ihuyi/config', { balance: 120 });
		const run = await n8n.execute('exDailyBalance01');
		expect(run.items('Low balance alert')[0].alert).toBe('ihuyi SMS balance is low: 120 messages left');
		await sim.control('ihuyi/config', { balance: 5000 });
		const ok = await n8n.execute('exDailyBalance01');
		expect(ok.items('Balance OK')[0].balance).toBe(5000);
	}, 300_000);

	test('the server lists every node, serves the Ihuyi Trigger, and each push starts one execution', async () => {
		await sim.control('reset', {});
		await n8n.activate('exReceiptsLog001');
		await n8n.activate(VOICE_RECEIPTS.id);
		await n8n.start();
		try {
			const names = await n8n.editor.editorNodeTypes(await n8n.editor.ownerSession());
			for (const node of ['ihuyi', 'ihuyiTrigger', 'jiazhiyuan', 'jiazhiyuanTrigger']) expect(names).toContain(`${PACKAGE}.${node}`);
			// The action nodes are offered to AI agents as tools too.
			for (const tool of ['ihuyiTool', 'jiazhiyuanTool']) expect(names).toContain(`${PACKAGE}.${tool}`);
			const url = `${n8n.baseUrl}/webhook/${RECEIPTS_EXAMPLE_WEBHOOK_ID}/ihuyi`;
			await n8n.waitForWebhook(url);
			const pushes = [
				{ code: '2', msg: '发送成功', mobilephone: '13800138000', smsid: '16063783563405105174', report_time: '2024-05-01 10:00:00' },
				{ code: '4030', msg: '用户拒收', mobilephone: '13900139000', smsid: '16063783563405105175', report_time: '2024-05-01 10:00:01' },
				// A field ihuyi may add later is accepted and kept in raw.
				{ mobilephone: '13800138000', content: '好的，收到', smsid: '16063783563405105174', reply_time: '2024-05-01 10:01:00', channel: 'future-field' },
			];
			for (const fields of pushes) {
				const result = (await sim.control('ihuyi/push', { url, fields, intervalMs: 200 })) as { acknowledged: boolean; attempts: Array<{ status: number; body: string; contentType: string }> };
				expect(result.attempts).toEqual([{ status: 200, body: 'success', contentType: expect.stringContaining('text/plain') }]);
			}
			const bad = (await sim.control('ihuyi/push', { url, fields: { hello: 'world' }, intervalMs: 50 })) as { attempts: Array<{ status: number }> };
			expect(bad.attempts.map((attempt) => attempt.status)).toEqual([400, 400, 400]);
			// ihuyi sends forms only: a JSON body is refused (415) and starts nothing (the sink stays at 3).
			const json = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(pushes[0]), signal: AbortSignal.timeout(30_000) });
			expect(json.status).toBe(415);
			expect(await json.text()).toContain('application/x-www-form-urlencoded');
			// Executions run after the answer: wait (bounded) for the log sink to fill.
			let sink: Array<{ receipt: Record<string, unknown> }> = [];
			for (let waited = 0; waited < 30_000 && sink.length < 3; waited += 500) {
				await new Promise((resolve) => setTimeout(resolve, 500));
				sink = (await sim.control('sink')) as typeof sink;
			}
			await new Promise((resolve) => setTimeout(resolve, 1500));
			sink = (await sim.control('sink')) as typeof sink;
			expect(sink).toHaveLength(3);
			// Executions run concurrently: compare regardless of order.
			expect(sink.map((entry) => entry.receipt)).toEqual(expect.arrayContaining([
				expect.objectContaining({ event: 'deliveryReceipt', status: 'delivered', messageId: '16063783563405105174', time: '2024-05-01T10:00:00+08:00' }),
				expect.objectContaining({ event: 'deliveryReceipt', status: 'failed', code: '4030', mobile: '13900139000' }),
				expect.objectContaining({ event: 'reply', content: '好的，收到', mobile: '13800138000', raw: expect.objectContaining({ channel: 'future-field' }) }),
			]));

			// A bounded burst of 500 pushes: each answered "success", each one execution.
			const burst = 500;
			const ids = Array.from({ length: burst }, (_, index) => String(30000000000000000000n + BigInt(index)));
			const acknowledged = (await pushBurst({ ids, urlFor: () => url, concurrency: 10, acknowledged: SUCCESS })).answered.size;
			expect(acknowledged).toBe(burst);
			await waitForCount('the burst in the log', async () => (sink = (await sim.control('sink')) as typeof sink).length, 3 + burst).catch(async (error: Error) => {
				throw new Error(`${error.message}; ${await explainExecutions(n8n, 'exReceiptsLog001')}`);
			});
			const burstIds = new Set(sink.map((entry) => String(entry.receipt.messageId)).filter((id) => id.startsWith('3000000000000000')));
			expect(burstIds.size).toBe(burst);
			expect(sink).toHaveLength(3 + burst);

			// A voice notification's receipt, pushed to the trigger set to that product.
			const voiceUrl = `${n8n.baseUrl}/webhook/${VOICE_RECEIPTS.webhookId}/ihuyi`;
			await n8n.waitForWebhook(voiceUrl);
			const fields = { code: '4072', msg: '内容与模板不匹配', mobilephone: '02151234567', voiceid: '1708123456', report_time: '2024-05-01 10:02:00' };
			const voice = (await sim.control('ihuyi/push', { url: voiceUrl, fields, intervalMs: 200 })) as { attempts: Array<{ body: string }> };
			expect(voice.attempts.map((attempt) => attempt.body)).toEqual(['success']);
			await waitForCount('the voice receipt in the log', async () => (sink = (await sim.control('sink')) as typeof sink).length, 4 + burst);
			expect(sink.find((entry) => entry.receipt.product === 'voiceNotification')?.receipt).toMatchObject({
				event: 'deliveryReceipt', status: 'failed', code: '4072', messageId: '1708123456', mobile: '02151234567', explanation: expect.stringMatching(/template/i),
			});
		} finally {
			await n8n.stop();
		}
	}, 600_000);
});
