/**
 * n8n's editor REST API as its owner: first-run setup (as a person does in the editor), the
 * node types the editor loads, Data Tables. The session cookie stays valid across restarts.
 */
export class EditorApi {
	private cookie: string | undefined;

	constructor(private readonly baseUrl: string) {}

	/**
	 * Creates the instance owner (first-run setup, as a person does in the editor) and returns
	 * the session cookie, for the editor's authenticated endpoints such as /types/nodes.json.
	 */
	async ownerSession(): Promise<string> {
		// One owner per instance; the session cookie stays valid across restarts.
		if (this.cookie) return this.cookie;
		// The REST routes come up a moment after the health check answers: retry, bounded.
		let response: Response | undefined;
		for (let attempt = 0; attempt < 60; attempt++) {
			response = await fetch(`${this.baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ email: 'owner@example.com', firstName: 'Test', lastName: 'Owner', password: 'E2e-password-1' }),
				signal: AbortSignal.timeout(15_000),
			});
			if (response.status !== 404) break;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		if (!response) throw new Error('owner setup: no answer');
		const cookie = response.headers.get('set-cookie');
		if (!response.ok || !cookie) throw new Error(`owner setup failed: HTTP ${response.status} ${await response.text()}`);
		this.cookie = cookie.split(';')[0];
		return this.cookie;
	}

	/** The node types the editor loads, by name. */
	async editorNodeTypes(cookie: string): Promise<string[]> {
		// The editor's routes come up a moment after the health check answers: retry 404, bounded.
		let response = await fetch(`${this.baseUrl}/types/nodes.json`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(15_000) });
		for (let attempt = 0; attempt < 60 && response.status === 404; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			response = await fetch(`${this.baseUrl}/types/nodes.json`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(15_000) });
		}
		if (!response.ok) throw new Error(`/types/nodes.json: HTTP ${response.status}`);
		return ((await response.json()) as Array<{ name: string }>).map((type) => type.name);
	}

	/** Calls an editor REST endpoint as the owner; returns the `data` of n8n's answer. */
	async rest(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: { Cookie: await this.ownerSession(), 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${path}: HTTP ${response.status} ${text}`);
		return (JSON.parse(text) as { data: unknown }).data;
	}

	/** Creates a Data Table in the owner's project (as "Data tables → Create" does) and returns its id. */
	async createDataTable(name: string, columns: Array<{ name: string; type: 'string' | 'number' | 'boolean' | 'date' }>): Promise<string> {
		const project = (await this.rest('GET', '/projects/personal')) as { id: string };
		const table = (await this.rest('POST', `/projects/${project.id}/data-tables`, { name, columns })) as { id: string };
		return table.id;
	}

	/** The rows of a Data Table of the owner's project, as the editor's table view reads them. */
	async dataTableRows(tableId: string): Promise<Array<Record<string, unknown>>> {
		const project = (await this.rest('GET', '/projects/personal')) as { id: string };
		const rows = (await this.rest('GET', `/projects/${project.id}/data-tables/${tableId}/rows?take=1000`)) as { data: Array<Record<string, unknown>> };
		return rows.data;
	}
}
