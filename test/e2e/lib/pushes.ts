/**
 * Receipt pushes as ihuyi sends them (form-encoded POSTs), in bursts against a real n8n, and
 * the bounded waits the real-n8n suites share.
 */

/**
 * Headers of every push. Node's fetch says "User-Agent: node", which n8n's Webhook node (Ignore
 * Bots on, so that the readiness probe is refused) takes for a bot: send a browser's instead.
 */
export const PUSH_HEADERS = { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36' };

/** 20-digit ids, as ihuyi's smsid, with a prefix per run so runs never mix. */
export const messageId = (prefix: string, index: number): string => `${prefix}${String(index).padStart(18, '0')}`;

/** The pattern of a run's ids in stored execution data. */
export const idPattern = (prefix: string): string => `${prefix}\\d{18}`;

export function receiptBody(id: string, index: number): string {
	return new URLSearchParams({ code: '2', msg: 'DELIVRD', mobilephone: `138${String(index % 1e8).padStart(8, '0')}`, smsid: id, report_time: '2024-05-01 12:00:00' }).toString();
}

/** How a receiver says it took the push: the trigger with ihuyi's "success", n8n's Webhook node with its own 200. */
export type Acknowledged = (status: number, body: string) => boolean;
export const SUCCESS: Acknowledged = (status, body) => status === 200 && body === 'success';
export const HTTP_200: Acknowledged = (status) => status === 200;

export interface BurstPlan {
	ids: string[];
	/** Where push number `index` goes (several webhook processes: spread the pushes). */
	urlFor: (index: number) => string;
	concurrency: number;
	acknowledged: Acknowledged;
	/** After this many answers, `crash` runs (once). */
	crashAfter?: number;
	crash?: () => Promise<void>;
	/** Whether the other pushes go on after the crash (another process still takes them). */
	continueAfterCrash?: boolean;
}

export interface BurstResult {
	/** Ids whose push was acknowledged. */
	answered: Set<string>;
	/** Pushes sent before the crash that got no acknowledgement: in flight when the receiver died. */
	inFlightAtCrash: number;
	/** Pushes sent after the crash that got no acknowledgement (the dead receiver refused the connection). */
	refusedAfterCrash: number;
	/** Pushes answered with anything but the acknowledgement while no crash had happened. */
	notAnswered: number;
}

/** Pushes each id once, `concurrency` at a time, and crashes the receiver once `crashAfter` are answered. */
export async function pushBurst(plan: BurstPlan): Promise<BurstResult> {
	const answered = new Set<string>();
	let next = 0;
	let crashed: Promise<void> | undefined;
	const result = { inFlightAtCrash: 0, refusedAfterCrash: 0, notAnswered: 0 };
	const worker = async () => {
		while (next < plan.ids.length && !(crashed && !plan.continueAfterCrash)) {
			const index = next++;
			const id = plan.ids[index];
			const sentAfterCrash = crashed !== undefined;
			let ok = false;
			try {
				const response = await fetch(plan.urlFor(index), { method: 'POST', headers: PUSH_HEADERS, body: receiptBody(id, index), signal: AbortSignal.timeout(60_000) });
				ok = plan.acknowledged(response.status, await response.text());
			} catch {
				// no answer at all
			}
			if (ok) answered.add(id);
			else if (sentAfterCrash) result.refusedAfterCrash++;
			else if (crashed) result.inFlightAtCrash++;
			else result.notAnswered++;
			if (plan.crash && !crashed && answered.size >= (plan.crashAfter ?? 0)) crashed = plan.crash();
		}
	};
	await Promise.all(Array.from({ length: plan.concurrency }, worker));
	// Had the threshold never been reached, the round still ends in a crash.
	await (crashed ?? plan.crash?.());
	return { answered, ...result };
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`timed out waiting for ${what}`);
}

/**
 * Waits until `count()` reaches `target`. A loaded machine runs executions slower, so there is
 * no fixed deadline: the wait fails only when the count has not moved for `stallMs`.
 */
export async function waitForCount(what: string, count: () => Promise<number>, target: number, stallMs = 90_000): Promise<void> {
	let last = await count();
	let movedAt = Date.now();
	while (last < target) {
		if (Date.now() - movedAt > stallMs) throw new Error(`timed out waiting for ${what}: ${last} of ${target}, no progress for ${stallMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const now = await count();
		if (now !== last) movedAt = Date.now();
		last = now;
	}
}

/** How many times each id reached the simulator's log (`sink` entries carrying `receipt.messageId`). */
export function countPerId(sink: unknown[], prefix: string): Map<string, number> {
	const perId = new Map<string, number>();
	for (const entry of sink as Array<{ receipt?: { messageId?: string } }>) {
		const id = entry.receipt?.messageId;
		if (id?.startsWith(prefix)) perId.set(id, (perId.get(id) ?? 0) + 1);
	}
	return perId;
}
