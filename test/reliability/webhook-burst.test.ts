/**
 * Webhook robustness: a bounded burst of 1,000 ihuyi pushes through the Ihuyi Trigger's
 * webhook function (served over HTTP as n8n serves it) gives 1,000 items, none lost, each
 * answered "success"; malformed and oversized bodies in the same burst get a 4xx and start
 * nothing, without disturbing the valid ones.
 */
import { IhuyiTrigger } from '../../nodes/IhuyiTrigger/IhuyiTrigger.node';
import { serveWebhook } from '../helpers/webhookHarness';
import { samplePushes } from '../simulator/pusher';
import { count } from './summary';

test('1,000 valid pushes and 100 bad ones, 25 at a time', async () => {
	const server = await serveWebhook(new IhuyiTrigger(), { product: 'sms', events: ['deliveryReceipt', 'reply'], options: {} });
	try {
		const valid = 1000;
		const bodies: Array<{ body: string; valid: boolean }> = [];
		for (let i = 0; i < valid; i++) {
			const fields = i % 2 ? samplePushes.reply(String(20000000000000000000n + BigInt(i)), `回复${i}`) : samplePushes.deliveryReceipt(String(20000000000000000000n + BigInt(i)));
			bodies.push({ body: new URLSearchParams(fields).toString(), valid: true });
			if (i % 10 === 0) bodies.push({ body: i % 20 ? `content=${'y'.repeat(5000)}&mobilephone=1&smsid=1` : 'garbage=%%%', valid: false });
		}
		let next = 0;
		const answers: Array<{ valid: boolean; status: number; text: string }> = [];
		const deadline = Date.now() + 120_000;
		const worker = async () => {
			while (next < bodies.length && Date.now() < deadline) {
				const { body, valid: isValid } = bodies[next++];
				const response = await fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body, signal: AbortSignal.timeout(10_000) });
				answers.push({ valid: isValid, status: response.status, text: await response.text() });
			}
		};
		await Promise.all(Array.from({ length: 25 }, worker));
		count('webhook burst', 'cases', answers.length);
		const good = answers.filter((answer) => answer.valid);
		const bad = answers.filter((answer) => !answer.valid);
		// Counted from what the trigger answered and emitted before anything is asserted, so
		// the summary shows a repeat or a bad body let through even when an assertion fails.
		const refused = bad.filter((answer) => answer.status >= 400 && answer.status < 500).length;
		count('webhook burst', 'rejectedBeforeSending', refused);
		const ids = new Set(server.emitted.map((items) => items[0].json.messageId));
		const duplicates = server.emitted.length - ids.size;
		if (duplicates) count('webhook burst', 'duplicates', duplicates);

		expect(good).toHaveLength(valid);
		expect(good.every((answer) => answer.status === 200 && answer.text === 'success')).toBe(true);
		expect(refused).toBe(bad.length);
		expect(duplicates).toBe(0);
		expect(server.emitted).toHaveLength(valid);
		expect(ids.size).toBe(valid);
		count('webhook burst', 'faultsSurvived', bad.length);
	} finally {
		await server.close();
	}
}, 180_000);
