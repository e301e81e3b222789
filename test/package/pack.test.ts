/** Publishing hygiene: what `npm pack` would ship, and no install-time scripts. */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');

test('the tarball holds only dist/, README, LICENSE, package.json and the empty entry point', () => {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	const [{ files }] = JSON.parse(output) as Array<{ files: Array<{ path: string }> }>;
	const outside = files.map((file) => file.path).filter((path) => !path.startsWith('dist/'));
	expect(outside.sort()).toEqual(['LICENSE', 'README.md', 'index.js', 'package.json']);
	expect(files.some((file) => file.path.endsWith('.node.js'))).toBe(true);
});

test('package.json has no lifecycle scripts that would run on a user\'s machine', () => {
	const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
	for (const name of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish', 'prepack', 'postpack']) {
		expect(scripts[name]).toBeUndefined();
	}
});

test('package.json names its git repository, which `npm publish --provenance` checks against the publishing repository', () => {
	const { repository } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: { type?: string; url?: string } };
	expect(repository?.type).toBe('git');
	expect(repository?.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
});
