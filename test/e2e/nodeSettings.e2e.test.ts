/**
 * n8n's own node settings in a real n8n (1.123.x and 2.41.1): Retry On Fail behind a proxy
 * that answers 502 after the provider accepted the message (the simulator's fault, written
 * after it recorded the send), and On Error → "Continue (using error output)". n8n's HTTP
 * Request node with Retry On Fail runs against the same failing proxy in the same run, for
 * comparison: n8n repeats its request, and the message goes out twice.
 */
import type { SimulatorProcess } from '../simulator/process';
import { IHUYI_TEST_ACCOUNTS } from '../simulator/ihuyi';
import { selectedVersions } from './lib/install';
import type { N8nInstance } from './lib/n8n';
import { disposeAll, n8nWithPackage } from './lib/setup';
import { CREDENTIAL_IDS, example } from './lib/workflows';

const PACKAGE = 'n8n-nodes-ihuyi-jiazhiyuan';
const PHONES = ['13800138001', '13800138002', '13800138003', '13800138004', '13800138005', '13800138006'];
const LISTS = ['13500000001,13500000002', '13500000003,13500000004', '13500000005,13500000006'];
const retry = { retryOnFail: true, maxTries: 3, waitBetweenTries: 10 };

/** Start → one item per value (Set's raw JSON, then Split Out) → the node under test. */
function itemsInto(id: string, values: string[], node: Record<string, unknown>, after?: Record<string, unknown>) {
	const nodes: Array<Record<string, unknown>> = [
		{ id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'v', name: 'Values', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ values }), options: {} } },
		{ id: 'i', name: 'Items', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [400, 0], parameters: { fieldToSplitOut: 'values', options: {} } },
		{ id: 'n', name: 'Under test', position: [600, 0], ...node },
	];
	const connections: Record<string, unknown> = {
		Start: { main: [[{ node: 'Values', type: 'main', index: 0 }]] },
		Values: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
		Items: { main: [[{ node: 'Under test', type: 'main', index: 0 }]] },
	};
	if (after) {
		nodes.push({ id: 'a', name: 'On error output', position: [800, 100], ...after });
		connections['Under test'] = { main: [[], [{ node: 'On error output', type: 'main', index: 0 }]] };
	}
	return { id, name: `e2e: ${id}`, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {}, active: false };
}

const ihuyiSms = (extra: Record<string, unknown>) => ({
	type: `${PACKAGE}.ihuyi`,
	typeVersion: 1,
	parameters: { resource: 'sms', operation: 'send', mobile: '={{ $json.values }}', sendMode: 'fullText', content: '您的验证码是：1234。请不要把验证码泄露给其他人。', options: {} },
	credentials: { ihuyiSmsApi: { id: CREDENTIAL_IDS.ihuyiSmsApi, name: 'ihuyi SMS account' } },
	...extra,
});

