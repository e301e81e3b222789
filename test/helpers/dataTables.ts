/**
 * n8n's Data Tables for node tests: what n8n hands a node as `this.helpers.getDataTableProxy`
 * (n8n-core builds it from `additionalData['data-table'].dataTableProxyProvider`), kept in
 * memory. It follows n8n's DataTableService and DataTableRowsRepository (n8n 1.123.81 and
 * 2.41.1, packages/cli/src/modules/data-table): unknown columns and empty filters are refused,
 * an update returns the rows it changed (SQLite: selected and updated in one serialised write
 * transaction; PostgreSQL: UPDATE … RETURNING), a delete returns the rows it deleted, and every
 * call is one transaction of its own. Each call first yields to the event loop, so concurrent
 * executions interleave between calls as they do against a database; a node that read and
 * then wrote without a compare-and-set would lose updates here too.
 */
import type {
	DataTable,
	DataTableColumn,
	DataTableFilter,
	DataTableProxyProvider,
	DataTableRow,
	DataTableRowReturn,
	IDataTableProjectAggregateService,
	IDataTableProjectService,
} from 'n8n-workflow';

type StoredRow = DataTableRowReturn;

export class MemoryDataTable {
	readonly columns: DataTableColumn[] = [];

	readonly rows: StoredRow[] = [];

	private nextId = 1;

	/** Calls made, by method name: what a node costs in database round trips. */
	readonly calls: Record<string, number> = {};

	/** Set to make the next calls fail as a busy SQLite does (n8n 1.x). */
	failWith: Error | undefined;

	constructor(readonly id: string, readonly name: string) {}

	private async enter(method: string): Promise<void> {
		await new Promise((resolve) => setImmediate(resolve));
		this.calls[method] = (this.calls[method] ?? 0) + 1;
		if (this.failWith) throw this.failWith;
	}

	private checkRow(row: DataTableRow): void {
		for (const key of Object.keys(row)) {
			if (!this.columns.some((column) => column.name === key)) throw new Error(`unknown column name '${key}'`);
		}
	}

	private matches(row: StoredRow, filter: DataTableFilter | undefined): boolean {
		if (!filter || filter.filters.length === 0) return true;
		const results = filter.filters.map(({ columnName, condition, value }) => {
			if (!['id', 'createdAt', 'updatedAt'].includes(columnName) && !this.columns.some((column) => column.name === columnName)) {
				throw new Error(`unknown column name '${columnName}'`);
			}
			const cell = row[columnName];
			switch (condition) {
				case 'eq':
					return cell === value;
				case 'neq':
					return cell !== value;
				case 'gt':
					return cell !== null && value !== null && cell > value;
				case 'gte':
					return cell !== null && value !== null && cell >= value;
				case 'lt':
					return cell !== null && value !== null && cell < value;
				case 'lte':
					return cell !== null && value !== null && cell <= value;
				default:
					return String(cell ?? '').toLowerCase().includes(String(value).replace(/%/g, '').toLowerCase());
			}
		});
		return filter.type === 'or' ? results.some(Boolean) : results.every(Boolean);
	}

	proxy(): IDataTableProjectService {
		const copy = (row: StoredRow): StoredRow => ({ ...row });
		return {
			updateDataTable: async () => true,
			deleteDataTable: async () => true,
			getColumns: async () => {
				await this.enter('getColumns');
				return this.columns.map((column) => ({ ...column }));
			},
			addColumn: async (options) => {
				await this.enter('addColumn');
				if (this.columns.some((column) => column.name === options.name)) throw new Error(`column name '${options.name}' already exists`);
				const column: DataTableColumn = { id: `col-${this.columns.length + 1}`, name: options.name, type: options.type, index: this.columns.length, dataTableId: this.id };
				this.columns.push(column);
				return { ...column };
			},
			moveColumn: async () => true,
			deleteColumn: async () => true,
			getManyRowsAndCount: async (options) => {
				await this.enter('getManyRowsAndCount');
				const found = this.rows.filter((row) => this.matches(row, options.filter));
				const skip = options.skip ?? 0;
				const data = found.slice(skip, options.take === undefined ? undefined : skip + options.take).map(copy);
				return { count: found.length, data };
			},
			insertRows: async (rows, returnType) => {
				await this.enter('insertRows');
				rows.forEach((row) => this.checkRow(row));
				const now = new Date();
				const inserted = rows.map((row) => {
					const stored: StoredRow = { ...row, id: this.nextId++, createdAt: now, updatedAt: now };
					this.rows.push(stored);
					return stored;
				});
				if (returnType === 'count') return { success: true, insertedRows: inserted.length } as never;
				return (returnType === 'id' ? inserted.map((row) => ({ id: row.id })) : inserted.map(copy)) as never;
			},
			updateRows: async (options) => {
				await this.enter('updateRows');
				if (!options.filter?.filters?.length) throw new Error('Filter must not be empty');
				if (Object.keys(options.data).length === 0) throw new Error('Data columns must not be empty');
				this.checkRow(options.data);
				const changed = this.rows.filter((row) => this.matches(row, options.filter));
				for (const row of changed) Object.assign(row, options.data, { updatedAt: new Date() });
				return changed.map(copy);
			},
			clearRows: async () => {
				await this.enter('clearRows');
				return { deletedCount: this.rows.splice(0).length };
			},
			upsertRow: async () => {
				throw new Error('not used');
			},
			deleteRows: async (options) => {
				await this.enter('deleteRows');
				if (!options.filter?.filters?.length) throw new Error('Filter is required for delete operations to prevent accidental deletion of all data');
				const deleted = this.rows.filter((row) => this.matches(row, options.filter));
				for (const row of deleted) this.rows.splice(this.rows.indexOf(row), 1);
				return deleted.map(copy);
			},
		};
	}
}

/** The provider n8n gives n8n-core, over the given tables of one project. */
export function dataTableProvider(tables: MemoryDataTable[], options: { refuseCommunityNodes?: boolean } = {}): DataTableProxyProvider {
	const refuse = () => {
		// What n8n 1.123.81 and 2.41.1 do for any node but their own Data table nodes.
		if (options.refuseCommunityNodes) throw new Error('This proxy is only available for Data table nodes');
	};
	return {
		getDataTableAggregateProxy: async (): Promise<IDataTableProjectAggregateService> => {
			refuse();
			return {
				getProjectId: () => 'project-1',
				createDataTable: async () => {
					throw new Error('not used');
				},
				getManyAndCount: async (list) => {
					const name = String(list.filter?.name ?? '').toLowerCase();
					const found = tables.filter((table) => table.name.toLowerCase().includes(name));
					const skip = list.skip ?? 0;
					const data = found.slice(skip, skip + (list.take ?? found.length)).map((table) => ({ id: table.id, name: table.name, columns: table.columns, createdAt: new Date(), updatedAt: new Date(), projectId: 'project-1' }) as DataTable);
					return { count: found.length, data };
				},
				deleteDataTableAll: async () => true,
			};
		},
		getDataTableProxy: async (_workflow, _node, dataTableId) => {
			refuse();
			const table = tables.find((candidate) => candidate.id === dataTableId);
			if (!table) throw new Error(`Data table with ID '${dataTableId}' could not be found in this project`);
			return table.proxy();
		},
	};
}
