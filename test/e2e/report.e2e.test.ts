/**
 * The daily delivery report example (examples/daily-delivery-report.json) in a real n8n, on
 * every version under test (both have Data Tables): ihuyi receipts pushed to its Ihuyi Trigger
 * and Jiazhiyuan reports fetched by its Jiazhiyuan Trigger land in a Data Table; the report
 * branch, run by its Schedule Trigger, summarises the day before per provider and product and
 * hands the summary to its last node; the figures must be those of the receipts fed in. Receipts of other days and a repeated push
 * must not count.
 */
import type { SimulatorProcess } from '../simulator/process';
import { readExecutions } from './lib/executions';
import { selectedVersions } from './lib/install';
import type { N8nInstance } from './lib/n8n';
import { idPattern, messageId, PUSH_HEADERS, SUCCESS, waitFor } from './lib/pushes';
import { disposeAll, n8nWithPackage } from './lib/setup';
import { createReceiptsTable, DELIVERY_TABLE, example, POLL_EVERY_10_SECONDS } from './lib/workflows';

const WORKFLOW_ID = 'exDeliveryReport1';
const WEBHOOK_ID = 'a3d5c7e9-1b2f-4d6a-8c0e-9f7b5d3a1c24';

/** A Beijing date `daysAgo` days before today, as the providers write it (YYYY-MM-DD). */
const beijingDay = (daysAgo: number) => new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** ihuyi receipts: 7 delivered, 2 blacklisted (4030, in the error catalogue), 1 carrier code ihuyi passes through. */
function ihuyiReceipts(): Array<Record<string, string>> {
	const yesterday = `${beijingDay(1)} 12:00:00`;
	const receipt = (index: number, code: string, msg: string, time = yesterday) => ({ code, msg, mobilephone: `1380000${String(index).padStart(4, '0')}`, smsid: messageId('77', index), report_time: time });
	return [
		...Array.from({ length: 7 }, (_, index) => receipt(index, '2', 'DELIVRD')),
		receipt(7, '4030', '用户拒收'),
		receipt(8, '4030', '用户拒收'),
		receipt(9, 'MK:0001', 'UNDELIV'),
		// Today: not in yesterday's report.
		receipt(10, '2', 'DELIVRD', `${beijingDay(0)} 00:00:01`),
		// ihuyi pushes a record again when it missed our answer: it must count once.
		receipt(8, '4030', '用户拒收'),
	];
}

/** Jiazhiyuan reports: 3 delivered (1), 1 failed (0), 1 unknown (2); one of the day before yesterday. */
function jiazhiyuanReports() {
	const report = (index: number, status: string, day = beijingDay(1)) => ({ mobile: `1390000${String(index).padStart(4, '0')}`, smslogid: '88001', status, sendtime: `${day} 09:30:00.0` });
	return [report(0, '1'), report(1, '1'), report(2, '1'), report(3, '0'), report(4, '2'), report(5, '0', beijingDay(2))];
}

interface Summary {
	day: string;
	products: unknown[];
	text: string;
}