const workflows = (simUrl: string) => [
	itemsInto('e2eRetryIhuyi001', PHONES, ihuyiSms(retry)),
	itemsInto('e2eRetryJzy00001', LISTS, {
		type: `${PACKAGE}.jiazhiyuan`,
		typeVersion: 1,
		parameters: { resource: 'sms', operation: 'send', mobiles: '={{ $json.values }}', content: '【嘉之元】短信测试', smsType: 'default', options: { combineItems: false } },
		credentials: { jiazhiyuanApi: { id: CREDENTIAL_IDS.jiazhiyuanApi, name: 'Jiazhiyuan account' } },
		...retry,
	}),
	// n8n's own node on the same failing proxy: a form POST of ihuyi's Submit with the plain key.
	itemsInto('e2eRetryHttp0001', PHONES.slice(0, 1), {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${simUrl}/webservice/sms.php?method=Submit`,
			sendBody: true,
			contentType: 'form-urlencoded',
			bodyParameters: {
				parameters: [
					{ name: 'account', value: IHUYI_TEST_ACCOUNTS.sms.apiId },
					{ name: 'password', value: IHUYI_TEST_ACCOUNTS.sms.apiKey },
					{ name: 'mobile', value: '={{ $json.values }}' },
					{ name: 'content', value: '您的验证码是：1234。请不要把验证码泄露给其他人。' },
					{ name: 'format', value: 'json' },
				],
			},
			options: {},
		},
		...retry,
	}),
	itemsInto(
		'e2eErrorOutput01',
		['12345', ...PHONES.slice(0, 3)],
		ihuyiSms({ onError: 'continueErrorOutput' }),
		{ type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
	),
];

type Sent = Array<{ mobile?: string; mobiles?: string[] }>;

function deliveries(sent: Sent): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const mobile of sent.flatMap((entry) => entry.mobiles ?? [entry.mobile!])) counts[mobile] = (counts[mobile] ?? 0) + 1;
	return counts;
}

describe.each(selectedVersions())('n8n %s: node settings', (version) => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;

	beforeAll(async () => {
		({ sim, n8n } = await n8nWithPackage(version));
		await n8n.importWorkflows([...workflows(sim.url), example('verification-code-sms-voice-fallback.json', sim.url)]);
	}, 30 * 60_000);

	afterAll(async () => {
		await disposeAll({ n8n, sim });
	}, 60_000);

	test('Retry On Fail, ihuyi: a 502 after the provider accepted item 2, and no number gets two messages', async () => {
		await sim.control('reset', {});
		await sim.control('fault', { kind: 'http502', route: 'ihuyi:sms:Submit', skip: 2 });
		const run = await n8n.execute('e2eRetryIhuyi001');
		const sent = (await sim.control('ihuyi/sent')) as Sent;
		console.log(`n8n ${version} Retry On Fail, ihuyi, 6 items, max tries 3: messages per number ${JSON.stringify(deliveries(sent))}`);
		expect(deliveries(sent)).toEqual({ [PHONES[0]]: 1, [PHONES[1]]: 1, [PHONES[2]]: 1 });
		expect(run.error('Under test')).toMatch(/may already have been sent/);
	}, 300_000);

	test('Retry On Fail, Jiazhiyuan (Combine Items off): a 502 on call 2, and no number gets two messages', async () => {
		await sim.control('reset', {});
		await sim.control('fault', { kind: 'http502', route: 'jiazhiyuan:sendSMS', skip: 1 });
		const run = await n8n.execute('e2eRetryJzy00001');
		const sent = (await sim.control('jiazhiyuan/sent')) as Sent;
		console.log(`n8n ${version} Retry On Fail, Jiazhiyuan, 3 items of 2 numbers: messages per number ${JSON.stringify(deliveries(sent))}`);
		expect(deliveries(sent)).toEqual({ '13500000001': 1, '13500000002': 1, '13500000003': 1, '13500000004': 1 });
		expect(run.error('Under test')).toMatch(/may already have been sent/);
	}, 300_000);

	test("n8n's HTTP Request node with Retry On Fail on the same proxy sends the message again", async () => {
		await sim.control('reset', {});
		// Its retry comes 10 ms later: without this, ihuyi's one-message-a-second rule (4080) would refuse it.
		await sim.control('ihuyi/config', { enforceRateLimit: false });
		await sim.control('fault', { kind: 'http502', route: 'ihuyi:sms:Submit' });
		await n8n.execute('e2eRetryHttp0001');
		const sent = (await sim.control('ihuyi/sent')) as Sent;
		console.log(`n8n ${version} HTTP Request node, Retry On Fail: messages to ${PHONES[0]}: ${deliveries(sent)[PHONES[0]]}`);
		expect(deliveries(sent)[PHONES[0]]).toBe(2);
	}, 300_000);

	test('Continue (using error output): the bad number and the failed send come out on the error output', async () => {
		await sim.control('reset', {});
		await sim.control('fault', { kind: 'refusal', route: 'ihuyi:sms:Submit', skip: 1 });
		const run = await n8n.execute('e2eErrorOutput01');
		expect(run.items('Under test').map((item) => item.mobile)).toEqual([PHONES[0], PHONES[2]]);
		const failed = run.items('On error output');
		expect(failed.map((item) => item.values)).toEqual(['12345', PHONES[1]]);
		expect(failed[0].error).toMatchObject({ message: expect.stringMatching(/^Item 0: Mobile/) });
		expect(failed[1].error).toMatchObject({ code: '4080' });
	}, 300_000);

	test('example: the SMS → voice fallback runs from the error output', async () => {
		await sim.control('reset', {});
		await sim.control('fault', { kind: 'refusal', route: 'ihuyi:sms:Submit' });
		const run = await n8n.execute('exVerifyCode0001');
		const voice = run.items('Call with a voice code')[0];
		expect(voice).toMatchObject({ product: 'voiceCode', success: true, mobile: '13800138000' });
		expect(() => run.items('Code sent')).toThrow(/did not run/);
	}, 300_000);
});
