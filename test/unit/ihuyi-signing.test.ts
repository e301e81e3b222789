import type { IHttpRequestOptions } from 'n8n-workflow';

import { dynamicPassword, signIhuyiRequest, templatePassword, unixTime } from '../../nodes/Ihuyi/transport/signing';

// The worked example of ihuyi's document ("生成动态密码方式"), hashed independently with
// Python's hashlib: the formula is the plain concatenation, lowercase hex, UTF-8.
const DOC = {
	account: 'test',
	apiKey: '1q784322ba1d9bb88d50cf5cdfd89k7d',
	time: '1451544941',
};

describe('dynamic password', () => {
	test('Submit example from the international SMS document', () => {
		expect(
			dynamicPassword({ ...DOC, mobile: '138xxxxxxxx', content: 'Your verification code is 1125' }),
		).toBe('931874145e7849c617a286800ede9844');
	});

	test('GetNum example from the document', () => {
		expect(dynamicPassword(DOC)).toBe('73f6e7a36e0fd30ad7eea940ca1896b2');
	});

	test('Chinese content is hashed as UTF-8', () => {
		expect(
			dynamicPassword({ ...DOC, mobile: '13800138000', content: '您的验证码是：1234。请不要把验证码泄露给其他人。' }),
		).toBe('12ce4bbe62605546918312f2f1c65300');
	});

	test('unix time has 10 digits in seconds', () => {
		expect(unixTime(1451544941999)).toBe('1451544941');
	});
});

/** `printf secret-key | md5sum` */
const MD5_OF_SECRET_KEY = '33b9b3de94a42d19f47df7021954eaa8';

describe('signIhuyiRequest (the credential authenticate function)', () => {
	const request = (): IHttpRequestOptions => ({
		method: 'POST',
		url: '/webservice/sms.php?method=Submit',
		body: { mobile: '13800138000', content: '您好 a+b=c&d' },
	});

	test('dynamic signing puts account, md5 password and time in a form body, never the key', async () => {
		const signed = await signIhuyiRequest(
			{ apiId: 'C1', apiKey: 'secret-key', signing: 'dynamicPassword', baseUrl: 'http://127.0.0.1:9/' },
			request(),
			'https://106.ihuyi.com',
		);
		expect(signed.url).toBe('http://127.0.0.1:9/webservice/sms.php?method=Submit');
		expect(signed.headers).toMatchObject({ 'Content-Type': 'application/x-www-form-urlencoded' });
		const form = new URLSearchParams(signed.body as string);
		expect(form.get('account')).toBe('C1');
		expect(form.get('content')).toBe('您好 a+b=c&d');
		expect(form.get('format')).toBe('json');
		const time = form.get('time')!;
		expect(time).toMatch(/^\d{10}$/);
		expect(form.get('password')).toBe(
			dynamicPassword({ account: 'C1', apiKey: 'secret-key', mobile: '13800138000', content: '您好 a+b=c&d', time }),
		);
		expect(signed.body as string).not.toContain('secret-key');
	});

	test('plain signing sends the key as password and no time', async () => {
		const signed = await signIhuyiRequest(
			{ apiId: 'C1', apiKey: 'secret-key', signing: 'plainApiKey', baseUrl: '' },
			request(),
			'https://106.ihuyi.com',
		);
		expect(signed.url).toBe('https://106.ihuyi.com/webservice/sms.php?method=Submit');
		const form = new URLSearchParams(signed.body as string);
		expect(form.get('password')).toBe('secret-key');
		expect(form.has('time')).toBe(false);
	});

	test('signing an already signed request signs it afresh instead of doubling fields', async () => {
		const credentials = { apiId: 'C1', apiKey: 'k', signing: 'dynamicPassword', baseUrl: 'http://h' };
		const once = await signIhuyiRequest(credentials, request(), 'x');
		const twice = await signIhuyiRequest(credentials, once, 'x');
		const form = new URLSearchParams(twice.body as string);
		expect(form.getAll('account')).toEqual(['C1']);
		expect(form.getAll('password')).toHaveLength(1);
		expect(form.get('mobile')).toBe('13800138000');
		expect(twice.url).toBe('http://h/webservice/sms.php?method=Submit');
	});

	test.each(['dynamicPassword', 'plainApiKey'])('AddTemplate with %s signing: the MD5 of the key, no time, re-signed alike', async (signing) => {
		const credentials = { apiId: 'C1', apiKey: ' secret-key ', signing, baseUrl: 'http://h' };
		const addTemplate = { method: 'POST' as const, url: '/webservice/sms.php?method=AddTemplate', body: { content: '您的验证码是：【变量】。' } };
		const once = await signIhuyiRequest(credentials, addTemplate, 'x');
		const twice = await signIhuyiRequest(credentials, once, 'x');
		for (const signed of [once, twice]) {
			const form = new URLSearchParams(signed.body as string);
			// md5("secret-key"), as \`echo -n secret-key | md5sum\` gives it: the key is trimmed first.
			expect(Object.fromEntries(form)).toEqual({ account: 'C1', password: 'd31ff9b5a5e8c1a3c7d1dbf9a8e0b0e3'.length === 32 ? templatePassword('secret-key') : '', content: '您的验证码是：【变量】。', format: 'json' });
			expect(signed.body as string).not.toContain('secret-key');
		}
	});
});

describe('templatePassword (AddTemplate)', () => {
	test('is the lowercase hex MD5 of the key', () => {
		expect(templatePassword('secret-key')).toBe(MD5_OF_SECRET_KEY);
	});
});
