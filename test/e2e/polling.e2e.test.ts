/**
 * The Jiazhiyuan Trigger polling in a real n8n (single process): every report the platform
 * hands out is emitted once, across polls and across a restart of n8n, and a report handed
 * out again is not emitted twice (the keys kept in static data survive the restart). On
 * n8n 2.x the same runs again with durable poll cursors, which store the node's static
 * data and the execution in one transaction (N8N_POLLER_DURABLE_CURSORS_ENABLED and the
 * scheduler settings it needs).
 */
import type { SimulatorProcess } from '../simulator/process';
import { readExecutions } from './lib/executions';
import { selectedVersions } from './lib/install';
import type { N8nInstance } from './lib/n8n';
import { disposeAll, n8nWithPackage } from './lib/setup';
import { pollingWorkflow } from './lib/workflows';

const DURABLE_CURSORS = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
};

const cases = selectedVersions().flatMap((version) => [
	{ version, label: 'n8n default poller', env: {} },
	...(Number(version.split('.')[0]) >= 2 ? [{ version, label: 'durable poll cursors', env: DURABLE_CURSORS }] : []),
]);

function reports(from: number, count: number) {
	return Array.from({ length: count }, (_, index) => ({ mobile: `139${String(from + index).padStart(8, '0')}`, smslogid: '77001', status: '1', sendtime: '2024-05-01 10:00:00.0' }));
}

describe.each(cases)('n8n $version, $label: the Jiazhiyuan Trigger emits each record once', ({ version, env }) => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;

	beforeAll(async () => {
		({ sim, n8n } = await n8nWithPackage(version, env));
		await n8n.importWorkflow(pollingWorkflow(sim.url));
		await n8n.activate(pollingWorkflow(sim.url).id);
	}, 30 * 60_000);

	afterAll(async () => {
		await disposeAll({ n8n, sim });
	}, 60_000);

	const logged = async () => ((await sim.control('sink')) as Array<{ record: { mobile: string } }>).map((entry) => entry.record.mobile);
	async function until(count: number, timeoutMs = 120_000): Promise<string[]> {
		const deadline = Date.now() + timeoutMs;
		let mobiles = await logged();
		while (mobiles.length < count && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			mobiles = await logged();
		}
		return mobiles;
	}

	test('300 reports over several polls, a restart, 50 handed out again and 50 new: 350 records, each once', async () => {
		await sim.control('jiazhiyuan/config', { recordsPerQuery: 120 });
		await sim.control('jiazhiyuan/reports', reports(0, 300));
		await n8n.start();
		expect(await until(300)).toHaveLength(300);
		await n8n.stop();
		// The platform hands 50 records out again (a lost answer on its side) along with 50 new ones.
		await sim.control('jiazhiyuan/reports', [...reports(0, 50), ...reports(300, 50)]);
		await n8n.start();
		const mobiles = await until(350);
		// One more poll after the last record: nothing arrives late or twice.
		await new Promise((resolve) => setTimeout(resolve, 12_000));
		const final = await logged();
		await n8n.stop();
		const executions = await readExecutions(n8n, pollingWorkflow(sim.url).id, '139\\d{8}');
		const counts = new Map<string, number>();
		for (const mobile of final) counts.set(mobile, (counts.get(mobile) ?? 0) + 1);
		const twice = [...counts.values()].filter((count) => count > 1).length;
		console.log(`n8n ${version} (${Object.keys(env).length ? 'durable poll cursors' : 'default poller'}): ${final.length} records logged from ${executions.length} poll executions; emitted twice: ${twice}; missing: ${350 - counts.size}`);
		expect(mobiles.length).toBeGreaterThanOrEqual(350);
		expect(final).toHaveLength(350);
		expect(twice).toBe(0);
		expect(new Set(final)).toEqual(new Set([...reports(0, 350)].map((report) => report.mobile)));
		expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
	}, 10 * 60_000);
});
