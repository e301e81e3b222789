import { authenticateJiazhiyuan, PASSWORD_FORM_FIELD } from '../../nodes/Jiazhiyuan/transport/signing';

const credentials = { username: 'jzy-demo', password: 'Jzy2026pass', baseUrl: 'http://127.0.0.1:9003' };
const request = (body: string) => ({ method: 'POST' as const, url: '/servlet/UserServiceAPI', body });

describe('authenticateJiazhiyuan (the credential authenticate function)', () => {
	test('the password goes BASE64-encoded unless the request asks for it as written', async () => {
		const signed = await authenticateJiazhiyuan(credentials, request('method=getRestMoney'));
		expect(signed.body).toBe('method=getRestMoney&username=jzy-demo&password=Snp5MjAyNnBhc3M%3D');
		expect(signed.url).toBe('http://127.0.0.1:9003/servlet/UserServiceAPI');
	});

	test(`${PASSWORD_FORM_FIELD}=plain sends it as written and never travels itself`, async () => {
		const signed = await authenticateJiazhiyuan(credentials, request(`method=updatePassword&newPassword=NewPass2027&${PASSWORD_FORM_FIELD}=plain`));
		expect(signed.body).toBe('method=updatePassword&newPassword=NewPass2027&username=jzy-demo&password=Jzy2026pass');
		const base64 = await authenticateJiazhiyuan(credentials, request(`method=updatePassword&newPassword=NewPass2027&${PASSWORD_FORM_FIELD}=base64`));
		expect(base64.body).toBe('method=updatePassword&newPassword=NewPass2027&username=jzy-demo&password=Snp5MjAyNnBhc3M%3D');
	});

	test.each(['plain', 'base64'])('calling it again on a completed request changes nothing (%s)', async (form) => {
		const once = await authenticateJiazhiyuan(credentials, request(`method=updatePassword&newPassword=NewPass2027&${PASSWORD_FORM_FIELD}=${form}`));
		const twice = await authenticateJiazhiyuan(credentials, once);
		expect(twice.body).toBe(once.body);
	});
});
