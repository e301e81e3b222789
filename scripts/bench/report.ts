/**
 * What `npm run bench` prints: every figure beside its baseline, and every group that failed
 * with its error, as a table or as one JSON object. Groups run one after another; one that
 * throws is recorded and the next one still runs.
 */

/** One side of a figure: what was measured, or the baseline it is compared against. */
export interface Side {
	/** What this side is, e.g. "raw keep-alive client, 2,000 signed requests". */
	label: string;
	median: number;
	min: number;
	max: number;
	/** "ms", "MB", "calls"… */
	unit: string;
}

export interface BenchResult {
	name: string;
	value: number;
	min: number;
	max: number;
	goal: string;
	met: boolean;
	/** The measurement behind the figure. */
	measured: Side;
	/** What it is measured against, in the same run (or the floor it is computed against). */
	baseline: Side;
	/** How it was measured, and what else the run showed. */
	detail: string;
}

export interface BenchGroup {
	name: string;
	/** Other names `--only` knows it by (`extra`, `webhook-engines`). */
	sets?: string[];
	/** Runs only when `--only` names it or one of its sets. */
	optIn?: boolean;
	run: () => Promise<BenchResult[]>;
}

export interface GroupOutcome {
	group: string;
	results: BenchResult[];
	error?: string;
}

/** The groups `--only` selects (all but the opt-in ones without it). */
export function selectGroups(groups: BenchGroup[], only?: Set<string>): BenchGroup[] {
	if (!only) return groups.filter((group) => !group.optIn);
	return groups.filter((group) => only.has(group.name) || (group.sets ?? []).some((set) => only.has(set)));
}

function message(error: unknown): string {
	if (error instanceof Error) return error.message || error.name;
	return String(error);
}

/** Runs every group even when one throws; `progress` gets a line before and after each. */
export async function runGroups(groups: BenchGroup[], progress: (line: string) => void): Promise<GroupOutcome[]> {
	const outcomes: GroupOutcome[] = [];
	for (const group of groups) {
		const start = Date.now();
		progress(`bench: ${group.name}…`);
		try {
			const results = await group.run();
			outcomes.push({ group: group.name, results });
			const figures = results.map((result) => `${result.name} ${result.value.toFixed(2)}`).join(', ');
			progress(`bench: ${group.name} done in ${((Date.now() - start) / 1000).toFixed(0)} s: ${figures}`);
		} catch (error) {
			outcomes.push({ group: group.name, results: [], error: message(error) });
			progress(`bench: ${group.name} FAILED after ${((Date.now() - start) / 1000).toFixed(0)} s: ${message(error)}`);
		}
	}
	return outcomes;
}

/** The one JSON object: the machine, every figure by name, every failed group with its error. */
export function toJson(machine: Record<string, unknown>, outcomes: GroupOutcome[]): string {
	const figures: Record<string, unknown> = {};
	const failed: Record<string, string> = {};
	for (const outcome of outcomes) {
		for (const { name, ...figure } of outcome.results) figures[name] = { group: outcome.group, ...figure };
		if (outcome.error !== undefined) failed[outcome.group] = outcome.error;
	}
	return JSON.stringify({ machine, figures, failed }, null, 2);
}

function number(value: number): string {
	return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

function side(s: Side): string {
	const spread = s.min === s.max ? '' : ` (min ${number(s.min)}, max ${number(s.max)})`;
	return `${s.label}: ${number(s.median)} ${s.unit}${spread}`;
}

function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A Markdown table: one row per figure, then one per failed group. */
export function toTable(outcomes: GroupOutcome[]): string[] {
	const lines = ['| figure | median | min | max | goal | met | measured | baseline | notes |', '|---|---|---|---|---|---|---|---|---|'];
	for (const outcome of outcomes) {
		for (const r of outcome.results) {
			lines.push(`| ${r.name} | ${r.value.toFixed(2)} | ${r.min.toFixed(2)} | ${r.max.toFixed(2)} | ${r.goal} | ${r.met ? 'yes' : 'no'} | ${cell(side(r.measured))} | ${cell(side(r.baseline))} | ${cell(r.detail)} |`);
		}
	}
	for (const outcome of outcomes) {
		if (outcome.error !== undefined) lines.push(`| group ${outcome.group} | failed | | | | | | | ${cell(outcome.error)} |`);
	}
	return lines;
}
