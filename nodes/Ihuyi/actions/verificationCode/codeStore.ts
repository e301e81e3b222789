import type { DataTableFilter, DataTableRow, IDataTableProjectService } from 'n8n-workflow';

import type { ColumnSpec } from '../../../common/dataTable';
import { codeMatches, hashCode, newSalt } from './codeHash';
import { checkBeforeCompare, currentCodeRow, decideSend, grantedRow, sendTimes } from './codeState';
import type { CheckReason, CodeLimits, CodeRow, SendDecision } from './codeState';

/** The columns of the codes table; the node adds those missing. */
export const CODE_COLUMNS: ColumnSpec[] = [
	{ name: 'mobile', type: 'string' },
	{ name: 'purpose', type: 'string' },
	{ name: 'version', type: 'number' },
	{ name: 'codeHash', type: 'string' },
	{ name: 'salt', type: 'string' },
	{ name: 'expiresAt', type: 'number' },
	{ name: 'attempts', type: 'number' },
	{ name: 'status', type: 'string' },
	{ name: 'sentAt', type: 'string' },
	{ name: 'cleanAfter', type: 'number' },
];

/**
 * Every change is a compare-and-set: an update filtered on the row's id and the version that
 * was read, which n8n's database applies to the row only if no one changed it in between (the
 * update returns the rows it changed). A lost race reads again, so concurrent executions, in
 * one process or on several workers, each see the others' sends and wrong guesses. Each race
 * lost means another execution made progress, so a bounded number of rounds suffices.
 */
const MAX_ROUNDS = 25;

export class CodeStoreBusyError extends Error {}

export interface CodeKey {
	mobile: string;
	purpose: string;
}

export function keyText(key: CodeKey): string {
	return `${key.purpose}\n${key.mobile}`;
}

export async function claimSend(
	table: IDataTableProjectService,
	key: CodeKey,
	code: string,
	limits: CodeLimits,
	clock: () => number,
): Promise<SendDecision & { expiresAt?: number }> {
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const rows = await rowsOf(table, key);
		if (rows.length === 0) {
			await createRow(table, key, clock());
			continue;
		}
		// Two first sends may each add a row; the oldest is the number's, blank extras go.
		const [own, ...extras] = rows;
		await removeBlank(table, extras);
		const now = clock();
		const known = rows.flatMap((row) => sendTimes(row, now));
		const decision = decideSend(known, now, limits);
		if (!decision.allowed) return decision;
		const salt = newSalt();
		const granted = grantedRow({ ...own, sentAt: known.join(',') }, { hash: hashCode(code, keyText(key), salt), salt }, now, limits);
		if (!(await compareAndSet(table, own, granted))) continue;
		// A row another first send added while this one read may carry a send this one did not
		// see: then this claim is withdrawn (nothing is sent), the number is refused.
		const rival = (await rowsOf(table, key)).find((row) => row.id !== own.id && sendTimes(row, now).some((time) => !known.includes(time)));
		if (rival) {
			await withdraw(table, own.id);
			const seen = [...known, ...sendTimes(rival, now), now];
			return decideSend(seen, now, limits) as SendDecision;
		}
		return { allowed: true, expiresAt: granted.expiresAt };
	}
	throw new CodeStoreBusyError(`the limits of ${key.mobile} changed ${MAX_ROUNDS} times while being checked`);
}

export interface CheckResult {
	reason: CheckReason;
	attemptsLeft: number;
}

export async function checkCode(table: IDataTableProjectService, key: CodeKey, typed: string, limits: CodeLimits, clock: () => number): Promise<CheckResult> {
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const row = currentCodeRow(await rowsOf(table, key));
		const now = clock();
		const before = checkBeforeCompare(row, now, limits);
		if (before !== 'compare' || !row) return { reason: before === 'compare' ? 'none_sent' : before, attemptsLeft: row ? Math.max(0, limits.maxAttempts - row.attempts) : 0 };
		if (codeMatches(typed, keyText(key), row.salt, row.codeHash)) {
			if (await compareAndSet(table, row, { status: 'used' })) return { reason: 'valid', attemptsLeft: limits.maxAttempts - row.attempts };
			continue;
		}
		if (await compareAndSet(table, row, { attempts: row.attempts + 1 })) {
			return { reason: 'wrong', attemptsLeft: Math.max(0, limits.maxAttempts - row.attempts - 1) };
		}
	}
	throw new CodeStoreBusyError(`the code of ${key.mobile} changed ${MAX_ROUNDS} times while being checked`);
}

/** Deletes the rows whose codes and send history have all run out; keeps the table bounded. */
export async function removeExpired(table: IDataTableProjectService, now: number): Promise<void> {
	await table.deleteRows({ filter: { type: 'and', filters: [{ columnName: 'cleanAfter', condition: 'lt', value: now }] } });
}

async function rowsOf(table: IDataTableProjectService, key: CodeKey): Promise<CodeRow[]> {
	const filter: DataTableFilter = {
		type: 'and',
		filters: [
			{ columnName: 'mobile', condition: 'eq', value: key.mobile },
			{ columnName: 'purpose', condition: 'eq', value: key.purpose },
		],
	};
	const page = await table.getManyRowsAndCount({ filter, take: 20 });
	return page.data.map(toCodeRow).sort((a, b) => a.id - b.id);
}

async function createRow(table: IDataTableProjectService, key: CodeKey, now: number): Promise<void> {
	// A new row means the table grows: expired rows go first.
	await removeExpired(table, now);
	const blank: DataTableRow = { mobile: key.mobile, purpose: key.purpose, version: 0, codeHash: '', salt: '', expiresAt: 0, attempts: 0, status: '', sentAt: '', cleanAfter: now + 24 * 3_600_000 };
	await table.insertRows([blank], 'id');
}

async function removeBlank(table: IDataTableProjectService, rows: CodeRow[]): Promise<void> {
	for (const row of rows.filter((candidate) => candidate.version === 0)) {
		await table.deleteRows({ filter: idAndVersion(row) });
	}
}

async function withdraw(table: IDataTableProjectService, id: number): Promise<void> {
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const row = (await table.getManyRowsAndCount({ filter: { type: 'and', filters: [{ columnName: 'id', condition: 'eq', value: id }] } })).data[0];
		if (!row || (await compareAndSet(table, toCodeRow(row), { status: 'void', codeHash: '' }))) return;
	}
}

async function compareAndSet(table: IDataTableProjectService, row: CodeRow, data: Partial<CodeRow>): Promise<boolean> {
	const changed = await table.updateRows({ filter: idAndVersion(row), data: { ...data, version: row.version + 1 } as DataTableRow });
	return Array.isArray(changed) && changed.length > 0;
}

function idAndVersion(row: CodeRow): DataTableFilter {
	return {
		type: 'and',
		filters: [
			{ columnName: 'id', condition: 'eq', value: row.id },
			{ columnName: 'version', condition: 'eq', value: row.version },
		],
	};
}

function toCodeRow(row: DataTableRow): CodeRow {
	return {
		id: Number(row.id),
		version: Number(row.version ?? 0),
		codeHash: String(row.codeHash ?? ''),
		salt: String(row.salt ?? ''),
		expiresAt: Number(row.expiresAt ?? 0),
		attempts: Number(row.attempts ?? 0),
		status: String(row.status ?? ''),
		sentAt: String(row.sentAt ?? ''),
		cleanAfter: Number(row.cleanAfter ?? 0),
	};
}
