/**
 * Installs this package into an n8n user folder the way users do: the packed tarball, with
 * npm, into ~/.n8n/nodes. Node types are then `n8n-nodes-ihuyi-jiazhiyuan.<name>`.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { REPO_ROOT } from './install';

/** Set by the suites' global setup, so that every test file installs the one tarball packed for the run. */
const TARBALL_VARIABLE = 'N8N_E2E_PACKAGE_TARBALL';

/** Builds and packs the package once per test run. */
export function packPackage(): string {
	const packed = process.env[TARBALL_VARIABLE];
	if (packed && existsSync(packed)) return packed;
	execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'ignore', timeout: 180_000 });
	const dir = mkdtempSync(join(tmpdir(), 'n8n-e2e-pack-'));
	const output = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
	const tarball = join(dir, output.trim().split('\n').pop()!.trim());
	process.env[TARBALL_VARIABLE] = tarball;
	return tarball;
}

export function installPackage(nodesFolder: string): void {
	mkdirSync(nodesFolder, { recursive: true });
	if (!existsSync(join(nodesFolder, 'package.json'))) {
		writeFileSync(join(nodesFolder, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	}
	// n8n provides n8n-workflow itself: peers are not installed next to the package.
	execFileSync('npm', ['install', '--omit=dev', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', packPackage()], {
		cwd: nodesFolder,
		stdio: ['ignore', 'ignore', 'inherit'],
		timeout: 180_000,
	});
}
