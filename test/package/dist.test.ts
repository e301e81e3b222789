/**
 * What n8n loads: every node and credential listed in package.json's `n8n` section must
 * exist in dist/ (built by `npm run build`, which `npm test` runs first), export a class of
 * the file's name, and find its icons and codex beside it.
 */
import { existsSync, readFileSync } from 'fs';
import { basename, dirname, join } from 'path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
	keywords: string[];
	license: string;
	peerDependencies: Record<string, string>;
	dependencies: Record<string, string>;
};

function load(path: string): { instance: Record<string, unknown>; file: string } {
	const file = join(root, path);
	expect(existsSync(file)).toBe(true);
	const className = basename(path).replace(/\.(node|credentials)\.js$/, '');
	const exported = require(file) as Record<string, new () => Record<string, unknown>>;
	expect(typeof exported[className]).toBe('function');
	return { instance: new exported[className](), file };
}

function iconFiles(icon: unknown, file: string): string[] {
	const paths = typeof icon === 'string' ? [icon] : Object.values(icon as Record<string, string>);
	return paths.map((path) => join(dirname(file), path.replace(/^file:/, '')));
}

describe('package manifest', () => {
	test('is an n8n community package', () => {
		expect(pkg.name).toBe('n8n-nodes-ihuyi-jiazhiyuan');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(Object.keys(pkg.dependencies).sort()).toEqual(['fast-xml-parser', 'iconv-lite']);
	});

	test.each(pkg.n8n.credentials)('credential %s loads from dist with its icons', (path) => {
		const { instance, file } = load(path);
		expect(typeof instance.name).toBe('string');
		expect(Array.isArray(instance.properties)).toBe(true);
		for (const icon of iconFiles(instance.icon, file)) expect(existsSync(icon)).toBe(true);
	});

	test.each(pkg.n8n.nodes)('node %s loads from dist with its icons and codex', (path) => {
		const { instance, file } = load(path);
		const description = instance.description as { name: string; icon: unknown; credentials?: Array<{ name: string }> };
		expect(existsSync(file.replace(/\.js$/, '.json'))).toBe(true);
		for (const icon of iconFiles(description.icon, file)) expect(existsSync(icon)).toBe(true);
		const listed = pkg.n8n.credentials.map((credential) => basename(credential).replace('.credentials.js', ''));
		for (const credential of description.credentials ?? []) {
			expect(listed.map((name) => name[0].toLowerCase() + name.slice(1))).toContain(credential.name);
		}
	});
});
