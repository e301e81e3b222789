/** The Ihuyi Trigger's protection (secret token, allowed IPs) and its token credential's test. */
import { testCredential } from '../helpers/credentialTester';
import { post, useIhuyiTrigger } from '../helpers/ihuyiTriggerServer';
import { pushToUrl, samplePushes } from '../simulator/pusher';

const serve = useIhuyiTrigger();

describe('protection', () => {
	const TOKEN = 'Tk-7f3k9Qx2mVb8Lp4R';
	const tokenCredential = (token = TOKEN) => ({ credentials: { ihuyiTriggerTokenApi: { token } } });
	const push = (url: string) => post(url, new URLSearchParams(samplePushes.deliveryReceipt('1')).toString());

	test('Authentication Secret Token: the token comes from the credential; without it 403, with it success', async () => {
		const { url, emitted } = await serve({ authentication: 'secretToken' }, tokenCredential());
		expect((await push(url)).status).toBe(403);
		expect((await push(`${url}?token=wrong`)).status).toBe(403);
		expect((await push(`${url}?token=${TOKEN.slice(0, -1)}`)).status).toBe(403);
		expect(emitted).toHaveLength(0);
		const result = await pushToUrl(`${url}?token=${TOKEN}`, samplePushes.deliveryReceipt('1'), { intervalMs: 5 });
		expect(result.acknowledged).toBe(true);
		expect(emitted).toHaveLength(1);
		expect(JSON.stringify(emitted)).not.toContain(TOKEN);
	});

	test('with the credential in use, the deprecated Options → Secret Token no longer opens the URL', async () => {
		const { url, emitted } = await serve({ authentication: 'secretToken', options: { token: 'old-token-in-workflow' } }, tokenCredential());
		expect((await push(`${url}?token=old-token-in-workflow`)).status).toBe(403);
		expect((await push(`${url}?token=${TOKEN}`)).status).toBe(200);
		expect(emitted).toHaveLength(1);
	});

	test('a credential without a token refuses every push (500, so ihuyi tries again) instead of taking any request', async () => {
		const { url, emitted } = await serve({ authentication: 'secretToken' }, tokenCredential(''));
		const answered = await push(url);
		expect(answered).toMatchObject({ status: 500, body: 'The Ihuyi Trigger Token credential has no token' });
		expect((await push(`${url}?token=`)).status).toBe(500);
		expect(emitted).toHaveLength(0);
	});

	test('the deprecated Options → Secret Token of older workflows still works: without it 403, with it success', async () => {
		const { url, emitted } = await serve({ options: { token: 's3cr3t-token' } });
		expect((await post(url, new URLSearchParams(samplePushes.deliveryReceipt('1')).toString())).status).toBe(403);
		expect((await post(`${url}?token=wrong`, new URLSearchParams(samplePushes.deliveryReceipt('1')).toString())).status).toBe(403);
		expect(emitted).toHaveLength(0);
		const result = await pushToUrl(`${url}?token=s3cr3t-token`, samplePushes.deliveryReceipt('1'), { intervalMs: 5 });
		expect(result.acknowledged).toBe(true);
		expect(emitted).toHaveLength(1);
		expect(JSON.stringify(emitted)).not.toContain('s3cr3t-token');
	});

	test('an IP allow-list: 127.0.0.1 outside it gets 403, inside it success', async () => {
		const blocked = await serve({ options: { allowedIps: '203.0.113.10, 198.51.100.0/24' } });
		expect((await post(blocked.url, new URLSearchParams(samplePushes.deliveryReceipt('1')).toString())).status).toBe(403);
		expect(blocked.emitted).toHaveLength(0);
		await blocked.close();
		const allowed = await serve({ options: { allowedIps: '203.0.113.10, 127.0.0.0/8' } });
		expect((await pushToUrl(allowed.url, samplePushes.deliveryReceipt('1'), { intervalMs: 5 })).acknowledged).toBe(true);
		expect(allowed.emitted).toHaveLength(1);
	});
});

describe('the Ihuyi Trigger Token credential, tested as n8n tests it (the trigger\'s testedBy)', () => {
	test('a token that survives in the push URL passes', async () => {
		expect(await testCredential('ihuyiTriggerTokenApi', { token: 'Tk-7f3k9Qx2mVb8Lp4R' })).toEqual({ status: 'OK', message: 'The token can go in the push URL as ?token=…' });
	});

	test.each([
		['', /is empty/],
		['short-token', /has 11 characters: use at least 16/],
		['has spaces and & in it 12345', /only letters, digits/],
		['密码密码密码密码密码密码密码密码', /only letters, digits/],
	])('%j is refused with a message that says why and does not repeat it', async (token, told) => {
		const result = await testCredential('ihuyiTriggerTokenApi', { token });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(told);
		if (token) expect(result.message).not.toContain(token);
	});
});
