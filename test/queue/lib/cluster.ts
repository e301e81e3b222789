/**
 * n8n in queue mode on one machine, as a production setup runs it: one main (editor, triggers,
 * publishing), webhook processes that take production webhooks, and workers that run the
 * executions they take from Redis, all on one PostgreSQL database and one encryption key.
 * Every process has its own user folder with the package installed the way users install it,
 * its own ports, and is ended by PID.
 */
import { freePort } from '../../e2e/lib/install';
import { N8nInstance } from '../../e2e/lib/n8n';
import type { N8nRole } from '../../e2e/lib/n8n';
import { installPackage } from '../../e2e/lib/packageInstall';
import { postgresEnv } from './services';
import type { Postgres, Redis } from './services';

export class QueueCluster {
	readonly main: N8nInstance;

	readonly webhooks: N8nInstance[] = [];

	readonly workers: N8nInstance[] = [];

	/** Settings every process gets on top of queue mode (stalled-job handling, for one). */
	private shared: NodeJS.ProcessEnv = {};

	private constructor(readonly version: string, private readonly postgres: Postgres, private readonly redis: Redis, main: N8nInstance) {
		this.main = main;
	}

	static async create(version: string, postgres: Postgres, redis: Redis, counts: { webhooks: number; workers: number }): Promise<QueueCluster> {
		const cluster = new QueueCluster(version, postgres, redis, await queueProcess(version, 'main'));
		for (let index = 0; index < counts.webhooks; index++) cluster.webhooks.push(await queueProcess(version, 'webhook'));
		for (let index = 0; index < counts.workers; index++) cluster.workers.push(await queueProcess(version, 'worker'));
		for (const process of cluster.all) process.extraEnv = cluster.queueEnv();
		return cluster;
	}

	get all(): N8nInstance[] {
		return [this.main, ...this.webhooks, ...this.workers];
	}

	private queueEnv(): NodeJS.ProcessEnv {
		return {
			...postgresEnv(this.postgres),
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			// Production webhooks go to the webhook processes; the main keeps editor and triggers.
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			...this.shared,
		};
	}

	/** Changes settings of every process; they take effect when a process (re)starts. */
	setShared(env: NodeJS.ProcessEnv): void {
		this.shared = env;
		for (const process of this.all) process.extraEnv = this.queueEnv();
	}

	/**
	 * Starts everything in the order queue mode needs: the main (it writes the published
	 * workflows' webhooks to the database when it starts), then workers, then webhook processes.
	 */
	async start(): Promise<void> {
		await this.main.start();
		await Promise.all(this.workers.map(async (worker) => await worker.start()));
		await Promise.all(this.webhooks.map(async (webhook) => await webhook.start()));
	}

	async restartMain(): Promise<void> {
		await this.main.stop();
		await this.main.start();
	}

	async stop(): Promise<void> {
		await Promise.all([...this.webhooks, ...this.workers].map(async (process) => await process.stop()));
		await this.main.stop();
	}

	async dispose(): Promise<void> {
		await Promise.all([...this.webhooks, ...this.workers].map(async (process) => await process.dispose()));
		await this.main.dispose();
	}
}

async function queueProcess(version: string, role: N8nRole): Promise<N8nInstance> {
	const instance = new N8nInstance(version, await freePort(), role);
	installPackage(instance.nodesFolder);
	return instance;
}
