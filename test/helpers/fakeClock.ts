/**
 * Runs code that waits (n8n's `sleep`: the read retries' delays, the per-number pacing of
 * ihuyi sends, Retry On Fail) on jest's fake clock, so that no test waits real seconds for
 * it. Date, setTimeout and setInterval are fake for the run; the event loop (setImmediate,
 * nextTick, microtasks), sockets and the simulator's own delays stay real.
 *
 * The clock moves only when the run has nothing else to do: no HTTP request is open (n8n's
 * requests are seen through Node's `http.client.request.start` diagnostics channel) and a
 * timer is due. It then jumps to that timer. A request therefore takes no time on the clock,
 * and each wait takes exactly its delay on it: the clock the simulator stamps requests with
 * and the code under test reads. A timer that guards an open request (n8n's timeout) never
 * fires early, because the clock stands still while a request is open.
 */
import { subscribe, unsubscribe } from 'diagnostics_channel';
import type { ClientRequest } from 'http';
import { setImmediate as turn } from 'timers/promises';

const REQUEST_START = 'http.client.request.start';

export interface FakeClockRun<T> {
	result: T;
	/** Each jump of the clock, in ms, in order: the waits the run asked for. */
	waits: number[];
}

export async function onFakeClock<T>(run: () => Promise<T>): Promise<FakeClockRun<T>> {
	const open = new Set<ClientRequest>();
	let closed: () => void = () => undefined;
	const onStart = (message: unknown) => {
		const { request } = message as { request: ClientRequest };
		open.add(request);
		request.once('close', () => {
			open.delete(request);
			if (open.size === 0) closed();
		});
	};
	subscribe(REQUEST_START, onStart);
	jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'] });
	const waits: number[] = [];
	let settled = false;
	try {
		const running = run().finally(() => (settled = true));
		// Keeps an early rejection from being reported as unhandled while the clock runs.
		running.catch(() => undefined);
		while (!settled) {
			if (open.size > 0) {
				await new Promise<void>((resolve) => (closed = resolve));
				continue;
			}
			// Let what the last event started (promise chains, stream ends) run to its next wait.
			await turn();
			if (settled || open.size > 0 || jest.getTimerCount() === 0) continue;
			const before = jest.now();
			jest.advanceTimersToNextTimer();
			if (jest.now() > before) waits.push(jest.now() - before);
		}
		return { result: await running, waits };
	} finally {
		jest.useRealTimers();
		unsubscribe(REQUEST_START, onStart);
	}
}
