import type { Planned } from '../../../common/runner/operation';
import { callsOfItems } from './callsOfItems';
import type { CallShare } from './callsOfItems';
import { planCalls, planItems } from './planCalls';
import type { ItemPlan, ItemPlans, PlannedCall } from './planCalls';
import type { PreparedSend } from './prepareSend';

/** What a send's output reads of its planning: each item's plan and the calls that carry it. */
export class SendPlan {
	private shares?: Map<number, CallShare[]>;

	constructor(
		private readonly planOf: ItemPlans,
		readonly calls: PlannedCall[],
	) {}

	/** The plan of a valid item. */
	of(itemIndex: number): ItemPlan {
		return this.planOf(itemIndex)!;
	}

	/** The calls an item's numbers travel in; made for all items on first use, which only a dry run makes. */
	sharesOf(itemIndex: number): CallShare[] {
		this.shares ??= callsOfItems(this.calls, this.planOf);
		return this.shares.get(itemIndex) ?? [];
	}
}

/** Leaves out repeats, then packs the numbers into calls of at most 20,000. */
export function planSend(inputs: Array<PreparedSend | undefined>, settings: { skipRepeats: boolean; combineItems: boolean }): Planned<PlannedCall, SendPlan> {
	const planOf = planItems(inputs, settings.skipRepeats);
	const calls = planCalls(inputs, planOf, settings.combineItems);
	return { calls, plan: new SendPlan(planOf, calls) };
}
