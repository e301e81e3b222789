import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runCalls } from './runCalls';

/**
 * An operation that makes one call per item (every action but the Jiazhiyuan send, which
 * combines items into shared calls and tells runCalls its plan itself).
 */
export interface ItemTask<Prepared> {
	/** Reads and validates the item's parameters; throws NodeOperationError on bad input. */
	prepare(itemIndex: number): Prepared;
	/** Makes the provider call for one validated item: one output item, or one per record. */
	perform(prepared: Prepared, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/** Whether perform spends money or changes state, for the note on partial failures. */
	sends: boolean;
	/**
	 * The phone number an item goes to, when the provider limits messages per number: items
	 * with the same key are sent one after the other, a pause apart (see perNumberPacing).
	 */
	paceKey?(prepared: Prepared): string;
	/** Offers Options → Quiet Hours: see CallTask.quietHours. */
	quietHours?: boolean;
	/** Dry Run: what the item would send, instead of perform. */
	preview?(prepared: Prepared, itemIndex: number): IDataObject;
}

interface ItemCall<Prepared> {
	items: [number];
	prepared: Prepared;
}

export async function runItems<Prepared>(
	ctx: IExecuteFunctions,
	itemCount: number,
	task: ItemTask<Prepared>,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const paceKey = task.paceKey?.bind(task);
	const preview = task.preview?.bind(task);
	return await runCalls<Prepared, ItemCall<Prepared>, IDataObject | IDataObject[]>(ctx, itemCount, {
		prepare: (itemIndex) => task.prepare(itemIndex),
		// One call per valid item; its one answer is the item's output.
		plan: (prepared, valid) => ({
			calls: prepared.flatMap((entry, itemIndex): Array<ItemCall<Prepared>> => (valid(itemIndex) ? [{ items: [itemIndex], prepared: entry as Prepared }] : [])),
			output: (_itemIndex, _prepared, sent) => sent[0],
			preview: preview && ((itemIndex, prepared) => preview(prepared, itemIndex)),
		}),
		perform: async (call) => await task.perform(call.prepared, call.items[0]),
		sends: task.sends
			? { noun: 'item', listName: 'items', id: (call) => String(call.items[0]), recipients: (call) => paceKey?.(call.prepared) ?? '' }
			: undefined,
		paceKey: paceKey && ((call) => paceKey(call.prepared)),
		quietHours: task.quietHours,
		concurrency,
	});
}
