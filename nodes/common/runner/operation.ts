import type { IDataObject } from 'n8n-workflow';

import type { SentNaming } from '../alreadySentNote';

/** One provider call and the items it serves, in input order. */
export interface PlannedCall {
	items: number[];
}

/** The call of an operation that makes one call per item: the item and what it validated to. */
export interface ItemCall<Input> extends PlannedCall {
	items: [number];
	input: Input;
}

/** The calls of a run, in the order they go out, and what the operation keeps of its planning for the output. */
export interface Planned<Call extends PlannedCall, Plan> {
	calls: Call[];
	plan: Plan;
}

/** How the calls of a run ended, for an item whose result depends on other items' calls. */
export interface CallResults<Call> {
	/** Whether any call failed: when none did, there is nothing to look up. */
	anyFailed: boolean;
	/** The error of a call that failed, else undefined. */
	failureOf(call: Call): unknown;
}

/** What an item's calls gave: the answers of those that went out, and the error of one that failed. */
export interface CallOutcome<Answer> {
	answers: Answer[];
	failed?: unknown;
}

/**
 * An action operation, as the one runner (runOperation.ts) runs it. The runner calls these
 * in this order and hands each what the earlier steps gave, so none relies on another
 * having run first:
 *
 * 1. `validate` every item. All items are read and validated before anything goes out, so a
 *    bad item never costs money: without Continue On Fail the node stops before the first
 *    request; with it, the bad item becomes an error item and the others go on. Items outside
 *    their Quiet Hours are held back here too, when the operation offers them.
 * 2. `plan` once, over the validated inputs: the calls, and what the output needs to know.
 * 3. With Dry Run on, `preview` each valid item and stop: nothing is sent.
 * 4. `send` each call, in plan order, `concurrency` at a time, calls to one number `paceKey`
 *    apart (see perNumberPacing). A call is never repeated: not by the runner, and not by
 *    n8n's Retry On Fail, which re-runs the node with every item (see retryMemory). Without
 *    Continue On Fail the first failure stops the rest and fails the node, naming what
 *    already went out when the operation `spends`.
 * 5. `output` each valid item whose calls all went out.
 *
 * Output items keep input order and each points back at its input item. With "Continue
 * (using error output)" failed items hold only `error`, which is how n8n routes them to the
 * error output.
 */
export interface Operation<Input, Call extends PlannedCall, Answer, Plan> {
	/** Reads and validates one item; throws NodeOperationError (naming item, field and fix) on bad input. */
	validate(itemIndex: number): Input;
	/**
	 * The calls that serve the valid items. `inputs[i]` is what `validate` gave item i, and
	 * undefined for an item that failed; `valid` tells them apart where `validate` gives nothing.
	 * Operations that make one call per item pass `oneCallPerItem`.
	 */
	plan(inputs: Array<Input | undefined>, valid: (itemIndex: number) => boolean): Planned<Call, Plan>;
	/** Makes one provider call. */
	send(call: Call): Promise<Answer>;
	/**
	 * The output of a valid item whose calls all went out: one item, or one per record. It may
	 * throw, when the item relied on another item's call that failed: the item then fails.
	 */
	output(itemIndex: number, input: Input, answers: Answer[], run: { plan: Plan; results: CallResults<Call> }): IDataObject | IDataObject[];
	/** Dry Run: what a valid item would send. Without it the operation has no Dry Run option. */
	preview?(itemIndex: number, input: Input, plan: Plan): IDataObject;
	/**
	 * Set when a call spends money or changes state: a failure after some calls went out then
	 * names them (by `id`), because running the workflow again would repeat them.
	 */
	spends?: SentNaming & {
		id(call: NoInfer<Call>, answer: NoInfer<Answer>): string;
		/** The numbers a call goes to: with its items, what makes it the same call in a retry. */
		recipients(call: NoInfer<Call>): string;
	};
	/** The phone number a call goes to, when the provider limits messages per number. */
	paceKey?(call: Call): string;
	/** Set when the operation offers Options → Quiet Hours (see quietHours.ts). */
	quietHours?: boolean;
	/** At most this many calls in flight; 1 when unset. */
	concurrency?: number;
	/** What a Continue On Fail error item adds to the error, e.g. what of it went out. */
	failedExtras?(outcome: CallOutcome<Answer>): IDataObject;
}

/** The plan of an operation that makes one call per valid item. */
export function oneCallPerItem<Input>(inputs: Array<Input | undefined>, valid: (itemIndex: number) => boolean): Planned<ItemCall<Input>, undefined> {
	const calls: Array<ItemCall<Input>> = [];
	inputs.forEach((input, itemIndex) => {
		if (valid(itemIndex)) calls.push({ items: [itemIndex], input: input as Input });
	});
	return { calls, plan: undefined };
}

/** The output of an operation whose one answer per item is the item's output. */
export function answerAsOutput<Answer extends IDataObject | IDataObject[]>(_itemIndex: number, _input: unknown, [answer]: Answer[]): Answer {
	return answer;
}

/** `spends` of an operation that makes one call per item: a partial failure names the items that went out. */
export function itemsSpend(): SentNaming & { id(call: PlannedCall): string; recipients(call: PlannedCall): string } {
	return { noun: 'item', listName: 'items', id: (call) => String(call.items[0]), recipients: () => '' };
}
