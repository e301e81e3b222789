import { MAX_NUMBERS_PER_CALL } from '../../transport/numbers';
import type { PreparedSend } from './prepareSend';

/** A number left out of an item because an earlier item (`item`) sends it the same content. */
export interface SkippedRepeat {
	mobile: string;
	item: number;
}

/** What an item sends once repeats are left out. */
export interface ItemPlan {
	numbers: string[];
	repeatsSkipped: SkippedRepeat[];
}

/**
 * One content goes to one number once per execution: a number that an earlier item already
 * sends the same content to is left out of later items, because the person would get the
 * text twice and the account would pay twice. Items are taken in input order, so the first
 * item holding a number sends it. `skipRepeats: false` sends every item's numbers as they are.
 * Items that failed validation (undefined) send nothing and claim no number.
 */
export function planItems(prepared: Array<PreparedSend | undefined>, skipRepeats: boolean): Array<ItemPlan | undefined> {
	const senders = new Map<string, Map<string, number>>();
	return prepared.map((entry, itemIndex) => {
		if (!entry) return undefined;
		if (!skipRepeats) return { numbers: entry.numbers, repeatsSkipped: [] };
		let sender = senders.get(entry.content);
		if (!sender) senders.set(entry.content, (sender = new Map()));
		const plan: ItemPlan = { numbers: [], repeatsSkipped: [] };
		for (const mobile of entry.numbers) {
			const earlier = sender.get(mobile);
			if (earlier === undefined) {
				sender.set(mobile, itemIndex);
				plan.numbers.push(mobile);
			} else {
				plan.repeatsSkipped.push({ mobile, item: earlier });
			}
		}
		return plan;
	});
}

/**
 * One sendSMS call: its form fields and the items whose numbers it carries, in order, with
 * how many of its numbers each of them holds (`counts[i]` for `items[i]`).
 */
export interface PlannedCall {
	items: number[];
	counts: number[];
	fields: Record<string, string>;
}

/**
 * The calls that send the planned numbers. With `combine`, items with the same content and
 * settings share calls and are packed into as few of them as possible; without, every item
 * has its own. Either way a call holds at most 20,000 numbers, and an item with no number
 * left has no call.
 */
export function planCalls(prepared: Array<PreparedSend | undefined>, plans: Array<ItemPlan | undefined>, combine: boolean): PlannedCall[] {
	const groups = new Map<string, number[]>();
	prepared.forEach((entry, itemIndex) => {
		if (!entry || plans[itemIndex]!.numbers.length === 0) return;
		const key = combine ? JSON.stringify([entry.content, entry.smsType, entry.isLongSms, entry.extenno]) : `item ${itemIndex}`;
		const members = groups.get(key) ?? [];
		members.push(itemIndex);
		groups.set(key, members);
	});

	const calls: PlannedCall[] = [];
	for (const members of groups.values()) {
		const first = prepared[members[0]]!;
		const numbers: string[] = [];
		const owners: number[] = [];
		for (const itemIndex of members) {
			for (const number of plans[itemIndex]!.numbers) {
				numbers.push(number);
				owners.push(itemIndex);
			}
		}
		for (let start = 0; start < numbers.length; start += MAX_NUMBERS_PER_CALL) {
			const end = Math.min(start + MAX_NUMBERS_PER_CALL, numbers.length);
			// One pass over the owners: a call of 20,000 numbers may hold 20,000 items.
			const perItem = new Map<number, number>();
			for (let index = start; index < end; index++) perItem.set(owners[index], (perItem.get(owners[index]) ?? 0) + 1);
			calls.push({
				items: [...perItem.keys()],
				counts: [...perItem.values()],
				fields: {
					mobile: numbers.slice(start, end).join(','),
					content: first.content,
					smstype: first.smsType,
					isLongSms: first.isLongSms,
					extenno: first.extenno,
				},
			});
		}
	}
	return calls;
}
