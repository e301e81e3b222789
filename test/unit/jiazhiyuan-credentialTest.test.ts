import get from 'lodash/get';

import { jiazhiyuanCredentialTest } from '../../nodes/Jiazhiyuan/transport/credentialTest';

/** n8n's reading of a 2xx answer: the first rule whose key equals its value fails the test. */
function verdict(body: unknown): string {
	const rule = (jiazhiyuanCredentialTest.rules ?? []).find(
		(candidate) => candidate.type === 'responseSuccessBody' && get(body, candidate.properties.key) === candidate.properties.value,
	);
	return rule ? rule.properties.message : 'OK';
}

describe('Jiazhiyuan credential test rules, on answers as n8n hands them over (text)', () => {
	test('a balance passes', () => {
		expect(verdict('memberSmsNum=684;gateSmsNum=49919;kaSmsNum=49964')).toBe('OK');
	});

	test('every refusal is named a refused login, whatever its (mangled) reason', () => {
		for (const answer of ['failure;\uFFFD\uFFFD\uFFFD!', 'failure;', 'failure;IP not allowed']) {
			expect(verdict(answer)).toMatch(/^Jiazhiyuan refused the login/);
		}
	});

	test('an empty answer, a web page and JSON point at the Base URL', () => {
		expect(verdict('')).toMatch(/empty answer/);
		expect(verdict('<!DOCTYPE html><html>')).toMatch(/web page/);
		expect(verdict('{"code":405}')).toMatch(/JSON/);
	});

	test('the request asks for text, so the rules read characters, not bytes', () => {
		expect(jiazhiyuanCredentialTest.request).toMatchObject({ method: 'POST', url: '/servlet/UserServiceAPI', body: { method: 'getRestMoney' }, encoding: 'text' });
	});
});
