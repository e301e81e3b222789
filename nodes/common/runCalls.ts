import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { noteAlreadySent } from './alreadySentNote';
import type { SentNaming } from './alreadySentNote';
import { readDryRun } from './dryRun';
import { asNodeError } from './errors';
import { failedItemJson } from './failedItem';
import { PER_NUMBER_INTERVAL_MS, PerNumberPacer } from './perNumberPacing';
import { QuietHours } from './quietHours';
import { RequestSlots } from './requestSlots';
import { callKey, RetryMemory } from './retryMemory';
import type { CallAnswer } from './retryMemory';

/** One provider call and the items it serves, in input order. */
export interface PlannedCall {
	items: number[];
}

/** What an item's calls gave: the answers of those that went out, and the error of one that failed. */
export interface CallOutcome<Sent> {
	sent: Sent[];
	failed?: unknown;
}

/** How the calls of a run ended, for an item whose result depends on other items' calls. */
export interface CallResults<Call> {
	/** Whether any call failed: when none did, there is nothing to look up. */
	anyFailed: boolean;
	/** The error of a call that failed, else undefined. */
	failureOf(call: Call): unknown;
}

/**
 * What the plan of a run holds: the calls, in the order they go out, and how an item's
 * result is made from them. What the output needs of the plan travels inside it, so no
 * closure depends on another having run first.
 */
export interface CallPlan<Prepared, Call extends PlannedCall, Sent> {
	calls: Call[];
	/**
	 * The output of a valid item whose calls all went out: one item, or one per record. It may
	 * throw, when the item relied on another item's call that failed: the item then fails.
	 */
	output(itemIndex: number, prepared: Prepared, sent: Sent[], results: CallResults<Call>): IDataObject | IDataObject[];
	/** Dry Run: what a valid item would send. Without it the operation has no Dry Run. */
	preview?(itemIndex: number, prepared: Prepared): IDataObject;
}

/**
 * What an operation tells the one item runner, in the order the runner uses it: `prepare`
 * every item, `plan` once, then `perform` each call (unless Dry Run asks for the plan's
 * `preview`), and the plan's `output` per item. The runner owns the guarantees every action
 * shares: all items are read and validated before anything goes out, so a bad item never
 * costs money (without "Continue On Fail" the node stops before the first request; with
 * it, the bad item becomes an error item and the others go on). Calls run in plan order,
 * `concurrency` at a time, repeats of one number paced apart, and a call is never repeated:
 * not by the runner, and not by n8n's Retry On Fail, which re-runs the node with every item
 * (see RetryMemory). Output items keep input order and each points back at its input item;
 * with "Continue (using error output)" failed items hold only `error`, which is how n8n
 * tells them apart and routes them to the error output.
 */
export interface CallTask<Prepared, Call extends PlannedCall, Sent> {
	/** Reads and validates one item; throws NodeOperationError on bad input. */
	prepare(itemIndex: number): Prepared;
	/**
	 * The calls that serve the valid items, and how their answers make each item's output.
	 * `prepared[i]` is what `prepare` gave item i, and undefined for an item that failed
	 * validation; `valid` tells them apart where an operation's `prepare` gives nothing.
	 */
	plan(prepared: Array<Prepared | undefined>, valid: (itemIndex: number) => boolean): CallPlan<Prepared, Call, Sent>;
	/** Makes one provider call. */
	perform(call: Call): Promise<Sent>;
	/**
	 * Set when a call spends money or changes state: a failure after some calls went out then
	 * names them (by `id`), because running the workflow again would repeat them.
	 */
	sends?: SentNaming & {
		id(call: Call, sent: Sent): string;
		/** The numbers a call goes to: with its items, what makes it the same call in a retry. */
		recipients(call: Call): string;
	};
	/** The phone number a call goes to, when the provider limits messages per number. */
	paceKey?(call: Call): string;
	/**
	 * Set when the operation offers Options → Quiet Hours (and Dry Run): items outside their
	 * window are held back before anything goes out, as bad items are (see quietHours.ts).
	 */
	quietHours?: boolean;
	/** At most this many calls in flight; 1 when unset. */
	concurrency?: number;
	/** What a Continue On Fail error item adds to the error, e.g. what of it went out. */
	failedExtras?(outcome: CallOutcome<Sent>): IDataObject;
}

export async function runCalls<Prepared, Call extends PlannedCall, Sent>(
	ctx: IExecuteFunctions,
	itemCount: number,
	task: CallTask<Prepared, Call, Sent>,
): Promise<INodeExecutionData[]> {
	const continueOnFail = ctx.continueOnFail();
	const errorOutput = ctx.getNode().onError === 'continueErrorOutput';
	// Nothing per item but what the operation prepared: a bulk send holds 100,000 of them
	// until its output is built, so bad items are kept apart (they are few).
	const prepared: Array<Prepared | undefined> = [];
	const invalid = new Map<number, unknown>();
	// The clock is read once, here: every item of the run is judged at the same instant.
	const dryRun = readDryRun(ctx);
	const quietHours = task.quietHours ? new QuietHours(ctx, Date.now(), dryRun) : undefined;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const entry = task.prepare(itemIndex);
			quietHours?.check(itemIndex);
			prepared.push(entry);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(ctx.getNode(), error, itemIndex);
			prepared.push(undefined);
			invalid.set(itemIndex, error);
		}
	}
	const plan = task.plan(prepared, (itemIndex) => !invalid.has(itemIndex));

	// A dry run ends here: what is planned is exactly what would be sent.
	const preview = plan.preview && dryRun ? plan.preview.bind(plan) : undefined;
	const ran = preview ? undefined : await runPlanned(ctx, itemCount, plan.calls, task, continueOnFail);
	const failed = (outcome: CallOutcome<Sent>) => [failedItemJson(outcome.failed, task.failedExtras?.(outcome), errorOutput)];
	const itemOutput = (itemIndex: number): IDataObject[] => {
		if (invalid.has(itemIndex)) return failed({ sent: [], failed: invalid.get(itemIndex) });
		const value = prepared[itemIndex] as Prepared;
		if (!ran) {
			const shown = preview!(itemIndex, value);
			return [quietHours ? quietHours.addTo(shown, itemIndex) : shown];
		}
		const outcome = ran.outcomeOf(itemIndex);
		if ('failed' in outcome) return failed(outcome);
		let json: IDataObject | IDataObject[];
		try {
			json = plan.output(itemIndex, value, outcome.sent, ran.results);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(ctx.getNode(), error, itemIndex);
			return failed({ sent: outcome.sent, failed: error });
		}
		return Array.isArray(json) ? json : [json];
	};

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		const pairedItem = { item: itemIndex };
		for (const json of itemOutput(itemIndex)) output.push({ json, pairedItem });
	}
	return output;
}

