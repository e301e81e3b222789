import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { noteAlreadySent } from './alreadySentNote';
import type { SentNaming } from './alreadySentNote';
import { readDryRun } from './dryRun';
import { asNodeError, errorToItemJson } from './errors';
import { PerNumberPacer, pacingSettings } from './perNumberPacing';
import { RequestSlots } from './requestSlots';

/** One provider call and the items it serves, in input order. */
export interface PlannedCall {
	items: number[];
}

/** What an item's calls gave: the answers of those that went out, and the error of one that failed. */
export interface CallOutcome<Sent> {
	sent: Sent[];
	failed?: unknown;
}

/**
 * What an operation tells the one item runner. The runner owns the guarantees every action
 * shares: all items are read and validated before anything goes out, so a bad item never
 * costs money (without "Continue On Fail" the node stops before the first request; with
 * it, the bad item becomes an error item and the others go on). Calls run in plan order,
 * `concurrency` at a time, repeats of one number paced apart, and a call is never repeated.
 * Output items keep input order and each points back at its input item.
 */
export interface CallTask<Prepared, Call extends PlannedCall, Sent> {
	/** Reads and validates one item; throws NodeOperationError on bad input. */
	prepare(itemIndex: number): Prepared;
	/** The calls that serve the valid items; an item that failed validation is undefined. */
	plan(prepared: Array<{ value: Prepared } | undefined>): Call[];
	/** Makes one provider call. */
	perform(call: Call): Promise<Sent>;
	/**
	 * Set when a call spends money or changes state: a failure after some calls went out then
	 * names them (by `id`), because running the workflow again would repeat them.
	 */
	sends?: SentNaming & { id(call: Call, sent: Sent): string };
	/** The phone number a call goes to, when the provider limits messages per number. */
	paceKey?(call: Call): string;
	/** At most this many calls in flight; 1 when unset. */
	concurrency?: number;
	/** The output of a valid item whose calls all went out: one item, or one per record. */
	output(itemIndex: number, prepared: Prepared, sent: Sent[]): IDataObject | IDataObject[];
	/** What a Continue On Fail error item adds to the error, e.g. what of it went out. */
	failedExtras?(outcome: CallOutcome<Sent>): IDataObject;
	/** Dry Run: what a valid item would send. Without it the operation has no Dry Run. */
	preview?(itemIndex: number, prepared: Prepared): IDataObject;
}

type Entry<Prepared> = { ok: true; value: Prepared } | { ok: false; error: unknown };

export async function runCalls<Prepared, Call extends PlannedCall, Sent>(
	ctx: IExecuteFunctions,
	itemCount: number,
	task: CallTask<Prepared, Call, Sent>,
): Promise<INodeExecutionData[]> {
	const continueOnFail = ctx.continueOnFail();
	const entries: Array<Entry<Prepared>> = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			entries.push({ ok: true, value: task.prepare(itemIndex) });
		} catch (error) {
			if (!continueOnFail) throw asNodeError(ctx.getNode(), error, itemIndex);
			entries.push({ ok: false, error });
		}
	}
	const calls = task.plan(entries.map((entry) => (entry.ok ? { value: entry.value } : undefined)));

	// A dry run ends here: what is planned is exactly what would be sent.
	const preview = task.preview && readDryRun(ctx) ? task.preview.bind(task) : undefined;
	const outcomes = preview ? new Map<number, CallOutcome<Sent>>() : await runPlanned(ctx, calls, task, continueOnFail);
	const itemOutput = (entry: Entry<Prepared>, itemIndex: number): IDataObject[] => {
		if (!entry.ok) return [errorToItemJson(entry.error)];
		if (preview) return [preview(itemIndex, entry.value)];
		const outcome = outcomes.get(itemIndex) ?? { sent: [] };
		if ('failed' in outcome) return [{ ...errorToItemJson(outcome.failed), ...task.failedExtras?.(outcome) }];
		const json = task.output(itemIndex, entry.value, outcome.sent);
		return Array.isArray(json) ? json : [json];
	};

	const output: INodeExecutionData[] = [];
	entries.forEach((entry, itemIndex) => {
		const pairedItem = { item: itemIndex };
		for (const json of itemOutput(entry, itemIndex)) output.push({ json, pairedItem });
	});
	return output;
}

/** Runs the calls; without Continue On Fail, the first failure stops the rest and is thrown. */
async function runPlanned<Prepared, Call extends PlannedCall, Sent>(
	ctx: IExecuteFunctions,
	calls: Call[],
	task: CallTask<Prepared, Call, Sent>,
	continueOnFail: boolean,
): Promise<Map<number, CallOutcome<Sent>>> {
	const answers: Array<{ sent: Sent } | { failed: unknown } | undefined> = new Array(calls.length);
	let failure: { error: unknown; call: Call } | undefined;
	const slots = new RequestSlots(Math.max(1, Math.min(Math.floor(task.concurrency ?? 1) || 1, calls.length || 1)));
	const pacer = task.paceKey && pacingSettings.enabled ? new PerNumberPacer(pacingSettings.intervalMs) : undefined;
	const attempt = async (call: Call, position: number) => {
		// After a failure without Continue On Fail, nothing more goes out.
		if (failure) return;
		try {
			answers[position] = { sent: await task.perform(call) };
		} catch (error) {
			answers[position] = { failed: error };
			if (!continueOnFail && !failure) {
				failure = { error, call };
				pacer?.stop();
			}
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
	return outcomesOfItems(calls, answers);
}

function outcomesOfItems<Call extends PlannedCall, Sent>(
	calls: Call[],
	answers: Array<{ sent: Sent } | { failed: unknown } | undefined>,
): Map<number, CallOutcome<Sent>> {
	const outcomes = new Map<number, CallOutcome<Sent>>();
	calls.forEach((call, position) => {
		const answer = answers[position];
		for (const itemIndex of call.items) {
			let outcome = outcomes.get(itemIndex);
			if (!outcome) outcomes.set(itemIndex, (outcome = { sent: [] }));
			if (answer && 'sent' in answer) outcome.sent.push(answer.sent);
			else if (answer) outcome.failed = answer.failed;
		}
	});
	return outcomes;
}
