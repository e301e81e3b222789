/**
 * Reads a workflow's executions straight from n8n's database: SQLite (single process) with the
 * sqlite3 module n8n itself uses, or PostgreSQL (queue mode) with n8n's own pg module, run by
 * the Node that runs n8n. Read after n8n has stopped or while it runs. What a test needs from each execution is which message
 * ids its stored data carries, whatever its status: a crashed execution keeps its trigger data.
 */
import { execFile } from 'child_process';
import { join } from 'path';

import { CACHE_DIR, nodeBinDir } from './install';
import type { N8nInstance } from './n8n';

export interface StoredExecution {
	id: string;
	status: string;
	/** How it started: "webhook" for a push, "trigger" for a poll or a schedule. */
	mode: string;
	/** Every match of the id pattern in the execution's stored data. */
	ids: string[];
}

const SCRIPT = `
const [database, workflowId, pattern, withData, liveOnly] = process.argv.slice(1);
const print = (rows) => {
	const regex = new RegExp(pattern, 'g');
	const out = rows.map((row) => ({ id: String(row.id), status: row.status, mode: row.mode, ids: [...new Set(String(row.data ?? '').match(regex) ?? [])] }));
	process.stdout.write(JSON.stringify(out));
};
const fail = (error) => { console.error(error.message); process.exit(1); };
if (database.startsWith('postgres://')) {
	const { Client } = require('pg');
	const client = new Client({ connectionString: database });
	const sql = withData === '1'
		? 'SELECT e.id AS id, e.status AS status, e.mode AS mode, d.data AS data FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = $1'
		: 'SELECT e.id AS id, e.status AS status, e.mode AS mode FROM execution_entity e WHERE e."workflowId" = $1' + (liveOnly === '1' ? ' AND e."deletedAt" IS NULL' : '');
	client.connect().then(() => client.query(sql, [workflowId])).then((result) => { print(result.rows); return client.end(); }, fail);
} else {
	const sqlite3 = require('sqlite3');
	const db = new sqlite3.Database(database, sqlite3.OPEN_READONLY);
	const sql = withData === '1'
		? 'SELECT e.id AS id, e.status AS status, e.mode AS mode, d.data AS data FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ?'
		: 'SELECT e.id AS id, e.status AS status, e.mode AS mode FROM execution_entity e WHERE e.workflowId = ?' + (liveOnly === '1' ? ' AND e.deletedAt IS NULL' : '');
	db.all(sql, [workflowId], (error, rows) => {
		if (error) fail(error);
		print(rows);
		db.close();
	});
}
`;

/** Where an instance keeps its executions: a PostgreSQL address in queue mode, else its SQLite file. */
function databaseOf(n8n: N8nInstance): string {
	const env = n8n.env();
	if (env.DB_TYPE !== 'postgresdb') return n8n.databaseFile;
	const auth = `${encodeURIComponent(env.DB_POSTGRESDB_USER ?? '')}:${encodeURIComponent(env.DB_POSTGRESDB_PASSWORD ?? '')}`;
	return `postgres://${auth}@${env.DB_POSTGRESDB_HOST}:${env.DB_POSTGRESDB_PORT}/${env.DB_POSTGRESDB_DATABASE}`;
}

export async function readExecutions(n8n: N8nInstance, workflowId: string, idPattern: string): Promise<StoredExecution[]> {
	return await query(n8n, workflowId, idPattern, true);
}

/**
 * A workflow's executions without their data (`ids` stays empty): what a wait polls, because
 * reading thousands of executions' data every second takes the CPU the executions need.
 */
export async function readExecutionStatuses(n8n: N8nInstance, workflowId: string): Promise<StoredExecution[]> {
	return await query(n8n, workflowId, '$^', false);
}

/**
 * The same, without the executions n8n has deleted: a workflow that saves no successful
 * executions (saveDataSuccessExecution "none") has each one marked deleted as it ends, its
 * status left "running" (n8n 2.41, with execution pruning on, its default).
 */
export async function readLiveExecutionStatuses(n8n: N8nInstance, workflowId: string): Promise<StoredExecution[]> {
	return await query(n8n, workflowId, '$^', false, true);
}

/** Whether an execution has ended (succeeded, failed, crashed or was cancelled). */
export function hasFinished(execution: StoredExecution): boolean {
	return !['new', 'running', 'waiting'].includes(execution.status);
}

async function query(n8n: N8nInstance, workflowId: string, idPattern: string, withData: boolean, liveOnly = false): Promise<StoredExecution[]> {
	const cwd = join(CACHE_DIR, `n8n-${n8n.version}`);
	return await new Promise((resolve, reject) => {
		execFile(join(nodeBinDir(), 'node'), ['-e', SCRIPT, databaseOf(n8n), workflowId, idPattern, withData ? '1' : '0', liveOnly ? '1' : '0'], { cwd, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`reading executions failed: ${stderr || error.message}`));
			else resolve(JSON.parse(stdout) as StoredExecution[]);
		});
	});
}

/** Every message id that appears in at least one execution. */
export function recordedIds(executions: StoredExecution[]): Set<string> {
	return new Set(executions.flatMap((execution) => execution.ids));
}

/**
 * Why a burst stalled, in one line: the workflow's executions by status, and which database
 * errors their stored data names (n8n keeps a failed execution's error in its data).
 */
export async function explainExecutions(n8n: N8nInstance, workflowId: string): Promise<string> {
	const executions = await readExecutions(n8n, workflowId, 'LockAcquireTimeoutError|SQLITE_[A-Z]+|QueryFailedError|Connection terminated[^"]{0,40}');
	const tally = (values: string[]) => [...values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<string, number>())].map(([value, count]) => `${value} ${count}`).join(', ');
	return `${executions.length} executions: ${tally(executions.map((execution) => execution.status))}; errors named: ${tally(executions.flatMap((execution) => execution.ids)) || 'none'}`;
}
