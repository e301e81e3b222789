import type { ItemPlans, PlannedCall } from './planCalls';

/** A call as one item sees it: its place among the send's calls, its size, the item's numbers in it. */
export interface CallShare {
	/** Position of the call among the calls of this execution, from 0; items sharing a call share it. */
	index: number;
	/** Numbers the call carries in all, the item's and those of items combined with it. */
	count: number;
	mobiles: { count: number; first: string; last: string };
}

/**
 * The calls each item's numbers travel in. planCalls takes an item's numbers in order, so
 * its numbers in a call are the next ones of its plan: the first and the last name them
 * exactly, without a second copy of lists that hold up to 20,000 numbers per call (the
 * item's whole list is in its `mobiles`), and without listing the items a call combines,
 * which can be 20,000 too.
 */
export function callsOfItems(calls: PlannedCall[], planOf: ItemPlans): Map<number, CallShare[]> {
	const shares = new Map<number, CallShare[]>();
	const taken = new Map<number, number>();
	calls.forEach((call, index) => {
		const count = call.counts.reduce((sum, part) => sum + part, 0);
		call.items.forEach((itemIndex, position) => {
			const numbers = planOf(itemIndex)!.numbers;
			const start = taken.get(itemIndex) ?? 0;
			const own = call.counts[position];
			taken.set(itemIndex, start + own);
			const list = shares.get(itemIndex) ?? [];
			list.push({ index, count, mobiles: { count: own, first: numbers[start], last: numbers[start + own - 1] } });
			shares.set(itemIndex, list);
		});
	});
	return shares;
}
