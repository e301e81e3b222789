/**
 * What every real-n8n suite starts with: n8n installed (once, cached), the simulator in its
 * own process, and a throwaway n8n with the package installed as users install it and
 * credentials pointing at the simulator. Ended with `disposeAll`.
 */
import { startSimulatorProcess } from '../../simulator/process';
import type { SimulatorProcess } from '../../simulator/process';
import { freePort, installN8n } from './install';
import { N8nInstance } from './n8n';
import { installPackage } from './packageInstall';
import { ensureServicesInstalled, postgresEnv, startPostgres } from '../../queue/lib/services';
import type { Postgres } from '../../queue/lib/services';
import { credentials } from './workflows';

export interface Setup {
	sim: SimulatorProcess;
	n8n: N8nInstance;
	/** Its database when it runs on PostgreSQL instead of n8n's default SQLite. */
	postgres?: Postgres;
}

export async function n8nWithPackage(version: string, env: NodeJS.ProcessEnv = {}, options: { postgres?: boolean } = {}): Promise<Setup> {
	installN8n([version]);
	let postgres: Postgres | undefined;
	if (options.postgres) {
		ensureServicesInstalled();
		postgres = await startPostgres();
	}
	const sim = await startSimulatorProcess();
	const n8n = new N8nInstance(version, await freePort());
	n8n.extraEnv = { ...(postgres ? postgresEnv(postgres) : {}), ...env };
	installPackage(n8n.nodesFolder);
	await n8n.importCredentials(credentials(sim.url));
	return { sim, n8n, postgres };
}

export async function disposeAll(setup: Partial<Setup>): Promise<void> {
	await setup.n8n?.dispose();
	await setup.sim?.stop();
	await setup.postgres?.stop();
}