describe.each(selectedVersions())('n8n %s: the daily delivery report example', (version) => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	let table: string;

	beforeAll(async () => {
		({ sim, n8n } = await n8nWithPackage(version));
		table = await createReceiptsTable(n8n, DELIVERY_TABLE);
		const workflow = example('daily-delivery-report.json', sim.url, table) as { nodes: Array<{ name: string; parameters: Record<string, unknown> }> };
		// So that the test does not wait for the clock: the trigger polls every 10 s and the report runs every 10 s
		// instead of at 8 in the morning. Everything else is the example as users import it.
		const node = (name: string) => workflow.nodes.find((candidate) => candidate.name === name)!;
		node('Jiazhiyuan reports').parameters.pollTimes = POLL_EVERY_10_SECONDS;
		node('Every morning at 8').parameters.rule = { interval: [{ field: 'cronExpression', expression: '*/10 * * * * *' }] };
		await n8n.importWorkflow(workflow);
		await n8n.activate(WORKFLOW_ID);
	}, 30 * 60_000);

	afterAll(async () => {
		await disposeAll({ n8n, sim });
	}, 60_000);

	test('receipts of both providers go to the Data Table; the scheduled report summarises yesterday per provider and product', async () => {
		await sim.control('reset', {});
		await sim.control('jiazhiyuan/reports', jiazhiyuanReports());
		// What the final node sent (the simulator's log stands in for mail or chat).
		const reports = async () => ((await sim.control('sink')) as Array<{ report?: Summary }>).flatMap((entry) => (entry.report ? [entry.report] : []));
		let summary: Summary = { day: '', products: [], text: '' };
		await n8n.start();
		try {
			const url = `${n8n.baseUrl}/webhook/${WEBHOOK_ID}/ihuyi`;
			await n8n.waitForWebhook(url);
			const push = async (fields: Record<string, string>) => {
				const response = await fetch(url, { method: 'POST', headers: PUSH_HEADERS, body: new URLSearchParams(fields).toString(), signal: AbortSignal.timeout(30_000) });
				expect(SUCCESS(response.status, await response.text())).toBe(true);
			};
			const receipts = ihuyiReceipts();
			// Push executions only: the scheduled report's executions read the table, ids included.
			const finishedPushes = async () =>
				(await readExecutions(n8n, WORKFLOW_ID, idPattern('77'))).filter((execution) => execution.mode === 'webhook' && execution.status === 'success').length;
			for (const fields of receipts.slice(0, -1)) await push(fields);
			// ihuyi repeats a push a minute or more later, once the first one's run is long done
			// (the example's Data Table check holds from then on; see the README): so does the test.
			await waitFor('the first 11 pushes recorded', async () => (await finishedPushes()) === receipts.length - 1);
			await push(receipts[receipts.length - 1]);
			// 11 distinct ihuyi receipts (the repeat overwrites its row) and 6 Jiazhiyuan reports.
			// What was seen last, for the message when the wait runs out.
			let seen = '';
			await waitFor('17 rows in the table and the 12 pushes recorded', async () => {
				const all = await readExecutions(n8n, WORKFLOW_ID, idPattern('77'));
				const pushed = all.filter((execution) => execution.mode === 'webhook');
				const rows = (await n8n.editor.dataTableRows(table)).length;
				const count = (list: typeof all) => {
					const byStatus = new Map<string, number>();
					for (const execution of list) byStatus.set(execution.status, (byStatus.get(execution.status) ?? 0) + 1);
					return [...byStatus].map(([status, n]) => `${n} ${status}`).join(', ');
				};
				seen = `${rows} rows; push executions: ${count(pushed)}; all executions: ${count(all)}`;
				return pushed.filter((execution) => execution.status === 'success').length === 12 && rows === 17;
			}).catch((error: Error) => {
				throw new Error(`${error.message} (last seen: ${seen})`);
			});
			// The next scheduled report reads the complete table.
			const reportsBefore = (await reports()).length;
			await waitFor('a scheduled report after the last receipt', async () => (await reports()).length > reportsBefore, 60_000);
			summary = (await reports())[reportsBefore];
		} finally {
			await n8n.stop();
		}

		console.log(`n8n ${version}: daily delivery report\n${summary.text}`);
		expect(summary.day).toBe(beijingDay(1));
		expect(summary.products).toEqual(
			expect.arrayContaining([
				{
					provider: 'ihuyi', product: 'sms', sent: 10, delivered: 7, failed: 3, unknown: 0, deliveryRate: 0.7,
					topFailures: [
						{ code: '4030', count: 2, explanation: 'The mobile number is on a blacklist' },
						{ code: 'MK:0001', count: 1, explanation: 'UNDELIV' },
					],
				},
				{ provider: 'jiazhiyuan', product: 'sms', sent: 5, delivered: 3, failed: 1, unknown: 1, deliveryRate: 0.6, topFailures: [{ code: '0', count: 1, explanation: 'Not delivered' }] },
			]),
		);
		expect(summary.products).toHaveLength(2);
		expect(summary.text.split('\n')).toEqual(
			expect.arrayContaining(['ihuyi sms: 10 sent, 7 delivered, 3 failed, 0 unknown, 70.0% delivered', '  4030 x2: The mobile number is on a blacklist', 'jiazhiyuan sms: 5 sent, 3 delivered, 1 failed, 1 unknown, 60.0% delivered']),
		);
	}, 10 * 60_000);
});