/** Runs the calls; without Continue On Fail, the first failure stops the rest and is thrown. */
async function runPlanned<Prepared, Call extends PlannedCall, Sent>(
	ctx: IExecuteFunctions,
	itemCount: number,
	calls: Call[],
	task: CallTask<Prepared, Call, Sent>,
	continueOnFail: boolean,
): Promise<{ outcomeOf: (itemIndex: number) => CallOutcome<Sent>; results: CallResults<Call> }> {
	const answers: Array<CallAnswer<Sent> | undefined> = new Array(calls.length);
	const memory = RetryMemory.of<Sent>(ctx);
	const sends = task.sends;
	let failure: { error: unknown; call: Call } | undefined;
	const slots = new RequestSlots(Math.max(1, Math.min(Math.floor(task.concurrency ?? 1) || 1, calls.length || 1)));
	const pacer = task.paceKey ? new PerNumberPacer(PER_NUMBER_INTERVAL_MS) : undefined;
	const attempt = async (call: Call, position: number) => {
		// After a failure without Continue On Fail, nothing more goes out.
		if (failure) return;
		const key = memory && callKey(call.items, sends?.recipients(call) ?? '');
		const answer = (key && memory!.recall(key, sends !== undefined)) || (await perform(call));
		if (key) memory!.remember(key, answer);
		answers[position] = answer;
		if ('failed' in answer && !continueOnFail && !failure) {
			failure = { error: answer.failed, call };
			pacer?.stop();
		}
	};
	const perform = async (call: Call): Promise<CallAnswer<Sent>> => {
		try {
			return { sent: await task.perform(call) };
		} catch (error) {
			return { failed: error };
		}
	};
	await Promise.all(
		calls.map(async (call, position) => {
			const send = async () => await slots.run(position, async () => await attempt(call, position));
			// The pause for a repeated number happens before the call asks for a slot, so
			// while it waits its slot serves other numbers.
			await (pacer && task.paceKey ? pacer.run(task.paceKey(call), send) : send());
		}),
	);

	if (failure) {
		const error = asNodeError(ctx.getNode(), failure.error, failure.call.items[0]);
		if (task.sends) {
			const ids = calls.flatMap((call, position) => {
				const answer = answers[position];
				return answer && 'sent' in answer ? [task.sends!.id(call, answer.sent)] : [];
			});
			noteAlreadySent(error, task.sends, ids);
		}
		throw error;
	}
	return { outcomeOf: outcomesOfItems(itemCount, calls, answers), results: callResults(calls, answers) };
}

function callResults<Call extends PlannedCall, Sent>(calls: Call[], answers: Array<CallAnswer<Sent> | undefined>): CallResults<Call> {
	const anyFailed = answers.some((answer) => answer !== undefined && 'failed' in answer);
	let positions: Map<Call, number> | undefined;
	return {
		anyFailed,
		failureOf: (call) => {
			if (!anyFailed) return undefined;
			positions ??= new Map(calls.map((each, position) => [each, position]));
			const answer = answers[positions.get(call) ?? -1];
			return answer && 'failed' in answer ? answer.failed : undefined;
		},
	};
}

/**
 * Each item's outcome, made when its output is: the answers of the calls that carry it, in
 * call order. Which calls those are is kept in one number per item (the first call) and a
 * list only for the few items whose numbers span several calls.
 */
function outcomesOfItems<Call extends PlannedCall, Sent>(
	itemCount: number,
	calls: Call[],
	answers: Array<CallAnswer<Sent> | undefined>,
): (itemIndex: number) => CallOutcome<Sent> {
	const firstCall = new Int32Array(itemCount).fill(-1);
	const laterCalls = new Map<number, number[]>();
	calls.forEach((call, position) => {
		for (const itemIndex of call.items) {
			if (firstCall[itemIndex] < 0) firstCall[itemIndex] = position;
			else laterCalls.set(itemIndex, [...(laterCalls.get(itemIndex) ?? []), position]);
		}
	});
	return (itemIndex) => {
		const first = firstCall[itemIndex];
		const positions = first < 0 ? [] : [first, ...(laterCalls.get(itemIndex) ?? [])];
		// Made by map, at its exact size: the list may stay in the item's output.
		const answered = positions.map((position) => answers[position]);
		const failure = answered.find((answer) => answer !== undefined && 'failed' in answer);
		const sent = answered.filter((answer): answer is { sent: Sent } => answer !== undefined && 'sent' in answer).map((answer) => answer.sent);
		return failure && 'failed' in failure ? { sent, failed: failure.failed } : { sent };
	};
}
