import { createHash } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

import { mayHaveBeenSent } from './failureKinds';

/** How one call ended: its answer, or its error. */
export type CallAnswer<Sent> = { sent: Sent } | { failed: unknown };

/**
 * What earlier tries of this node sent in this execution. n8n's Retry On Fail runs
 * `execute()` again with every input item, in the same process and on the same execution
 * data (`getRetryParams` and the try loop in n8n-core's workflow-execute); it also does so
 * when Continue On Fail left an error in the first output item. Without this memory every
 * message that went out before the failure would go out again.
 *
 * The memory lives in n8n's per-execution node context (`getContext('node')`), keyed by the
 * node's run, as a property n8n does not save: it lasts exactly as long as the execution's
 * data in this process, holds error objects as they are, and never reaches the database. A
 * new execution (the user runs the workflow again) starts with none and sends again.
 * Without Retry On Fail nothing is kept: a bulk send's 100,000 items cost nothing extra.
 */
export class RetryMemory<Sent> {
	private constructor(private readonly answers: Map<string, CallAnswer<Sent>>) {}

	static of<Sent>(ctx: IExecuteFunctions): RetryMemory<Sent> | undefined {
		if (ctx.getNode().retryOnFail !== true) return undefined;
		const context = ctx.getContext('node') as Record<string, unknown>;
		// A node inside a loop runs again with new items: each run has its own memory.
		const slot = `retryMemory:${ctx.getWorkflowDataProxy(0).$runIndex as number}`;
		if (!Object.prototype.hasOwnProperty.call(context, slot)) {
			Object.defineProperty(context, slot, { value: new Map(), enumerable: false });
		}
		return new RetryMemory(context[slot] as Map<string, CallAnswer<Sent>>);
	}

	/**
	 * The earlier answer of the same call (the same items to the same numbers) when it must
	 * not be made again: it went out, or it may have. Undefined when the call is to be made:
	 * it never was, the provider refused it, its connection never opened, or it only reads.
	 */
	recall(key: string, sends: boolean): CallAnswer<Sent> | undefined {
		const earlier = this.answers.get(key);
		if (!earlier) return undefined;
		if ('sent' in earlier) return earlier;
		return sends && mayHaveBeenSent(earlier.failed) ? earlier : undefined;
	}

	remember(key: string, answer: CallAnswer<Sent>): void {
		this.answers.set(key, answer);
	}
}

/** A call's identity across tries: its items and a digest of the numbers it goes to. */
export function callKey(items: number[], recipients: string): string {
	return `${items.join(',')}|${createHash('sha256').update(recipients).digest('base64')}`;
}
