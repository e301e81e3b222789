/**
 * Push → Read through n8n's engine: the same request posted to the Ihuyi Trigger and to a
 * Webhook node in front of Push → Read gives the same item, field by field and in the same
 * order, for every push kind and setting; what the trigger refuses, Push → Read refuses
 * with the same reason, as an error that names the item (error output, regular output, or
 * the node fails).
 */
import { NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { IhuyiTrigger } from '../../nodes/IhuyiTrigger/IhuyiTrigger.node';
import { allText, runNode } from '../helpers/n8nHarness';
import type { RunNodeOptions } from '../helpers/n8nHarness';
import { serveWebhook, serveWebhookNode } from '../helpers/webhookHarness';
import type { WebhookServer } from '../helpers/webhookHarness';
import { samplePushes } from '../simulator/pusher';

const FORM = 'application/x-www-form-urlencoded';
const ALL_EVENTS: INodeParameters = { product: 'sms', events: ['deliveryReceipt', 'reply', 'templateAudit'], options: {} };
const servers: WebhookServer[] = [];

afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (server) => await server.close()));
});

const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function post(url: string, body: string, contentType: string) {
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': contentType }, body });
	return { status: response.status, body: await response.text() };
}

/** What the Webhook node hands Push → Read for each request, in order. */
async function webhookItems(requests: Array<{ body: string; contentType?: string; query?: string }>): Promise<INodeExecutionData[]> {
	const webhook = await serveWebhookNode();
	servers.push(webhook);
	for (const request of requests) await post(`${webhook.url}${request.query ?? ''}`, request.body, request.contentType ?? FORM);
	return webhook.emitted.map((items) => items[0]);
}

async function readPush(items: INodeExecutionData[], parameters: INodeParameters = ALL_EVENTS, settings: Partial<RunNodeOptions> = {}) {
	return await runNode({ type: 'ihuyi', parameters: { resource: 'push', operation: 'read', ...parameters }, items, ...settings });
}

/** The trigger's answer and item, and Push → Read's items, for one request posted to both. */
async function bothRoutes(body: string, parameters: INodeParameters = ALL_EVENTS, contentType = FORM) {
	const trigger = await serveWebhook(new IhuyiTrigger(), parameters);
	servers.push(trigger);
	const answer = await post(trigger.url, body, contentType);
	const read = await readPush(await webhookItems([{ body, contentType }]), parameters, { onError: 'continueErrorOutput' });
	return { answer, triggerItems: trigger.emitted.map((items) => items[0].json), read };
}

