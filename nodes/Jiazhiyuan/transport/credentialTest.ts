import type { ICredentialTestRequest } from 'n8n-workflow';

import { DEFAULT_BASE_URL, SERVLET_PATH } from './endpoint';

/**
 * The credential test: a balance query (getRestMoney), signed by the credential's
 * `authenticate` like every call. n8n checks the answer with fixed rules only: the first
 * rule whose `key` (read with lodash `get`) equals its `value` fails the test with that
 * rule's message, so no rule can repeat the platform's own words. The answer is GBK text
 * ("memberSmsNum=…" or "failure;用户名密码错误!"), asked for as text so that each rule reads
 * one character of it: ASCII survives n8n's UTF-8 decoding, Chinese does not.
 */
const CHECK_BASE_URL = `Check the Base URL, e.g. ${DEFAULT_BASE_URL} (the path ${SERVLET_PATH} is added to it).`;

export const jiazhiyuanCredentialTest: ICredentialTestRequest = {
	request: {
		method: 'POST',
		url: SERVLET_PATH,
		body: { method: 'getRestMoney' },
		encoding: 'text',
		json: false,
	},
	rules: [
		{
			type: 'responseSuccessBody',
			properties: { key: 'length', value: 0, message: `The base URL gave an empty answer, not Jiazhiyuan's. ${CHECK_BASE_URL}` },
		},
		{
			type: 'responseSuccessBody',
			properties: {
				key: '0',
				value: 'f',
				message:
					"Jiazhiyuan refused the login (it answered failure;…). The usual reason is 用户名密码错误 (wrong username or password): check both, and enter the password plain, the node encodes it. If both are right, ask Jiazhiyuan to allow your n8n server's IP address. The Jiazhiyuan node's Account → Get Balance shows the platform's own reason.",
			},
		},
		{
			type: 'responseSuccessBody',
			properties: { key: '0', value: '<', message: `The base URL answered with a web page, not like Jiazhiyuan. ${CHECK_BASE_URL}` },
		},
		{
			type: 'responseSuccessBody',
			properties: { key: '0', value: '{', message: `The base URL answered with JSON, not like Jiazhiyuan. ${CHECK_BASE_URL}` },
		},
	],
};
