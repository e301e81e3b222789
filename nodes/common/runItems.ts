import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorToItemJson } from './errors';

/**
 * How the action nodes process items: every item is validated first, and only then does
 * anything go out. A bad item therefore never costs money: without "Continue On Fail" the
 * node stops before the first request; with it, the bad item becomes an error item and the
 * others are sent. Requests run in item order, `concurrency` at a time, and every output
 * item points back at its input item.
 */
export interface ItemTask<Prepared> {
	/** Reads and validates the item's parameters; throws NodeOperationError on bad input. */
	prepare(itemIndex: number): Prepared;
	/** Makes the provider call for one validated item. */
	perform(prepared: Prepared, itemIndex: number): Promise<IDataObject>;
	/** Whether perform spends money or changes state, for the note on partial failures. */
	sends: boolean;
}

export async function runItems<Prepared>(
	ctx: IExecuteFunctions,
	itemCount: number,
	task: ItemTask<Prepared>,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const continueOnFail = ctx.continueOnFail();
	const prepared: Array<{ ok: true; value: Prepared } | { ok: false; error: unknown }> = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			prepared.push({ ok: true, value: task.prepare(itemIndex) });
		} catch (error) {
			if (!continueOnFail) throw asNodeError(ctx.getNode(), error, itemIndex);
			prepared.push({ ok: false, error });
		}
	}

	const results: IDataObject[] = new Array(itemCount);
	const done: number[] = [];
	let failure: { error: unknown; itemIndex: number } | undefined;
	let next = 0;
	const worker = async () => {
		while (next < itemCount && !failure) {
			const itemIndex = next++;
			const entry = prepared[itemIndex];
			if (!entry.ok) {
				results[itemIndex] = errorToItemJson(entry.error);
				continue;
			}
			try {
				results[itemIndex] = await task.perform(entry.value, itemIndex);
				done.push(itemIndex);
			} catch (error) {
				if (continueOnFail) {
					results[itemIndex] = errorToItemJson(error);
				} else if (!failure) {
					failure = { error, itemIndex };
				}
			}
		}
	};
	const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, itemCount || 1));
	await Promise.all(Array.from({ length: workers }, worker));

	if (failure) {
		const error = asNodeError(ctx.getNode(), failure.error, failure.itemIndex);
		if (task.sends && done.length > 0) noteAlreadySent(error, done);
		throw error;
	}
	return results.map((json, itemIndex) => ({ json, pairedItem: { item: itemIndex } }));
}

/** Tell the user which items went out before the failure, so a re-run does not surprise them. */
function noteAlreadySent(error: unknown, done: number[]): void {
	if (!error || typeof error !== 'object') return;
	const sorted = [...done].sort((a, b) => a - b);
	const list = sorted.length > 10 ? `${sorted.slice(0, 10).join(', ')} and ${sorted.length - 10} more` : sorted.join(', ');
	const note = `${sorted.length} item(s) were already sent before this failure (items ${list}). Running the workflow again sends them again; turn on "Continue On Fail" (node settings → On Error) to get one result per item instead.`;
	const target = error as { description?: string | null };
	target.description = target.description ? `${target.description} ${note}` : note;
}
