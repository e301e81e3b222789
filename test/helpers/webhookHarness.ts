/**
 * Serves a trigger node's `webhook()` on 127.0.0.1 the way n8n's webhook layer does: the
 * request body is parsed (form-encoded and JSON, repeated keys become lists, as n8n's body
 * parser does), then n8n-core's real WebhookContext runs the node with the live request and
 * response. What the node hands to the workflow is recorded (n8n: the execution is created),
 * and only then, for `responseMode: 'onReceived'`, answered as n8n 2.x does: with the
 * description's `responseData`, or n8n's default JSON. Who answered each request (the node
 * itself, or n8n after the node handed it a workflow to start) is recorded in `answeredBy`.
 */
import { createServer } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';

import { WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INode, INodeExecutionData, INodeParameters, INodeType, INodeTypes, IWebhookData, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { createCredentialsHelper } from './credentialStore';

export interface WebhookServer {
	url: string;
	/** Items each accepted request started a workflow with. */
	emitted: INodeExecutionData[][];
	/** Per request, in order of arrival: 'node' when the node ended the response, else 'n8n'. */
	answeredBy: Array<'node' | 'n8n'>;
	close(): Promise<void>;
}

export interface WebhookServeOptions {
	/** Credential type → decrypted data, handed out by n8n's credential store. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
}

export async function serveWebhook(nodeType: INodeType, parameters: INodeParameters, options: WebhookServeOptions = {}): Promise<WebhookServer> {
	const node: INode = {
		id: 'trigger-under-test',
		name: 'Trigger Under Test',
		type: `n8n-nodes-ihuyi-jiazhiyuan.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		webhookId: 'test-webhook',
		credentials: Object.fromEntries(Object.keys(options.credentials ?? {}).map((type) => [type, { id: `${type}-id`, name: type }])),
	};
	const credentialsHelper = createCredentialsHelper(options.credentials ?? {});
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	// One workflow for the server's life, as one active workflow serves every push.
	const workflow = new Workflow({ id: 'webhook-test', nodes: [node], connections: {}, nodeTypes, active: true, settings: {} });
	const emitted: INodeExecutionData[][] = [];
	const answeredBy: Array<'node' | 'n8n'> = [];

	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const raw = await readBody(req);
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const request = Object.assign(req, {
			body: parseBody(String(req.headers['content-type'] ?? ''), raw),
			rawBody: raw,
			query: queryObject(url.searchParams),
			params: {},
			ip: req.socket.remoteAddress,
		});
		if (req.method !== 'POST') {
			res.statusCode = 404;
			res.end('This webhook is not registered for ' + String(req.method));
			return;
		}
		const additionalData = { credentialsHelper, httpRequest: request, httpResponse: res, webhookBaseUrl: 'http://127.0.0.1/webhook', webhookTestBaseUrl: 'http://127.0.0.1/webhook-test' } as unknown as IWorkflowExecuteAdditionalData;
		const webhookData = { httpMethod: 'POST', node: node.name, path: 'ihuyi', webhookDescription: nodeType.description.webhooks![0], workflowId: workflow.id } as unknown as IWebhookData;
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		const result = await nodeType.webhook!.call(context);
		answeredBy.push(res.writableEnded ? 'node' : 'n8n');
		if (result.noWebhookResponse) return;
		if (result.workflowData) emitted.push(result.workflowData[0]);
		const responseData = webhookData.webhookDescription.responseData;
		res.statusCode = 200;
		if (typeof responseData === 'string' && responseData !== 'noData') {
			// Express's res.send(text) keeps a Content-Type set earlier, else text/html.
			if (!res.getHeader('Content-Type')) res.setHeader('Content-Type', 'text/html; charset=utf-8');
			res.end(responseData);
		} else {
			res.setHeader('Content-Type', 'application/json');
			res.end(typeof result.webhookResponse === 'string' ? result.webhookResponse : '{"message":"Workflow was started"}');
		}
	};
	const server: Server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			if (!res.headersSent) res.statusCode = 500;
			res.end(`error: ${String(error)}`);
		});
	});
	return await listen(server, emitted, answeredBy, '/webhook/test-webhook/ihuyi');
}

/**
 * n8n's own Webhook node (v2) in front of Push → Read, as the README sets it up: it answers
 * every POST "success" (text/plain) at once and hands the workflow one item holding the
 * request as n8n-nodes-base's Webhook node builds it: `headers` (lower-case names), `params`,
 * `query` and the `body` parsed by the same body parser as `serveWebhook`'s, plus the
 * `webhookUrl` and `executionMode` n8n adds. Whatever posts to both servers gets the same parse.
 */
export async function serveWebhookNode(): Promise<WebhookServer> {
	const emitted: INodeExecutionData[][] = [];
	// Respond: Immediately is n8n's own answer, never a node's.
	const answeredBy: WebhookServer['answeredBy'] = [];
	const server: Server = createServer((req, res) => {
		readBody(req).then((raw) => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const json = { headers: req.headers, params: {}, query: queryObject(url.searchParams), body: parseBody(String(req.headers['content-type'] ?? ''), raw), webhookUrl: `http://127.0.0.1${url.pathname}`, executionMode: 'production' };
			emitted.push([{ json: json as unknown as INodeExecutionData['json'] }]);
			answeredBy.push('n8n');
			res.statusCode = 200;
			res.setHeader('Content-Type', 'text/plain; charset=utf-8');
			res.end('success');
		}, (error: unknown) => {
			res.statusCode = 500;
			res.end(`error: ${String(error)}`);
		});
	});
	return await listen(server, emitted, answeredBy, '/webhook/ihuyi-receipts');
}

async function listen(server: Server, emitted: INodeExecutionData[][], answeredBy: WebhookServer['answeredBy'], path: string): Promise<WebhookServer> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${path}`,
		emitted,
		answeredBy,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
	const result: Record<string, string | string[]> = {};
	for (const [key, value] of params) {
		const existing = result[key];
		result[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return result;
}

function parseBody(contentType: string, raw: Buffer): unknown {
	if (contentType.includes('application/x-www-form-urlencoded')) return queryObject(new URLSearchParams(raw.toString('utf8')));
	if (contentType.includes('application/json')) {
		try {
			return JSON.parse(raw.toString('utf8')) as unknown;
		} catch {
			return {};
		}
	}
	return {};
}
