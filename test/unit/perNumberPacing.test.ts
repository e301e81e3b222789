/**
 * The per-number pacer alone, on jest's fake clock: sends are promises that end when the
 * test says, so each start and end is an exact instant and nothing waits real time.
 */
import { PER_NUMBER_INTERVAL_MS, PerNumberPacer } from '../../nodes/common/perNumberPacing';

const INTERVAL = PER_NUMBER_INTERVAL_MS;

beforeEach(() => jest.useFakeTimers({ now: 0 }));
afterEach(() => jest.useRealTimers());

/** A send that records when it started and ends `takesMs` later (at once by default; rejecting, if told to). */
function sends() {
	const started: Array<[string, number]> = [];
	const send = (label: string, takesMs = 0, fails = false) => async () => {
		started.push([label, Date.now()]);
		if (takesMs > 0) await new Promise((resolve) => setTimeout(resolve, takesMs));
		if (fails) throw new Error(`${label} failed`);
		return label;
	};
	return { started, send };
}

test('repeats of one number start the interval after the previous send ended, not after it started', async () => {
	const pacer = new PerNumberPacer(INTERVAL);
	const { started, send } = sends();
	const results = Promise.all([pacer.run('A', send('a1', 300)), pacer.run('A', send('a2', 50)), pacer.run('A', send('a3'))]);
	await jest.advanceTimersByTimeAsync(10_000);
	expect(await results).toEqual(['a1', 'a2', 'a3']);
	// a1 ends at 300, so a2 starts at 1,300; a2 ends at 1,350, so a3 starts at 2,350.
	expect(started).toEqual([
		['a1', 0],
		['a2', 300 + INTERVAL],
		['a3', 350 + 2 * INTERVAL],
	]);
});

test('other numbers are not held up while one number waits', async () => {
	const pacer = new PerNumberPacer(INTERVAL);
	const { started, send } = sends();
	void pacer.run('A', send('a1', 100));
	void pacer.run('A', send('a2'));
	void pacer.run('B', send('b1', 100));
	void pacer.run('C', send('c1'));
	await jest.advanceTimersByTimeAsync(0);
	expect(started).toEqual([
		['a1', 0],
		['b1', 0],
		['c1', 0],
	]);
	await jest.advanceTimersByTimeAsync(100 + INTERVAL - 1);
	expect(started.map(([label]) => label)).not.toContain('a2');
	await jest.advanceTimersByTimeAsync(1);
	expect(started.at(-1)).toEqual(['a2', 100 + INTERVAL]);
});

test('a send that joins after the previous one ended still waits out the rest of the interval', async () => {
	const pacer = new PerNumberPacer(INTERVAL);
	const { started, send } = sends();
	await pacer.run('A', send('a1'));
	await jest.advanceTimersByTimeAsync(400);
	const late = pacer.run('A', send('a2'));
	await jest.advanceTimersByTimeAsync(INTERVAL);
	await late;
	expect(started).toEqual([
		['a1', 0],
		['a2', INTERVAL],
	]);
});

test('a send that failed counts as a send: the next one waits from its end, and the failure reaches its caller', async () => {
	const pacer = new PerNumberPacer(INTERVAL);
	const { started, send } = sends();
	const failed = pacer.run('A', send('a1', 200, true));
	const failure = expect(failed).rejects.toThrow('a1 failed');
	const next = pacer.run('A', send('a2'));
	await jest.advanceTimersByTimeAsync(200 + INTERVAL);
	await failure;
	expect(await next).toBe('a2');
	expect(started).toEqual([
		['a1', 0],
		['a2', 200 + INTERVAL],
	]);
});

test('after stop(), repeats queued behind a waiting send no longer wait their own interval', async () => {
	const pacer = new PerNumberPacer(INTERVAL);
	const { started, send } = sends();
	const all = Promise.all([pacer.run('A', send('a1')), pacer.run('A', send('a2')), pacer.run('A', send('a3'))]);
	await jest.advanceTimersByTimeAsync(100);
	pacer.stop();
	// a2 was already resting until 1,000; a3, behind it, goes as soon as a2 is done.
	await jest.advanceTimersByTimeAsync(INTERVAL);
	expect(started).toEqual([
		['a1', 0],
		['a2', INTERVAL],
		['a3', INTERVAL],
	]);
	await all;
});

test('without stop(), the same three sends are a second apart', async () => {
	const pacer = new PerNumberPacer(INTERVAL);
	const { started, send } = sends();
	const all = Promise.all([pacer.run('A', send('a1')), pacer.run('A', send('a2')), pacer.run('A', send('a3'))]);
	await jest.advanceTimersByTimeAsync(2 * INTERVAL);
	await all;
	expect(started.map(([, at]) => at)).toEqual([0, INTERVAL, 2 * INTERVAL]);
});
