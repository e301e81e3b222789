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
			await sleep(delaysMs[retry]);
		}
	}
}

