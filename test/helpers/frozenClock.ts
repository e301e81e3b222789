/**
 * Sets what Date says for one test with jest's fake timers, faking Date alone: timers,
 * the event loop and sockets stay real, so n8n's engine and the simulator run as usual.
 * The in-process simulator reads the same clock, so ihuyi's signed `time` is fresh.
 */
import type { Config } from '@jest/types';

const REAL: Config.FakeableAPI[] = [
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'requestAnimationFrame',
	'cancelAnimationFrame',
	'requestIdleCallback',
	'cancelIdleCallback',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
];

/** Call in a describe block; the returned function stops the clock at an ISO instant. */
export function useFrozenClock(): (iso: string) => void {
	afterEach(() => jest.useRealTimers());
	return (iso) => {
		jest.useFakeTimers({ now: new Date(iso), doNotFake: REAL });
	};
}
