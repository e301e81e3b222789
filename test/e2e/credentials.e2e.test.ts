/**
 * n8n's own credential test, as the editor's "Test" button calls it (POST /rest/credentials/test),
 * for each of the package's credential types, with the right secret and with a wrong one, on
 * every n8n version under test: what the user sees is n8n's status and message.
 */
import type { SimulatorProcess } from '../simulator/process';
import { selectedVersions } from './lib/install';
import type { N8nInstance } from './lib/n8n';
import { disposeAll, n8nWithPackage } from './lib/setup';
import { credentials } from './lib/workflows';

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, string>;
}

/**
 * Each credential type (ihuyi SMS once more with Plain API Key signing), the field that holds
 * its secret, and what the user must be told when it is wrong. With Dynamic Password signing a
 * wrong API key makes a wrong signature, which ihuyi answers with 40502; sent plain, with 405.
 */
const CASES: Array<{ label: string; type: string; settings?: Record<string, string>; field: string; told: RegExp }> = [
	{ label: 'ihuyiSmsApi', type: 'ihuyiSmsApi', field: 'apiKey', told: /ihuyi 40502 .*The dynamic password does not match/ },
	{ label: 'ihuyiSmsApi, Plain API Key', type: 'ihuyiSmsApi', settings: { signing: 'plainApiKey' }, field: 'apiKey', told: /ihuyi 405 .*Wrong API ID or API key/ },
	{ label: 'ihuyiInternationalSmsApi', type: 'ihuyiInternationalSmsApi', field: 'apiKey', told: /ihuyi 40502 .*The dynamic password does not match/ },
	{ label: 'ihuyiVoiceApi', type: 'ihuyiVoiceApi', field: 'apiKey', told: /ihuyi 40502 .*The dynamic password does not match/ },
	{ label: 'ihuyiVoiceNotificationApi', type: 'ihuyiVoiceNotificationApi', field: 'apiKey', told: /ihuyi 40502 .*The dynamic password does not match/ },
	{ label: 'jiazhiyuanApi', type: 'jiazhiyuanApi', field: 'password', told: /Jiazhiyuan refused the login.*wrong username or password/ },
];

describe.each(selectedVersions())('n8n %s: the editor\'s credential test for every credential type', (version) => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;

	beforeAll(async () => {
		({ sim, n8n } = await n8nWithPackage(version));
		await n8n.start();
	}, 30 * 60_000);

	afterAll(async () => {
		await disposeAll({ n8n, sim });
	}, 60_000);

	const runCredentialTest = async (credential: StoredCredential) => (await n8n.editor.rest('POST', '/credentials/test', { credentials: credential })) as { status: string; message: string };

	test('ihuyi on a host that answers XML whatever format asks for: the right key passes, a wrong one is refused with the reason', async () => {
		const stored = (credentials(sim.url) as StoredCredential[]).find((candidate) => candidate.type === 'ihuyiSmsApi')!;
		await sim.control('ihuyi/config', { alwaysXml: true });
		try {
			const right = await runCredentialTest(stored);
			const wrong = await runCredentialTest({ ...stored, data: { ...stored.data, apiKey: `wrong-${stored.data.apiKey}` } });
			const plainWrong = await runCredentialTest({ ...stored, data: { ...stored.data, apiKey: `wrong-${stored.data.apiKey}`, signing: 'plainApiKey' } });
			console.log(`n8n ${version}, ihuyi XML host: right key → ${right.status} "${right.message}"; wrong key → ${wrong.status} "${wrong.message}"`);
			expect(right).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(wrong.status).toBe('Error');
			expect(wrong.message).toMatch(/ihuyi 40502 .*The dynamic password does not match/);
			expect(plainWrong.message).toMatch(/ihuyi 405 .*Wrong API ID or API key/);
			const getNums = ((await sim.control('requests')) as Array<{ route: string; form: Record<string, string> }>).filter((request) => request.route === 'ihuyi:sms:GetNum');
			expect(getNums.length).toBeGreaterThanOrEqual(3);
			for (const secret of [stored.data.apiKey, `wrong-${stored.data.apiKey}`]) expect(`${right.message} ${wrong.message} ${plainWrong.message}`).not.toContain(secret);
		} finally {
			await sim.control('ihuyi/config', { alwaysXml: false });
		}
	}, 120_000);

	test('the Ihuyi Trigger Token credential: a token fit for the push URL passes, a short one is refused, neither is repeated', async () => {
		// n8n tests a credential it stores: saved as the editor saves it, then tested with its id.
		const data = { token: 'Tk-7f3k9Qx2mVb8Lp4R' };
		const saved = (await n8n.editor.rest('POST', '/credentials', { name: 'Ihuyi Trigger Token', type: 'ihuyiTriggerTokenApi', data })) as { id: string };
		const credential = { id: saved.id, name: 'Ihuyi Trigger Token', type: 'ihuyiTriggerTokenApi', data };
		const right = await runCredentialTest(credential);
		const short = await runCredentialTest({ ...credential, data: { token: 'short-tok' } });
		console.log(`n8n ${version}, ihuyiTriggerTokenApi: good token → ${right.status} "${right.message}"; short token → ${short.status} "${short.message}"`);
		expect(right.status).toBe('OK');
		expect(short).toEqual({ status: 'Error', message: expect.stringMatching(/has 9 characters: use at least 16/) });
		expect(`${right.message} ${short.message}`).not.toMatch(/Tk-7f3k9Qx2mVb8Lp4R|short-tok/);
	}, 120_000);

	test.each(CASES)('$label: the right secret passes, a wrong one is refused with a message that says why, and no secret', async ({ label, type, settings, field, told }) => {
		const stored = (credentials(sim.url) as StoredCredential[]).find((candidate) => candidate.type === type)!;
		const credential = { ...stored, data: { ...stored.data, ...settings } };
		const right = await runCredentialTest(credential);
		const wrongSecret = `wrong-${credential.data[field]}`;
		const wrong = await runCredentialTest({ ...credential, data: { ...credential.data, [field]: wrongSecret } });
		console.log(`n8n ${version}, ${label}: right secret → ${right.status} "${right.message}"; wrong secret → ${wrong.status} "${wrong.message}"`);
		expect(right.status).toBe('OK');
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(told);
		for (const secret of [credential.data[field], wrongSecret, Buffer.from(credential.data[field]).toString('base64')]) {
			expect(`${right.message} ${wrong.message}`).not.toContain(secret);
		}
	}, 120_000);
});
