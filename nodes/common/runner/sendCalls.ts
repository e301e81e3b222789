import type { IExecuteFunctions } from 'n8n-workflow';

import { noteAlreadySent } from '../alreadySentNote';
import { asNodeError } from '../errors';
import { PER_NUMBER_INTERVAL_MS, PerNumberPacer } from '../perNumberPacing';
import { RequestSlots } from '../requestSlots';
import { callKey, RetryMemory } from '../retryMemory';
import type { CallAnswer } from '../retryMemory';
import { callResults, outcomesOfItems } from './itemOutcomes';
import type { CallOutcome, CallResults, Operation, PlannedCall } from './operation';

/** The calls' answers, as the output step reads them. */
export interface SentCalls<Call, Answer> {
	outcomeOf(itemIndex: number): CallOutcome<Answer>;
	results: CallResults<Call>;
}

/**
 * Step 4 of Operation: sends the calls, each once. Without Continue On Fail, the first
 * failure stops the rest and is thrown, naming what already went out.
 */
export async function sendCalls<Call extends PlannedCall, Answer>(
	ctx: IExecuteFunctions,
	itemCount: number,
	calls: Call[],
	operation: Pick<Operation<unknown, Call, Answer, unknown>, 'send' | 'spends' | 'paceKey' | 'concurrency'>,
	continueOnFail: boolean,
): Promise<SentCalls<Call, Answer>> {
	const answers: Array<CallAnswer<Answer> | undefined> = new Array(calls.length);
	const memory = RetryMemory.of<Answer>(ctx);
	const spends = operation.spends;
	const paceKey = operation.paceKey?.bind(operation);
	let failure: { error: unknown; call: Call } | undefined;
	const slots = new RequestSlots(Math.max(1, Math.min(Math.floor(operation.concurrency ?? 1) || 1, calls.length || 1)));
	const pacer = paceKey ? new PerNumberPacer(PER_NUMBER_INTERVAL_MS) : undefined;
	const send = async (call: Call): Promise<CallAnswer<Answer>> => {
		try {
			return { sent: await operation.send(call) };
		} catch (error) {
			return { failed: error };
		}
	};
	const attempt = async (call: Call, position: number) => {
		// After a failure without Continue On Fail, nothing more goes out.
		if (failure) return;
		const key = memory && callKey(call.items, spends?.recipients(call) ?? '');
		const answer = (key && memory!.recall(key, spends !== undefined)) || (await send(call));
		if (key) memory!.remember(key, answer);
		answers[position] = answer;
		if ('failed' in answer && !continueOnFail && !failure) {
			failure = { error: answer.failed, call };
			pacer?.stop();
		}
	};
	await Promise.all(
		calls.map(async (call, position) => {
			const inSlot = async () => await slots.run(position, async () => await attempt(call, position));
			// The pause for a repeated number happens before the call asks for a slot, so
			// while it waits its slot serves other numbers.
			await (pacer && paceKey ? pacer.run(paceKey(call), inSlot) : inSlot());
		}),
	);

	if (failure) {
		const error = asNodeError(ctx.getNode(), failure.error, failure.call.items[0]);
		if (spends) {
			const ids = calls.flatMap((call, position) => {
				const answer = answers[position];
				return answer && 'sent' in answer ? [spends.id(call, answer.sent)] : [];
			});
			noteAlreadySent(error, spends, ids);
		}
		throw error;
	}
	return { outcomeOf: outcomesOfItems(itemCount, calls, answers), results: callResults(calls, answers) };
}
