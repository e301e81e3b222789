import { sleep } from 'n8n-workflow';

/**
 * ihuyi refuses a second message to the same number within one second (code 4080): the
 * runner keeps sends to one number this far apart.
 */
export const PER_NUMBER_INTERVAL_MS = 1000;

/**
 * Runs the sends of each key (a phone number) one after the other, starting each one no
 * sooner than `intervalMs` after the previous send to that key ended; sends to other keys
 * are not held up.
 *
 * The gap is measured from the end of the previous request (its answer, or its error), not
 * from its start: ihuyi stamps a message when its server accepts it, which can be anywhere
 * between our request leaving and its answer arriving. Only a gap counted from the answer
 * keeps ihuyi's two stamps a second apart whatever the network delay. A request that failed
 * or timed out may still have been accepted, so it counts as a send too.
 */
export class PerNumberPacer {
	/** Per key, when its latest send ends (resolves with the time it ended). */
	private readonly tails = new Map<string, Promise<number>>();

	private stopped = false;

	constructor(private readonly intervalMs: number) {}

	run<T>(key: string, send: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(key);
		const result = previous ? previous.then(async (endedAt) => await this.restUntil(endedAt + this.intervalMs)).then(send) : send();
		// Kept for the whole run (one entry per number), so a send that joins after the
		// previous one ended still waits out the rest of its interval.
		this.tails.set(
			key,
			result.then(
				() => Date.now(),
				() => Date.now(),
			),
		);
		return result;
	}

	/** Waiting sends stop waiting (the run is failing and will not send them). */
	stop(): void {
		this.stopped = true;
	}

	private async restUntil(readyAt: number): Promise<void> {
		// A timer may fire a millisecond before the clock reaches readyAt: check the clock.
		for (let wait = readyAt - Date.now(); wait > 0 && !this.stopped; wait = readyAt - Date.now()) {
			await sleep(wait);
		}
	}
}
