/**
 * `npm run demo`: the package in a real n8n, end to end, on this machine only.
 * Builds and packs the package, installs n8n (once, into a cache folder), starts the
 * provider simulator and n8n with the package, credentials and example workflows, runs the
 * "verification code" example headlessly, lets the simulator push the delivery receipt
 * through the Ihuyi Trigger, prints what came back, and stops everything.
 * `npm start` does the same and keeps n8n running for you to open the examples.
 */
import { startSimulatorProcess } from '../test/simulator/process';
import type { SimulatorProcess } from '../test/simulator/process';
import { freePort, installN8n } from '../test/e2e/lib/install';
import { N8nInstance } from '../test/e2e/lib/n8n';
import { installPackage } from '../test/e2e/lib/packageInstall';
import { createReceiptsTable, credentials, example } from '../test/e2e/lib/workflows';

const VERSION = process.env.DEMO_N8N_VERSION ?? '2.41.1';
const KEEP = process.argv.includes('--keep');
const RECEIPT_WEBHOOK_ID = '5f1c2a9e-7b3d-4c8e-9a61-2d4f0e8b7c31';

const say = (text: string) => console.log(`\n▶ ${text}`);

async function main(): Promise<void> {
	let sim: SimulatorProcess | undefined;
	let n8n: N8nInstance | undefined;
	const stop = async () => {
		await n8n?.dispose();
		await sim?.stop();
	};
	process.on('SIGINT', () => void stop().then(() => process.exit(130)));
	process.on('SIGTERM', () => void stop().then(() => process.exit(143)));
	try {
		say(`Installing n8n ${VERSION} on Node 24 (first run only: a few minutes)…`);
		installN8n([VERSION]);

		say('Starting the provider simulator (ihuyi and Jiazhiyuan on 127.0.0.1)…');
		sim = await startSimulatorProcess({ port: Number(process.env.SIMULATOR_PORT ?? 8089) });
		console.log(`  simulator: ${sim.url}`);

		n8n = new N8nInstance(VERSION, await choosePort());
		say('Building the package and installing it into n8n the way users do (npm in ~/.n8n/nodes)…');
		installPackage(n8n.nodesFolder);

		say('Importing credentials (pointing at the simulator) and the example workflows…');
		await n8n.importCredentials(credentials(sim.url));
		// The receipts example remembers pushed records in a Data Table, made in n8n first.
		const receiptsTable = await createReceiptsTable(n8n);
		for (const file of ['verification-code-sms-voice-fallback.json', 'delivery-receipts-to-log.json', 'daily-balance-check.json', 'jiazhiyuan-bulk-campaign.json']) {
			await n8n.importWorkflow(example(file, sim.url, receiptsTable));
		}
		await n8n.activate('exReceiptsLog001');

		say('Running "Verification code by SMS, voice code as fallback" headlessly (n8n execute)…');
		const run = await n8n.execute('exVerifyCode0001');
		const sent = run.items('Send code by SMS')[0];
		const result = run.items('Code sent')[0];
		console.log(`  to:         ${String(sent.mobile)}`);
		console.log(`  code:       ${String(result.code)}`);
		console.log(`  message id: ${String(sent.messageId)}`);
		console.log(`  segments:   ${String(sent.segments)} (billed parts, signature included)`);
		console.log(`  ihuyi said: ${String(sent.code)} ${String(sent.message)}`);

		say('Starting n8n as a server with the "Delivery receipts to a log" workflow active…');
		await n8n.start();
		const webhook = `${n8n.baseUrl}/webhook/${RECEIPT_WEBHOOK_ID}/ihuyi`;
		console.log(`  receipt push URL: ${webhook}`);
		await n8n.waitForWebhook(webhook);

		say('The simulator pushes the delivery receipt for that message, as ihuyi would…');
		const push = (await sim.control('ihuyi/push', {
			url: webhook,
			intervalMs: 1000,
			fields: { code: '2', msg: '发送成功', mobilephone: String(sent.mobile), smsid: String(sent.messageId), report_time: beijingNow() },
		})) as { attempts: Array<{ status: number; body: string }> };
		const answers = push.attempts.map((attempt) => `HTTP ${attempt.status} "${attempt.body}"`).join(', then ');
		console.log(`  n8n answered: ${answers} (ihuyi stops pushing on "success")`);
		let logged: Array<{ line: string; receipt: Record<string, unknown> }> = [];
		for (let waited = 0; waited < 30_000 && logged.length === 0; waited += 500) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			logged = (await sim.control('sink')) as typeof logged;
		}
		if (logged.length === 0) throw new Error('the receipt did not reach the log within 30 s');
		console.log('  the Ihuyi Trigger started the workflow, which logged:');
		console.log(`    ${logged[0].line}`);
		console.log(JSON.stringify(logged[0].receipt, null, 2).replace(/^/gm, '    '));

		if (KEEP) {
			say(`n8n is running: open ${n8n.baseUrl} in a browser, create the owner account, and open the example workflows.`);
			console.log('  Credentials already point at the simulator. Press Ctrl+C to stop n8n and the simulator.');
			await new Promise(() => undefined);
		}
		say('Done. Stopping n8n and the simulator.');
	} finally {
		if (!KEEP) await stop();
	}
}

/** n8n's usual port 5678 when it is free (or N8N_PORT), any free port otherwise. */
async function choosePort(): Promise<number> {
	if (process.env.N8N_PORT) return Number(process.env.N8N_PORT);
	const { createServer } = await import('net');
	const free = await new Promise<boolean>((resolve) => {
		const probe = createServer().once('error', () => resolve(false));
		probe.listen(5678, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
	return free ? 5678 : await freePort();
}

function beijingNow(): string {
	const date = new Date(Date.now() + 8 * 3600_000).toISOString();
	return `${date.slice(0, 10)} ${date.slice(11, 19)}`;
}

main().catch(async (error: unknown) => {
	console.error(`\n✖ demo failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
