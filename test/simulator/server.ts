import { createServer } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';
// The timers module's own delay: a test that fakes the global timers does not stop the simulator.
import { setTimeout as delay } from 'timers/promises';

import { IhuyiSimulator } from './ihuyi';
import { JiazhiyuanSimulator } from './jiazhiyuan';
import type { Fault, FaultKind, LoggedRequest, ProviderHandler, SimAnswer, SimRequest } from './types';

export interface SimulatorOptions {
	port?: number;
	/** Delay before every provider answer, in ms (tests of concurrency use 50). */
	latencyMs?: number;
}

/** Provider answers of these kinds are produced by the provider handler itself. */
const ANSWER_FAULTS: FaultKind[] = ['unknownCode', 'successWithoutId', 'refusal'];

/**
 * The provider simulator: one HTTP server on 127.0.0.1 that plays ihuyi and Jiazhiyuan as
 * their documents describe, logs every request with its raw bytes, and injects faults.
 * Tests start it in-process; `npm run simulator` starts it as a program.
 */
export class Simulator {
	readonly ihuyi = new IhuyiSimulator();

	readonly jiazhiyuan = new JiazhiyuanSimulator();

	readonly requests: LoggedRequest[] = [];

	latencyMs: number;

	/** Extra providers mounted by path prefix (the Jiazhiyuan servlet, control routes…). */
	private readonly routes: Array<{ prefix: string; handler: ProviderHandler }> = [];

	private faults: Array<Required<Pick<Fault, 'kind' | 'times' | 'skip'>> & Pick<Fault, 'route'>> = [];

	private server: Server | undefined;

	private readonly sockets = new Set<Socket>();

	private seq = 0;

	constructor(options: SimulatorOptions = {}) {
		this.latencyMs = options.latencyMs ?? 0;
		this.mount('/webservice/', (request) => this.ihuyi.handle(request));
		this.mount('/vm/webservice/', (request) => this.ihuyi.handle(request));
		this.mount('/servlet/', (request) => this.jiazhiyuan.handle(request));
	}

	get url(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('simulator not started');
		return `http://127.0.0.1:${address.port}`;
	}

	get port(): number {
		return (this.server?.address() as AddressInfo).port;
	}

	mount(prefix: string, handler: ProviderHandler): void {
		this.routes.push({ prefix, handler });
	}

	/** The next `times` requests (on `route`, if given) fail in the given way. */
	injectFault(fault: Fault): void {
		this.faults.push({ kind: fault.kind, times: fault.times ?? 1, route: fault.route, skip: fault.skip ?? 0 });
	}

	clearFaults(): void {
		this.faults = [];
	}

	/** Requests whose route starts with the given prefix, e.g. "ihuyi:sms:Submit". */
	requestsTo(routePrefix: string): LoggedRequest[] {
		return this.requests.filter((request) => request.route.startsWith(routePrefix));
	}

	reset(): void {
		this.requests.length = 0;
		this.faults = [];
		this.latencyMs = 0;
		this.ihuyi.reset();
		this.jiazhiyuan.reset();
	}

	async start(port = 0): Promise<this> {
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => {
				if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
				res.end(`simulator error: ${String(error)}`);
			});
		});
		this.server.keepAliveTimeout = 60_000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, '127.0.0.1', () => resolve());
		});
		return this;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		const server = this.server;
		this.server = undefined;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const rawBody = await readBody(req);
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const log: LoggedRequest = {
			seq: ++this.seq,
			at: Date.now(),
			method: req.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			remoteAddress: req.socket.remoteAddress ?? '',
			rawBody,
			form: {},
			route: 'unknown',
		};
		const route = this.routes.find((candidate) => url.pathname.startsWith(candidate.prefix));
		if (!route) {
			res.writeHead(404, { 'Content-Type': 'text/html' });
			res.end('<html><body><h1>404 Not Found</h1></body></html>');
			return;
		}
		const request: SimRequest = {
			req,
			path: url.pathname,
			query: url.searchParams,
			rawBody,
			remoteAddress: log.remoteAddress,
			log,
		};
		if (!url.pathname.startsWith('/__sim/')) this.requests.push(log);

		// Which fault applies is decided once the handler has named the route; faults that
		// concern the transport are applied after the provider processed the request, as a
		// real proxy failure would (the message may be sent even though the answer is lost).
		const answerFault = () => this.takeFault(log.route, ANSWER_FAULTS);
		const answer = await route.handler({ ...request, takeAnswerFault: answerFault } as SimRequest);
		if (!answer) return; // the handler wrote the response itself
		if (this.latencyMs > 0 && !url.pathname.startsWith('/__sim/')) await delay(this.latencyMs);
		const fault = url.pathname.startsWith('/__sim/') ? undefined : this.takeFault(log.route);
		writeAnswer(res, answer, fault?.kind, rawBody);
	}

	private takeFault(route: string, only?: FaultKind[]): Pick<Fault, 'kind'> | undefined {
		const index = this.faults.findIndex(
			(fault) =>
				(!fault.route || route.startsWith(fault.route)) &&
				(only ? only.includes(fault.kind) : !ANSWER_FAULTS.includes(fault.kind)),
		);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		if (fault.skip > 0) {
			fault.skip -= 1;
			return undefined;
		}
		fault.times -= 1;
		if (fault.times <= 0) this.faults.splice(index, 1);
		return fault;
	}
}

function writeAnswer(res: ServerResponse, answer: SimAnswer, fault: FaultKind | undefined, requestBody: Buffer): void {
	switch (fault) {
		case 'http500':
		case 'http502':
		case 'http503': {
			const status = Number(fault.slice(4));
			res.writeHead(status, { 'Content-Type': 'text/html' });
			res.end(`<html><head><title>${status}</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`);
			return;
		}
		case 'html':
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end('<!DOCTYPE html><html><head><title>系统维护</title></head><body><p>系统维护中，请稍后再试</p></body></html>');
			return;
		case 'empty':
			res.writeHead(200, { 'Content-Type': answer.contentType, 'Content-Length': '0' });
			res.end();
			return;
		case 'truncated': {
			const half = answer.body.subarray(0, Math.max(1, Math.floor(answer.body.length / 2)));
			res.writeHead(200, { 'Content-Type': answer.contentType, 'Content-Length': String(half.length) });
			res.end(half);
			return;
		}
		case 'reset':
			// Promise the whole body, send half of it, then drop the connection.
			res.writeHead(200, { 'Content-Type': answer.contentType, 'Content-Length': String(answer.body.length) });
			res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
			void delay(5).then(() => res.socket?.destroy());
			return;
		case 'timeout':
			// Never answer; the client's timeout has to end it. The socket closes with the server.
			return;
		case 'wrongCharset':
			res.writeHead(200, { 'Content-Type': answer.contentType });
			res.end(Buffer.from(answer.body.toString('latin1'), 'utf16le'));
			return;
		case 'json':
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('{"code":405,"msg":"API ID or API key is wrong"}');
			return;
		case 'echo':
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end(`<html><body><p>Request parameters: ${requestBody.toString('latin1')}</p><p>Service busy</p></body></html>`);
			return;
		default:
			res.writeHead(answer.status, {
				'Content-Type': answer.contentType,
				'Content-Length': String(answer.body.length),
			});
			res.end(answer.body);
	}
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	return await new Simulator(options).start(options.port ?? 0);
}
