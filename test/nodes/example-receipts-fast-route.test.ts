/**
 * examples/delivery-receipts-fast-route.json beside examples/delivery-receipts-to-log.json:
 * the fast route's Webhook node is set up to answer exactly "success" as text/plain at once,
 * with no expression in its parameters; its Read Push, run with the example's own parameters,
 * makes for each push the item the other example's Ihuyi Trigger makes; and everything after
 * them (receipt key, Data Table check, log, Data Table insert) is the same workflow. The
 * real-n8n suite runs both (test/e2e/receipts.e2e.test.ts).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { INodeParameters } from 'n8n-workflow';

import { IhuyiTrigger } from '../../nodes/IhuyiTrigger/IhuyiTrigger.node';
import { runNode } from '../helpers/n8nHarness';
import { serveWebhook, serveWebhookNode } from '../helpers/webhookHarness';
import { pushToUrl, samplePushes } from '../simulator/pusher';

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
}
interface Example {
	nodes: ExampleNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const load = (file: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', file), 'utf8')) as Example;
const fast = load('delivery-receipts-fast-route.json');
const trigger = load('delivery-receipts-to-log.json');
const node = (example: Example, name: string): ExampleNode => {
	const found = example.nodes.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`the example has no node "${name}"`);
	return found;
};
const next = (example: Example, from: string) => example.connections[from].main[0].map((link) => link.node);

test('the Webhook node answers POSTs at once with exactly "success" as text/plain, and holds no expression', () => {
	const webhook = node(fast, 'Webhook');
	expect(webhook).toMatchObject({ type: 'n8n-nodes-base.webhook', typeVersion: 2 });
	expect(webhook.parameters).toMatchObject({
		httpMethod: 'POST',
		responseMode: 'onReceived',
		options: { responseData: 'success', responseHeaders: { entries: [{ name: 'Content-Type', value: 'text/plain; charset=utf-8' }] } },
	});
	// n8n 2.x skips its expression isolate only for a Webhook node whose parameters are static.
	expect(JSON.stringify(webhook.parameters)).not.toMatch(/"=/);
	expect(next(fast, 'Webhook')).toEqual(['Read Push']);
});

test('after the first two nodes it is the receipts example: the same nodes, parameters and connections', () => {
	const rest = (example: Example, first: string[]) => example.nodes.filter((each) => !first.includes(each.name)).map(({ name, type, parameters }) => ({ name, type, parameters }));
	const reference = (example: Example, reader: string) => JSON.stringify(rest(example, ['Webhook', 'Read Push', 'Ihuyi Trigger'])).split(`$('${reader}')`).join('$(READER)');
	expect(reference(fast, 'Read Push')).toBe(reference(trigger, 'Ihuyi Trigger'));
	expect(next(fast, 'Read Push')).toEqual(next(trigger, 'Ihuyi Trigger'));
	const { Webhook: _webhook, 'Read Push': _read, ...fastRest } = fast.connections;
	const { 'Ihuyi Trigger': _trigger, ...triggerRest } = trigger.connections;
	expect(fastRest).toEqual(triggerRest);
});

test.each([
	['a delivery receipt', samplePushes.deliveryReceipt('16063783563405105174')],
	['a failed receipt', samplePushes.deliveryReceipt('16063783563405105175', '13900139000', '4030')],
	['a reply', samplePushes.reply('16063783563405105174', '退订')],
])('%s: Read Push with the example\'s parameters makes the item of the other example\'s trigger', async (_name, fields) => {
	const triggerServer = await serveWebhook(new IhuyiTrigger(), node(trigger, 'Ihuyi Trigger').parameters);
	const webhookServer = await serveWebhookNode();
	try {
		expect((await pushToUrl(triggerServer.url, fields, { maxPushes: 1 })).acknowledged).toBe(true);
		expect((await pushToUrl(webhookServer.url, fields, { maxPushes: 1 })).acknowledged).toBe(true);
		expect(node(fast, 'Read Push')).toMatchObject({ type: 'n8n-nodes-ihuyi-jiazhiyuan.ihuyi', parameters: { resource: 'push', operation: 'read' } });
		const read = await runNode({ type: 'ihuyi', parameters: node(fast, 'Read Push').parameters, items: webhookServer.emitted[0] });
		expect(read.error).toBeUndefined();
		expect(read.items.map((item) => item.json)).toEqual(triggerServer.emitted.map((items) => items[0].json));
	} finally {
		await triggerServer.close();
		await webhookServer.close();
	}
});
