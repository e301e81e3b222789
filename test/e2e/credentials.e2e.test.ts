/**
 * n8n's own credential test, as the editor's "Test" button calls it (POST /rest/credentials/test),
 * for each of the package's credential types, with the right secret and with a wrong one, on
 * every n8n version under test: what the user sees is n8n's status and message.
 */
import type { SimulatorProcess } from '../simulator/process';
import { selectedVersions } from './lib/n8n';
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

	const runCredentialTest = async (credential: StoredCredential) => (await n8n.rest('POST', '/credentials/test', { credentials: credential })) as { status: string; message: string };

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
