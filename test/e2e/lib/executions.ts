/**
 * Reads a workflow's executions straight from n8n's SQLite database, with the sqlite3 module
 * n8n itself uses (run by the Node that runs n8n). Read after n8n has stopped or while it
 * runs (the database is in WAL mode). What a test needs from each execution is which message
 * ids its stored data carries, whatever its status: a crashed execution keeps its trigger data.
 */
import { execFile } from 'child_process';
import { join } from 'path';

import { CACHE_DIR, nodeBinDir } from './n8n';
import type { N8nInstance } from './n8n';

export interface StoredExecution {
	id: string;
	status: string;
	/** Every match of the id pattern in the execution's stored data. */
	ids: string[];
}

const SCRIPT = `
const sqlite3 = require('sqlite3');
const [file, workflowId, pattern] = process.argv.slice(1);
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
const sql = 'SELECT e.id AS id, e.status AS status, d.data AS data FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ?';
db.all(sql, [workflowId], (error, rows) => {
	if (error) { console.error(error.message); process.exit(1); }
	const regex = new RegExp(pattern, 'g');
	const out = rows.map((row) => ({ id: String(row.id), status: row.status, ids: [...new Set(String(row.data ?? '').match(regex) ?? [])] }));
	process.stdout.write(JSON.stringify(out));
	db.close();
});
`;

export async function readExecutions(n8n: N8nInstance, workflowId: string, idPattern: string): Promise<StoredExecution[]> {
	const cwd = join(CACHE_DIR, `n8n-${n8n.version}`);
	return await new Promise((resolve, reject) => {
		execFile(join(nodeBinDir(), 'node'), ['-e', SCRIPT, n8n.databaseFile, workflowId, idPattern], { cwd, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`reading executions failed: ${stderr || error.message}`));
			else resolve(JSON.parse(stdout) as StoredExecution[]);
		});
	});
}

/** Every message id that appears in at least one execution. */
export function recordedIds(executions: StoredExecution[]): Set<string> {
	return new Set(executions.flatMap((execution) => execution.ids));
}
