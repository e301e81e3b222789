import { testCredential } from '../helpers/credentialTester';
import { JIAZHIYUAN_SECRETS, jiazhiyuanCredentials } from '../helpers/jiazhiyuanFixtures';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

const test_ = async (data: Record<string, unknown> = {}) =>
	await testCredential('jiazhiyuanApi', { ...jiazhiyuanCredentials(sim).jiazhiyuanApi, ...data } as never);

describe('credential test of jiazhiyuanApi (getRestMoney, signed by the credential)', () => {
	test('valid credentials pass; the query went out with the BASE64 password, as every call does', async () => {
		expect(await test_()).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = sim.requestsTo('jiazhiyuan:getRestMoney');
		expect(request.form).toMatchObject({ method: 'getRestMoney', username: jiazhiyuanCredentials(sim).jiazhiyuanApi.username, password: JIAZHIYUAN_SECRETS[1] });
	});

	test('a wrong password fails with what the platform refused and what to check, without the password', async () => {
		const result = await test_({ password: 'wrong-pass' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Jiazhiyuan refused the login \(it answered failure;…\)\. The usual reason is 用户名密码错误 \(wrong username or password\)/);
		expect(result.message).not.toContain('wrong-pass');
		expect(result.message).not.toContain(Buffer.from('wrong-pass').toString('base64'));
	});

	test('every refusal is a refused login, whatever reason the platform gives', async () => {
		// Balance queries are limited per minute: the answer is failure;查询频繁 (too frequent).
		sim.jiazhiyuan.balanceQueriesPerMinute = 0;
		const result = await test_();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Jiazhiyuan refused the login \(it answered failure;…\)/);
	});

	test('a base URL that is not Jiazhiyuan is named as such', async () => {
		sim.injectFault({ kind: 'html' });
		expect((await test_()).message).toMatch(/^The base URL answered with a web page, not like Jiazhiyuan\. Check the Base URL, e\.g\. http:\/\/smsapi\.jzyyun\.com:9003/);
		sim.injectFault({ kind: 'empty' });
		expect((await test_()).message).toMatch(/^The base URL gave an empty answer/);
		sim.injectFault({ kind: 'json' });
		expect((await test_()).message).toMatch(/^The base URL answered with JSON, not like Jiazhiyuan/);
	});

	test('an HTTP error or an unreachable host fails as n8n reports it', async () => {
		sim.injectFault({ kind: 'http502' });
		expect(await test_()).toEqual({ status: 'Error', message: 'Bad Gateway' });
		expect(await test_({ baseUrl: 'http://127.0.0.1:1' })).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});

	test('no message shows the password in any form', async () => {
		const messages = [(await test_({ password: 'wrong-pass' })).message, (await test_({ baseUrl: 'http://127.0.0.1:1' })).message];
		sim.injectFault({ kind: 'html' });
		messages.push((await test_()).message);
		for (const message of messages) for (const secret of JIAZHIYUAN_SECRETS) expect(message).not.toContain(secret);
	});
});
