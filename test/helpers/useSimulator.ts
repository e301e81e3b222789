/**
 * The simulator every node test file talks to over HTTP: started once per file, reset before
 * each test, closed after the file. `onStart` receives it (files keep it in a `sim` variable).
 */
import { startSimulator } from '../simulator/server';
import type { Simulator } from '../simulator/server';

export function useSimulator(onStart: (sim: Simulator) => void): void {
	let sim: Simulator | undefined;
	beforeAll(async () => {
		sim = await startSimulator();
		onStart(sim);
	});
	afterAll(async () => {
		await sim?.close();
	});
	beforeEach(() => sim?.reset());
}
