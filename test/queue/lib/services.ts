/**
 * PostgreSQL and Redis for n8n's queue mode, from Debian's packages (installed with apt-get
 * when missing), each a private server on 127.0.0.1, on a free port, with its data in a temp
 * folder. Both are started as direct children (no daemonising), so each is ended by its own
 * PID. PostgreSQL refuses to run as root: as root it runs as the `postgres` user.
 */
import { execFileSync, spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { freePort } from '../../e2e/lib/install';

const PG_ROOT = '/usr/lib/postgresql';

function postgresBin(): string | undefined {
	if (!existsSync(PG_ROOT)) return undefined;
	const versions = readdirSync(PG_ROOT).filter((name) => existsSync(join(PG_ROOT, name, 'bin', 'postgres')));
	versions.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(PG_ROOT, versions[0], 'bin') : undefined;
}

function hasRedis(): boolean {
	try {
		execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Installs PostgreSQL and Redis from Debian's packages when they are missing. */
export function ensureServicesInstalled(): void {
	if (postgresBin() && hasRedis()) return;
	const apt = (args: string[]) => execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 15 * 60_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	apt(['update']);
	apt(['install', '-y', '--no-install-recommends', 'postgresql', 'redis-server']);
	if (!postgresBin() || !hasRedis()) throw new Error('PostgreSQL or Redis missing after apt-get install');
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program as the `postgres` user when we are root (initdb refuses root). */
function pgCommand(program: string, args: string[]): [string, string[]] {
	const bin = join(postgresBin()!, program);
	return asRoot ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', bin, ...args]] : [bin, args];
}

export interface Service {
	port: number;
	pid: number;
	stop(): Promise<void>;
}

function spawnService(command: [string, string[]], cwd: string): ChildProcess {
	const child = spawn(command[0], command[1], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout!.on('data', (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-4000)));
	child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-4000)));
	(child as ChildProcess & { lastLog: () => string }).lastLog = () => log;
	return child;
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals, folder: string): Promise<void> {
	if (child.exitCode === null && child.signalCode === null) {
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill(signal);
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
	}
	rmSync(folder, { recursive: true, force: true });
}

async function waitUntil(what: string, child: ChildProcess, ready: () => boolean, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${what} exited: ${(child as ChildProcess & { lastLog: () => string }).lastLog()}`);
		if (ready()) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`${what} not ready within ${timeoutMs} ms`);
}

export interface Postgres extends Service {
	database: string;
	user: string;
	password: string;
	/** Drops and creates n8n's database: each suite starts on an empty one. */
	resetDatabase(): void;
}

export async function startPostgres(): Promise<Postgres> {
	const folder = mkdtempSync(join(tmpdir(), 'n8n-queue-pg-'));
	const data = join(folder, 'data');
	if (asRoot) chownSync(folder, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
	const [initdb, initArgs] = pgCommand('initdb', ['-D', data, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C']);
	execFileSync(initdb, initArgs, { cwd: folder, stdio: 'ignore', timeout: 120_000 });
	const port = await freePort();
	const child = spawnService(pgCommand('postgres', ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${folder}`, '-c', 'max_connections=200', '-c', 'fsync=on']), folder);
	const psql = (sql: string) => execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
	await waitUntil('PostgreSQL', child, () => {
		try {
			psql('SELECT 1');
			return true;
		} catch {
			return false;
		}
	});
	const database = 'n8n';
	const user = 'n8n';
	const password = 'queue-test-password';
	psql(`CREATE USER ${user} WITH PASSWORD '${password}'`);
	const resetDatabase = () => {
		psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
		psql(`CREATE DATABASE ${database} OWNER ${user}`);
	};
	resetDatabase();
	// SIGINT is PostgreSQL's fast shutdown: it ends the sessions and stops cleanly.
	return { port, pid: child.pid!, database, user, password, resetDatabase, stop: async () => await stopChild(child, 'SIGINT', folder) };
}

/** The settings that put an n8n process on this database. */
export function postgresEnv(postgres: Postgres): NodeJS.ProcessEnv {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
	};
}

export interface Redis extends Service {
	flushAll(): void;
	/** Removes the jobs waiting in n8n's queue (Bull's default queue "jobs"), so no worker runs them. */
	discardWaitingJobs(): number;
}

export async function startRedis(): Promise<Redis> {
	const folder = mkdtempSync(join(tmpdir(), 'n8n-queue-redis-'));
	const port = await freePort();
	const child = spawnService(['redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder]], folder);
	const cli = (args: string[]) => execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).toString().trim();
	await waitUntil('Redis', child, () => {
		try {
			return cli(['ping']) === 'PONG';
		} catch {
			return false;
		}
	});
	const discardWaitingJobs = () => {
		const ids = cli(['lrange', 'bull:jobs:wait', '0', '-1']).split('\n').filter(Boolean);
		if (ids.length > 0) cli(['del', ...ids.map((id) => `bull:jobs:${id}`)]);
		cli(['del', 'bull:jobs:wait', 'bull:jobs:priority']);
		return ids.length;
	};
	return { port, pid: child.pid!, flushAll: () => void cli(['flushall']), discardWaitingJobs, stop: async () => await stopChild(child, 'SIGTERM', folder) };
}
