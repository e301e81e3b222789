import { NodeOperationError } from 'n8n-workflow';
import type {
	DataTableColumnType,
	IDataTableProjectService,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

/**
 * n8n's Data Tables, for state that executions share: n8n's own database (SQLite in one
 * process, PostgreSQL in queue mode), reached through the helpers n8n gives every node.
 */
export const dataTableParameter: INodeProperties = {
	displayName: 'Data Table',
	name: 'dataTable',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The n8n Data Table that holds the state; the node adds the columns it needs',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchDataTables', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 9dF3kq1ZsW2xY7aB',
		},
	],
};

/** The Data Tables of the workflow's project, for the list mode of the parameter above. */
export async function searchDataTables(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	if (!this.helpers.getDataTableAggregateProxy) {
		throw new NodeOperationError(this.getNode(), 'This n8n has no Data Tables', { description: noDataTablesFix });
	}
	const proxy = await this.helpers.getDataTableAggregateProxy();
	const skip = paginationToken ? Number(paginationToken) : 0;
	const take = 100;
	const page = await proxy.getManyAndCount({ skip, take, ...(filter ? { filter: { name: filter.toLowerCase() } } : {}) });
	return {
		results: page.data.map((table) => ({ name: table.name, value: table.id })),
		paginationToken: skip + take < page.count ? String(skip + take) : undefined,
	};
}

const noDataTablesFix =
	'Data Tables came with n8n 1.113. Update n8n, or check that the Data Tables module is not disabled (N8N_DISABLED_MODULES).';

/** A column the state needs, and its n8n column type. */
export interface ColumnSpec {
	name: string;
	type: DataTableColumnType;
}

/**
 * Opens the Data Table chosen in the node and makes sure it has the given columns (adding
 * the missing ones). Any failure is an error that says the state could not be reached, so a
 * caller that guards spending money stops there.
 */
export async function openDataTable(ctx: IExecuteFunctions, itemIndex: number, columns: ColumnSpec[]): Promise<IDataTableProjectService> {
	const node = ctx.getNode();
	const id = String(ctx.getNodeParameter('dataTable', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (id === '') {
		throw new NodeOperationError(node, `Item ${itemIndex}: Data Table is empty`, {
			itemIndex,
			description: 'Choose the Data Table that keeps the state (create an empty one under Overview → Data tables), or enter its ID.',
		});
	}
	if (!ctx.helpers.getDataTableProxy) {
		throw new NodeOperationError(node, 'This n8n has no Data Tables', { itemIndex, description: noDataTablesFix });
	}
	let table: IDataTableProjectService;
	let existing: Array<{ name: string; type: string }>;
	try {
		table = await ctx.helpers.getDataTableProxy(id);
		existing = await table.getColumns();
	} catch (error) {
		throw unreachable(ctx, itemIndex, id, error);
	}
	for (const column of columns) {
		const found = existing.find((candidate) => candidate.name === column.name);
		if (found && found.type !== column.type) {
			throw new NodeOperationError(node, `Item ${itemIndex}: the Data Table's column "${column.name}" is of type ${found.type}, not ${column.type}`, {
				itemIndex,
				description: `Delete the column "${column.name}" (the node adds it again with the right type), or choose an empty Data Table.`,
			});
		}
		if (!found) await addColumn(ctx, itemIndex, table, column);
	}
	return table;
}

/** Two executions may add the same column at once: the one that loses finds it there. */
async function addColumn(ctx: IExecuteFunctions, itemIndex: number, table: IDataTableProjectService, column: ColumnSpec): Promise<void> {
	try {
		await table.addColumn(column);
	} catch (error) {
		const columns = await table.getColumns().catch(() => []);
		if (!columns.some((candidate) => candidate.name === column.name)) throw unreachable(ctx, itemIndex, undefined, error);
	}
}

export function unreachable(ctx: IExecuteFunctions, itemIndex: number, id: string | undefined, error: unknown): NodeOperationError {
	const reason = error instanceof Error ? error.message : String(error);
	const refusedToCommunityNodes = /only available for Data table nodes/i.test(reason);
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: the Data Table${id ? ` ${id}` : ''} could not be used: ${reason}`, {
		itemIndex,
		description: refusedToCommunityNodes
			? 'This version of n8n lets only its own Data table nodes use Data Tables. Nothing was sent.'
			: 'Nothing was sent. Check that the Data Table exists in this workflow\'s project; on SQLite a busy database refuses writes for a moment (try again).',
	});
}

/**
 * What a failed state check becomes: our own errors as they are, a lost race that never ended
 * as "busy", anything else (the database) as unreachable. Either way the item stops there.
 */
export function stateError(ctx: IExecuteFunctions, itemIndex: number, error: unknown, busy: { is: boolean; hint: string }): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	if (busy.is) {
		return new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${(error as Error).message}; nothing was sent`, { itemIndex, description: busy.hint });
	}
	return unreachable(ctx, itemIndex, undefined, error);
}
