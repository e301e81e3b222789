import { authenticateJiazhiyuan } from '../../nodes/Jiazhiyuan/transport/authenticate';
import type { JiazhiyuanRequestOptions, PasswordForm } from '../../nodes/Jiazhiyuan/transport/authenticate';

const credentials = { username: 'jzy-demo', password: 'Jzy2026pass', baseUrl: 'http://127.0.0.1:9003' };
const request = (body: string, passwordForm?: PasswordForm): JiazhiyuanRequestOptions => ({ method: 'POST', url: '/servlet/UserServiceAPI', body, passwordForm });

describe('authenticateJiazhiyuan (the credential authenticate function)', () => {
	test('the password goes BASE64-encoded unless the request asks for it as written', async () => {
		const signed = await authenticateJiazhiyuan(credentials, request('method=getRestMoney'));
		expect(signed.body).toBe('method=getRestMoney&username=jzy-demo&password=Snp5MjAyNnBhc3M%3D');
		expect(signed.url).toBe('http://127.0.0.1:9003/servlet/UserServiceAPI');
	});

	test('passwordForm plain sends it as written, base64 as every other method takes it; the body carries no trace of the choice', async () => {
		const plain = await authenticateJiazhiyuan(credentials, request('method=updatePassword&newPassword=NewPass2027', 'plain'));
		expect(plain.body).toBe('method=updatePassword&newPassword=NewPass2027&username=jzy-demo&password=Jzy2026pass');
		const base64 = await authenticateJiazhiyuan(credentials, request('method=updatePassword&newPassword=NewPass2027', 'base64'));
		expect(base64.body).toBe('method=updatePassword&newPassword=NewPass2027&username=jzy-demo&password=Snp5MjAyNnBhc3M%3D');
	});

	test('a body given as fields is GBK form-encoded', async () => {
		const signed = await authenticateJiazhiyuan(credentials, { method: 'POST', url: '/servlet/UserServiceAPI', body: { method: 'getRestMoney' } });
		expect(signed.body).toBe('method=getRestMoney&username=jzy-demo&password=Snp5MjAyNnBhc3M%3D');
	});

	test.each(['plain', 'base64'] as const)('calling it again on a completed request changes nothing (%s)', async (form) => {
		const once = await authenticateJiazhiyuan(credentials, request('method=updatePassword&newPassword=NewPass2027', form));
		const twice = await authenticateJiazhiyuan(credentials, once);
		expect(twice.body).toBe(once.body);
		expect(twice.url).toBe(once.url);
	});
});
