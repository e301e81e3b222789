import { testCredential } from '../helpers/credentialTester';
import { ALL_IHUYI_KEYS, ihuyiCredentials, IHUYI_CREDENTIAL_TYPES } from '../helpers/ihuyiFixtures';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

describe.each(Object.entries(IHUYI_CREDENTIAL_TYPES))('credential test of %s (%s)', (product, type) => {
	const key = product as keyof typeof IHUYI_CREDENTIAL_TYPES;
	const credentials = (overrides = {}) => ihuyiCredentials(sim, { [key]: overrides })[type];

	test('valid credentials pass with a GetNum of the same product', async () => {
		expect(await testCredential(type, credentials())).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = sim.requestsTo(`ihuyi:${product}:GetNum`);
		expect(request).toBeDefined();
		expect(request.form.format).toBe('json');
	});

	test('a wrong key (plain signing) fails with 405 and the provider reason', async () => {
		const result = await testCredential(type, { ...credentials({ apiKey: 'wrong' }), signing: 'plainApiKey' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^ihuyi 405 (API ID 或 API KEY 不正确|用户名或密码不正确): Wrong API ID or API key/);
	});

	test('a wrong key with dynamic signing fails with 40502', async () => {
		const result = await testCredential(type, credentials({ apiKey: 'wrong' }));
		expect(result.message).toMatch(/^ihuyi 40502 动态密码校验失败/);
	});

	test('a frozen account fails with 4050', async () => {
		sim.ihuyi.accounts[key].frozen = true;
		expect((await testCredential(type, credentials())).message).toMatch(/^ihuyi 4050 账号被冻结: The account is frozen/);
	});

	test('a refused IP fails with 400 or 4052 and says what to do', async () => {
		sim.ihuyi.accounts[key].boundIps = ['198.51.100.1'];
		expect((await testCredential(type, credentials())).message).toMatch(/^ihuyi 4052 .*IP 绑定/);
		sim.ihuyi.refuseAllIps = true;
		expect((await testCredential(type, credentials())).message).toMatch(/^ihuyi 400 非法ip访问/);
	});

	test('a clock far off fails with 40501 and points at the clock', async () => {
		sim.ihuyi.clockSkewS = -900;
		expect((await testCredential(type, credentials())).message).toMatch(/^ihuyi 40501 .*clock/);
	});

	test('a host that answers XML whatever format asks for: the right key passes, refusals keep their messages', async () => {
		sim.ihuyi.alwaysXml = true;
		expect(await testCredential(type, credentials())).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sim.requestsTo(`ihuyi:${product}:GetNum`)[0].form.format).toBe('json');
		expect((await testCredential(type, { ...credentials({ apiKey: 'wrong' }), signing: 'plainApiKey' })).message).toMatch(/^ihuyi 405 (API ID 或 API KEY 不正确|用户名或密码不正确): Wrong API ID or API key/);
		expect((await testCredential(type, credentials({ apiKey: 'wrong' }))).message).toMatch(/^ihuyi 40502 动态密码校验失败/);
		sim.ihuyi.accounts[key].frozen = true;
		expect((await testCredential(type, credentials())).message).toMatch(/^ihuyi 4050 账号被冻结: The account is frozen/);
	});

	test('a code other than success fails the test, in JSON and in XML', async () => {
		for (const alwaysXml of [false, true]) {
			sim.ihuyi.alwaysXml = alwaysXml;
			sim.injectFault({ kind: 'unknownCode' });
			expect(await testCredential(type, credentials())).toEqual({ status: 'Error', message: 'ihuyi answered the balance query with code 4999 instead of a balance' });
		}
	});

	test('a proxy error page fails with its HTTP status, as n8n reports it', async () => {
		sim.injectFault({ kind: 'http502' });
		expect(await testCredential(type, credentials())).toEqual({ status: 'Error', message: 'Bad Gateway' });
	});

	test('a base URL that is not ihuyi fails with a clear message', async () => {
		sim.injectFault({ kind: 'html' });
		expect((await testCredential(type, credentials())).message).toMatch(/did not answer like ihuyi/);
	});

	test('an unreachable host fails with the network code, as n8n reports it', async () => {
		expect(await testCredential(type, credentials({ baseUrl: 'http://127.0.0.1:1' }))).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});

	test('no message shows the API key, whatever went wrong', async () => {
		const messages = [
			(await testCredential(type, { ...credentials({ apiKey: 'wrong-key-4711' }), signing: 'plainApiKey' })).message,
			(await testCredential(type, credentials({ baseUrl: 'http://127.0.0.1:1' }))).message,
		];
		sim.injectFault({ kind: 'html' });
		messages.push((await testCredential(type, { ...credentials(), signing: 'plainApiKey' })).message);
		for (const message of messages) {
			for (const secret of [...ALL_IHUYI_KEYS, 'wrong-key-4711']) expect(message).not.toContain(secret);
		}
	});
});
