/** What an n8n CLI command printed, and the run data `n8n execute --rawOutput` prints. */
export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * n8n prints log lines around the JSON (the task runner may register after it): take the text
 * from the first line that starts a JSON object to the last line that closes one.
 */
export function extractJson(stdout: string): Record<string, unknown> | undefined {
	const start = stdout.search(/^\{/m);
	const end = stdout.lastIndexOf('\n}');
	if (start < 0 || end < start) return undefined;
	try {
		return JSON.parse(stdout.slice(start, end + 2)) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

type RunData = Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: { message?: string } }>>;

export class ExecutionResult {
	constructor(readonly raw: Record<string, unknown>, readonly cli: CliResult) {}

	private get runData(): RunData {
		const data = (this.raw.data ?? this.raw) as { resultData?: { runData?: RunData } };
		return data.resultData?.runData ?? {};
	}

	/** The items a node put on its first output, in its first run. */
	items(nodeName: string): Array<Record<string, unknown>> {
		const run = this.runData[nodeName]?.[0];
		if (!run) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(this.runData).join(', ')}\n${this.cli.stdout.slice(0, 2000)}`);
		if (run.error) throw new Error(`node "${nodeName}" failed: ${run.error.message}`);
		return (run.data?.main?.[0] ?? []).map((item) => item.json);
	}

	error(nodeName: string): string | undefined {
		return this.runData[nodeName]?.[0]?.error?.message;
	}
}
