/**
 * `npm run simulator`: the provider simulator as a program, for the demo, the benchmarks
 * and trying the nodes by hand. Prints its URL and the test credentials, runs until stopped.
 */
import { startSimulator } from './server';
import { IHUYI_TEST_ACCOUNTS } from './ihuyi';
import { JIAZHIYUAN_TEST_ACCOUNT } from './jiazhiyuan';
import { mountControlRoutes } from './control';

async function main(): Promise<void> {
	const port = Number(process.env.SIMULATOR_PORT ?? 0) || 0;
	const simulator = await startSimulator({ port, latencyMs: Number(process.env.SIMULATOR_LATENCY_MS ?? 0) });
	mountControlRoutes(simulator);
	console.log(JSON.stringify({ url: simulator.url, ihuyi: IHUYI_TEST_ACCOUNTS, jiazhiyuan: JIAZHIYUAN_TEST_ACCOUNT }));
	const stop = () => {
		void simulator.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
