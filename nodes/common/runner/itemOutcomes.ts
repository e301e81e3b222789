import type { CallAnswer } from '../retryMemory';
import type { CallOutcome, CallResults, PlannedCall } from './operation';

export function callResults<Call extends PlannedCall, Answer>(calls: Call[], answers: Array<CallAnswer<Answer> | undefined>): CallResults<Call> {
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
 * call order. Most items are in one call: each keeps the position of its first call, and
 * only the few whose numbers span several calls keep a list.
 */
export function outcomesOfItems<Call extends PlannedCall, Answer>(
	itemCount: number,
	calls: Call[],
	answers: Array<CallAnswer<Answer> | undefined>,
): (itemIndex: number) => CallOutcome<Answer> {
	const firstCall: number[] = new Array<number>(itemCount).fill(-1);
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
		const answered = positions.map((position) => answers[position]);
		const failure = answered.find((answer) => answer !== undefined && 'failed' in answer);
		const sent = answered.filter((answer): answer is { sent: Answer } => answer !== undefined && 'sent' in answer).map((answer) => answer.sent);
		return failure && 'failed' in failure ? { answers: sent, failed: failure.failed } : { answers: sent };
	};
}
