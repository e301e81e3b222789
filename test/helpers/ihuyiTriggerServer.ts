/**
 * The Ihuyi Trigger served on 127.0.0.1 through the webhook harness, one server per test,
 * closed after it; `post` sends a raw request as a pusher or a stranger would.
 */
import type { INodeParameters } from 'n8n-workflow';

import { IhuyiTrigger } from '../../nodes/IhuyiTrigger/IhuyiTrigger.node';
import { serveWebhook } from './webhookHarness';
import type { WebhookServeOptions, WebhookServer } from './webhookHarness';

export function useIhuyiTrigger(): (parameters?: INodeParameters, options?: WebhookServeOptions) => Promise<WebhookServer> {
	const trigger = new IhuyiTrigger();
	let server: WebhookServer | undefined;
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});
	return async (parameters = {}, options = {}) => {
		server = await serveWebhook(trigger, { product: 'sms', events: ['deliveryReceipt', 'reply', 'templateAudit'], options: {}, ...parameters }, options);
		return server;
	};
}

export async function post(url: string, body: string, contentType = 'application/x-www-form-urlencoded', method = 'POST') {
	const response = await fetch(url, { method, headers: { 'Content-Type': contentType }, body: method === 'GET' ? undefined : body });
	return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') ?? '' };
}