describe('the same push makes the same item as the Ihuyi Trigger', () => {
	test.each([
		['a delivered receipt', samplePushes.deliveryReceipt('16063783563405105174'), {}, 'deliveryReceipt'],
		['a failed receipt with a catalogued code', samplePushes.deliveryReceipt('16063783563405105175', '13900139000', '4030'), {}, 'deliveryReceipt'],
		['a failed receipt with a carrier code', samplePushes.deliveryReceipt('16063783563405105176', '13900139000', 'MK:0001'), {}, 'deliveryReceipt'],
		['a reply', samplePushes.reply('16063783563405105174', '好的，收到！谢谢'), {}, 'reply'],
		['an opt-out reply', samplePushes.reply('16063783563405105174', ' ＴＤ。'), {}, 'reply'],
		['a reply matching Unsubscribe Keywords', samplePushes.reply('16063783563405105174', 'ｓｔｏｐ！'), { options: { unsubscribeKeywords: 'stop' } }, 'reply'],
		['an approved template audit', samplePushes.templateAudit('1234', '2'), {}, 'templateAudit'],
		['a rejected template audit', samplePushes.templateAudit('1235', '0'), {}, 'templateAudit'],
		['an international receipt', samplePushes.internationalReceipt('60495654'), { product: 'internationalSms' }, 'deliveryReceipt'],
		['a voice notification receipt from a fixed line', samplePushes.voiceReceipt('1708123456', '02151234567', '4082'), { product: 'voiceNotification' }, 'deliveryReceipt'],
		['a receipt with fields ihuyi may add later', { ...samplePushes.deliveryReceipt('9'), extno: '01' }, {}, 'deliveryReceipt'],
	])('%s', async (_name, fields, extra, event) => {
		const { answer, triggerItems, read } = await bothRoutes(encode(fields), { ...ALL_EVENTS, ...extra });
		expect(answer).toEqual({ status: 200, body: 'success' });
		expect(triggerItems).toHaveLength(1);
		expect(triggerItems[0].event).toBe(event);
		expect(read.error).toBeUndefined();
		expect(read.errorItems).toEqual([]);
		expect(read.items).toHaveLength(1);
		// Field by field, in the trigger's order.
		expect(Object.entries(read.items[0].json)).toEqual(Object.entries(triggerItems[0]));
		expect(read.items[0].pairedItem).toEqual({ item: 0 });
	});

	test.each([
		['an event not chosen', samplePushes.deliveryReceipt('1'), { events: ['reply'] }],
		['a delivered receipt with Failed Receipts Only', samplePushes.deliveryReceipt('2'), { events: ['deliveryReceipt'], failedOnly: true }],
		['a template audit when only receipts and replies are chosen', samplePushes.templateAudit(), { events: ['deliveryReceipt', 'reply'] }],
	])('%s: no item, where the trigger starts nothing', async (_name, fields, extra) => {
		const { answer, triggerItems, read } = await bothRoutes(encode(fields), { ...ALL_EVENTS, ...extra });
		expect(answer).toEqual({ status: 200, body: 'success' });
		expect(triggerItems).toEqual([]);
		expect(read.error).toBeUndefined();
		expect([...read.items, ...read.errorItems]).toEqual([]);
	});

	test('Failed Receipts Only keeps a failed receipt, as the trigger does', async () => {
		const { triggerItems, read } = await bothRoutes(encode(samplePushes.deliveryReceipt('3', '13800138000', '4085')), { ...ALL_EVENTS, events: ['deliveryReceipt'], failedOnly: true });
		expect(read.items.map((item) => item.json)).toEqual(triggerItems);
		expect(triggerItems).toHaveLength(1);
	});
});

describe('what is not a push: the trigger\'s 4xx, an error naming the item here', () => {
	test.each([
		['an empty body', '', FORM],
		['unrelated fields', 'hello=world', FORM],
		['a receipt without id', 'code=2&msg=ok&mobilephone=13800138000&report_time=2017-08-02+14%3A31%3A51', FORM],
		['no mobilephone', 'code=2&smsid=1', FORM],
		['a field given twice', 'code=2&code=3&mobilephone=13800138000&smsid=1', FORM],
		['an oversized field', encode({ ...samplePushes.reply('1'), content: 'x'.repeat(5000) }), FORM],
		['too many fields', Array.from({ length: 40 }, (_, index) => `f${index}=1`).join('&'), FORM],
		['a JSON receipt', JSON.stringify(samplePushes.deliveryReceipt('1')), 'application/json'],
		['plain text', encode(samplePushes.deliveryReceipt('1')), 'text/plain'],
	])('%s', async (_name, body, contentType) => {
		const { answer, triggerItems, read } = await bothRoutes(body, ALL_EVENTS, contentType);
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(answer.status).toBeLessThan(500);
		expect(triggerItems).toEqual([]);
		expect(read.items).toEqual([]);
		expect(read.errorItems).toHaveLength(1);
		const { error } = read.errorItems[0].json as { error: { message: string; description: string } };
		// The trigger's reason, after the item.
		expect(error.message).toBe(`Item 0: ${answer.body}`);
		expect(error.description).toMatch(/Webhook node/);
		expect(read.errorItems[0].pairedItem).toEqual({ item: 0 });
	});

	test('an item that did not come from a Webhook node names the Content-Type', async () => {
		const read = await readPush([{ json: { mobilephone: '13800138000', smsid: '1', code: '2' } }]);
		expect(read.error).toBeInstanceOf(NodeOperationError);
		expect(read.error!.message).toBe('Item 0: Content-Type is not application/x-www-form-urlencoded: ihuyi pushes are form-encoded');
		expect(read.error!.description).toMatch(/right after the Webhook node/);
	});

	test('several items: pushes to the main output, the refused one to the error output, each paired with its input', async () => {
		const items = await webhookItems([
			{ body: encode(samplePushes.deliveryReceipt('11')) },
			{ body: 'hello=world' },
			{ body: encode(samplePushes.templateAudit()) },
			{ body: encode(samplePushes.reply('12')) },
		]);
		const read = await readPush(items, { ...ALL_EVENTS, events: ['deliveryReceipt', 'reply'] }, { onError: 'continueErrorOutput' });
		expect(read.items.map((item) => [item.json.messageId, item.pairedItem])).toEqual([
			['11', { item: 0 }],
			['12', { item: 3 }],
		]);
		expect(read.errorItems.map((item) => [(item.json.error as { message: string }).message, item.pairedItem])).toEqual([['Item 1: Body field "mobilephone" is missing', { item: 1 }]]);
	});

	test('Continue (regular output): the refused item stays beside the pushes, success false', async () => {
		const items = await webhookItems([{ body: encode(samplePushes.deliveryReceipt('21')) }, { body: '', contentType: 'application/json' }]);
		const read = await readPush(items, ALL_EVENTS, { continueOnFail: true });
		expect(read.items.map((item) => item.json.messageId ?? item.json.success)).toEqual(['21', false]);
		expect(read.items[1].json.error).toMatchObject({ message: expect.stringMatching(/^Item 1: Content-Type/) });
	});

	test('without Continue On Fail the node fails at the first refused item and outputs nothing', async () => {
		const items = await webhookItems([{ body: encode(samplePushes.deliveryReceipt('31')) }, { body: 'code=2&smsid=1' }]);
		const read = await readPush(items);
		expect(read.items).toEqual([]);
		expect(read.error).toBeInstanceOf(NodeOperationError);
		expect(read.error!.message).toBe('Item 1: Body field "mobilephone" is missing');
	});
});

