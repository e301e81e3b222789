import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { answerLost } from './failureKinds';

/**
 * Retries for idempotent reads only (balances, reports): a lost answer to a read costs
 * nothing to ask again. Sends never come here, because a repeat could deliver and bill a
 * message twice. Only a lost answer is asked again: the network, a timeout, a 5xx, a body
 * cut off or unreadable (see failureKinds). A refusal by the provider (wrong key, no
 * balance…) and a configuration error (an empty credential field) are final. The waits are
 * short and bounded so a workflow never hangs on a dead host.
 */
export const READ_RETRY_DELAYS_MS: readonly number[] = [300, 1000];

/** How a retry waits for its delay: n8n's `sleep` unless the process chose otherwise. */
export type RetryWait = (ms: number) => Promise<void>;

let wait: RetryWait = sleep;

/**
 * Replaces how retries wait, for the whole process; without an argument, restores n8n's
 * `sleep`. The delays asked for, the number of retries and what is retried stay the same:
 * a test harness passes a wait that returns at once (and may record the delays).
 */
export function setReadRetryWait(next: RetryWait = sleep): void {
	wait = next;
}

export async function withReadRetries<T>(
	node: INode,
	attempt: () => Promise<T>,
	delaysMs: readonly number[] = READ_RETRY_DELAYS_MS,
): Promise<T> {
	for (let retry = 0; ; retry++) {
		try {
			return await attempt();
		} catch (error) {
			if (retry >= delaysMs.length || !answerLost(error)) {
				// Both constructors hand back an error of their own class unchanged.
				if (error instanceof NodeApiError) throw new NodeApiError(node, error as unknown as JsonObject);
				throw new NodeOperationError(node, error as Error);
			}
			await wait(delaysMs[retry]);
		}
	}
}

