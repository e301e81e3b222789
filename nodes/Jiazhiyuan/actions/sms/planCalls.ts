import type { Message, PreparedSend } from './prepareSend';

/** One sendSMS call takes at most this many numbers ("最大2万个号码", vendor document). */
const MAX_NUMBERS_PER_CALL = 20000;

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

/** The plan of each item, by item index; undefined for an item that failed validation. */
export type ItemPlans = (itemIndex: number) => ItemPlan | undefined;

/**
 * What makes two items' messages the same: content, SMS type, long-SMS setting and
 * extension (any of them makes a different message). Items in a row with the same message
 * share its object (sharedMessages), so each key is made once.
 */
function messageKeys(): (message: Message) => string {
	const keys = new Map<Message, string>();
	return (message) => {
		const key = keys.get(message) ?? JSON.stringify([message.content, message.smsType, message.isLongSms, message.extenno]);
		keys.set(message, key);
		return key;
	};
}

/**
 * One message goes to one number once per execution: a number that an earlier item already
 * sends the same message to is left out of later items, because the person would get the
 * text twice and the account would pay twice. Items are taken in input order, so the first
 * item holding a number sends it. `skipRepeats: false` sends every item's numbers as they are.
 * Items that failed validation (undefined) send nothing and claim no number.
 * Only items that leave a repeat out keep a plan of their own; every other item's plan is
 * its own list, made when asked for (a bulk send has 100,000 items).
 */
export function planItems(prepared: Array<PreparedSend | undefined>, skipRepeats: boolean): ItemPlans {
	const changed = new Map<number, ItemPlan>();
	if (skipRepeats) {
		const senders = new Map<string, Map<string, number>>();
		const keyOf = messageKeys();
		prepared.forEach((entry, itemIndex) => {
			if (!entry) return;
			const key = keyOf(entry.message);
			let sender = senders.get(key);
			if (!sender) senders.set(key, (sender = new Map()));
			const repeatsSkipped: SkippedRepeat[] = [];
			for (const mobile of entry.numbers) {
				const earlier = sender.get(mobile);
				if (earlier === undefined) sender.set(mobile, itemIndex);
				else repeatsSkipped.push({ mobile, item: earlier });
			}
			if (repeatsSkipped.length === 0) return;
			const skipped = new Set(repeatsSkipped.map((repeat) => repeat.mobile));
			changed.set(itemIndex, { numbers: entry.numbers.filter((mobile) => !skipped.has(mobile)), repeatsSkipped });
		});
	}
	return (itemIndex) => {
		const entry = prepared[itemIndex];
		return entry && (changed.get(itemIndex) ?? { numbers: entry.numbers, repeatsSkipped: [] });
	};
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
export function planCalls(prepared: Array<PreparedSend | undefined>, planOf: ItemPlans, combine: boolean): PlannedCall[] {
	const groups = new Map<string, number[]>();
	const combinedKey = messageKeys();
	prepared.forEach((entry, itemIndex) => {
		if (!entry || planOf(itemIndex)!.numbers.length === 0) return;
		const key = combine ? combinedKey(entry.message) : `item ${itemIndex}`;
		const members = groups.get(key) ?? [];
		members.push(itemIndex);
		groups.set(key, members);
	});

	const calls: PlannedCall[] = [];
	for (const members of groups.values()) {
		const first = prepared[members[0]]!.message;
		const numbers: string[] = [];
		const owners: number[] = [];
		for (const itemIndex of members) {
			for (const number of planOf(itemIndex)!.numbers) {
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