describe('Authentication Secret Token: the trigger\'s check, refusals as errors, the token never repeated', () => {
	const TOKEN = 'Tk-7f3k9Qx2mVb8Lp4R';
	const NEAR_MISS = TOKEN.slice(0, -1);
	const secretToken = { ...ALL_EVENTS, authentication: 'secretToken' };
	const credentials = (token = TOKEN) => ({ credentials: { ihuyiTriggerTokenApi: { token } } });
	const body = encode(samplePushes.deliveryReceipt('41'));

	test('the right token gives the item; none, a wrong one or a near miss an error per item', async () => {
		const items = await webhookItems([{ body, query: `?token=${TOKEN}` }, { body }, { body, query: '?token=wrong' }, { body, query: `?token=${NEAR_MISS}` }, { body, query: `?token=${TOKEN}&token=${TOKEN}` }]);
		const read = await readPush(items, secretToken, { ...credentials(), onError: 'continueErrorOutput' });
		expect(read.items.map((item) => [item.json.messageId, item.pairedItem])).toEqual([['41', { item: 0 }]]);
		expect(read.errorItems.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }, { item: 4 }]);
		for (const item of read.errorItems) {
			expect((item.json.error as { message: string }).message).toMatch(/^Item \d: Query parameter token is missing or not the one in the Ihuyi Trigger Token credential$/);
		}
		// What the node outputs repeats neither the expected token nor the one given.
		expect(allText([read.items, read.errorItems])).not.toContain(NEAR_MISS);
	});

	test('a failed run\'s error holds neither token', async () => {
		const read = await readPush(await webhookItems([{ body, query: `?token=${NEAR_MISS}` }]), secretToken, credentials());
		expect(read.error).toBeInstanceOf(NodeOperationError);
		expect(allText([read.error, read.recordedError])).not.toContain(NEAR_MISS);
	});

	test('a credential without a token refuses every item, as the trigger refuses every push', async () => {
		const items = await webhookItems([{ body, query: '?token=' }, { body }]);
		const read = await readPush(items, secretToken, { ...credentials(''), onError: 'continueErrorOutput' });
		expect(read.items).toEqual([]);
		expect(read.errorItems.map((item) => (item.json.error as { message: string }).message)).toEqual(['Item 0: The Ihuyi Trigger Token credential has no token', 'Item 1: The Ihuyi Trigger Token credential has no token']);
	});

	test('with Authentication None a token in the URL is ignored, as by the trigger', async () => {
		const read = await readPush(await webhookItems([{ body, query: '?token=anything' }]), ALL_EVENTS);
		expect(read.items.map((item) => item.json.messageId)).toEqual(['41']);
	});
});
