import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorToItemJson } from './errors';
import { PerNumberPacer, pacingSettings } from './perNumberPacing';
import { RequestSlots } from './requestSlots';

/**
 * How the action nodes process items: every item is validated first, and only then does
 * anything go out. A bad item therefore never costs money: without "Continue On Fail" the
 * node stops before the first request; with it, the bad item becomes an error item and the
 * others are sent. Requests run in item order, `concurrency` at a time (an item whose
 * number must rest goes at the first free slot after its pause), output items keep input
 * order, and every output item points back at its input item. A send is never repeated.
 */
export interface ItemTask<Prepared> {
	/** Reads and validates the item's parameters; throws NodeOperationError on bad input. */
	prepare(itemIndex: number): Prepared;
	/** Makes the provider call for one validated item. */
	perform(prepared: Prepared, itemIndex: number): Promise<IDataObject>;
	/** Whether perform spends money or changes state, for the note on partial failures. */
	sends: boolean;
	/**
	 * The phone number an item goes to, when the provider limits messages per number: items
	 * with the same key are sent one after the other, a pause apart (see perNumberPacing).
	 */
	paceKey?(prepared: Prepared): string;
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
	const slots = new RequestSlots(Math.max(1, Math.min(Math.floor(concurrency) || 1, itemCount || 1)));
	const pacer = task.paceKey && pacingSettings.enabled ? new PerNumberPacer(pacingSettings.intervalMs) : undefined;
	const attempt = async (value: Prepared, itemIndex: number) => {
		// After a failure without Continue On Fail, nothing more goes out.
		if (failure) return;
		try {
			results[itemIndex] = await task.perform(value, itemIndex);
			done.push(itemIndex);
		} catch (error) {
			if (continueOnFail) {
				results[itemIndex] = errorToItemJson(error);
			} else if (!failure) {
				failure = { error, itemIndex };
				pacer?.stop();
			}
		}
	};
	await Promise.all(
		prepared.map(async (entry, itemIndex) => {
			if (!entry.ok) {
				results[itemIndex] = errorToItemJson(entry.error);
				return;
			}
			const send = async () => await slots.run(itemIndex, async () => await attempt(entry.value, itemIndex));
			// The pause for a repeated number happens before the item asks for a slot, so
			// while it waits its slot serves other numbers.
			await (pacer && task.paceKey ? pacer.run(task.paceKey(entry.value), send) : send());
		}),
	);

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
