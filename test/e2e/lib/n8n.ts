/**
 * A real n8n, installed by scripts/e2e/install-n8n.sh into a cache folder outside the source
 * tree and run on Node 24 with a throwaway user folder, bound to 127.0.0.1. Every process it
 * starts is ended by PID (its whole process group), and every wait is bounded.
 */
import { spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { ExecutionResult, extractJson } from './cliOutput';
import type { CliResult } from './cliOutput';
import { EditorApi } from './editorApi';
import { CACHE_DIR, freePort, nodeBinDir } from './install';
import { BoundedLog, killGroup } from './processGroup';
import { TRIGGER_PROBE } from './webhookProbes';
import type { WebhookProbe } from './webhookProbes';

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

	/** The editor's REST API on this instance, as its owner. */
	readonly editor: EditorApi;

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
		this.editor = new EditorApi(this.baseUrl);
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
