import { runGroups, selectGroups, toJson, toTable } from '../../scripts/bench/report';
import type { BenchGroup, BenchResult } from '../../scripts/bench/report';

function figure(name: string): BenchResult {
	return {
		name,
		value: 1.5,
		min: 1.2,
		max: 1.8,
		goal: '≤ 2',
		met: true,
		measured: { label: 'node', median: 300, min: 280, max: 330, unit: 'ms' },
		baseline: { label: 'raw client', median: 200, min: 190, max: 210, unit: 'ms' },
		detail: 'a | b',
	};
}

const groups: BenchGroup[] = [
	{ name: 'first', run: async () => [figure('firstFigure')] },
	{
		name: 'broken',
		run: async () => {
			throw new Error('n8n exited while starting');
		},
	},
	{ name: 'last', sets: ['extra'], run: async () => [figure('lastFigure')] },
	{ name: 'engines', sets: ['webhook-engines'], optIn: true, run: async () => [figure('engineFigure')] },
];

describe('bench report', () => {
	test('a group that throws leaves the other groups’ figures, and its error, in one JSON object', async () => {
		const progress: string[] = [];
		const outcomes = await runGroups(selectGroups(groups), (line) => progress.push(line));
		const json = JSON.parse(toJson({ cores: 2 }, outcomes)) as Record<string, Record<string, Record<string, unknown>>>;

		expect(Object.keys(json.figures)).toEqual(['firstFigure', 'lastFigure']);
		expect(json.figures.lastFigure).toMatchObject({ group: 'last', value: 1.5, baseline: { label: 'raw client', median: 200 }, measured: { median: 300 } });
		expect(json.failed).toEqual({ broken: 'n8n exited while starting' });
		expect(json.machine).toEqual({ cores: 2 });
		expect(progress.some((line) => line.includes('broken FAILED') && line.includes('n8n exited while starting'))).toBe(true);
	});

	test('the table shows each figure with its baseline and each failed group with its error', async () => {
		const outcomes = await runGroups(selectGroups(groups), () => undefined);
		const table = toTable(outcomes);
		const row = table.find((line) => line.startsWith('| firstFigure '));
		expect(row).toContain('raw client: 200 ms (min 190, max 210)');
		expect(row).toContain('node: 300 ms (min 280, max 330)');
		// A | inside a cell would end the cell.
		expect(row).toContain('a \\| b');
		expect(table.find((line) => line.startsWith('| group broken '))).toContain('failed');
		expect(table.find((line) => line.startsWith('| group broken '))).toContain('n8n exited while starting');
	});

	test('--only picks groups by name or set; opt-in groups run only when named', () => {
		expect(selectGroups(groups).map((group) => group.name)).toEqual(['first', 'broken', 'last']);
		expect(selectGroups(groups, new Set(['extra'])).map((group) => group.name)).toEqual(['last']);
		expect(selectGroups(groups, new Set(['webhook-engines', 'first'])).map((group) => group.name)).toEqual(['first', 'engines']);
	});
});
