import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { base64Password, formEncodeGbk, gbkForm } from './gbk';

export const DEFAULT_BASE_URL = 'http://smsapi.jzyyun.com:9003';
export const SERVLET_PATH = '/servlet/UserServiceAPI';

/**
 * The credential's `authenticate`: adds the username and the BASE64 password to the form
 * body the node built (already GBK-encoded, so plain ASCII) and points the request at the
 * credential's base URL. Safe to call again on a request it already completed.
 */
export async function authenticateJiazhiyuan(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const username = String(credentials.username ?? '').trim();
	const password = String(credentials.password ?? '');
	const body = typeof requestOptions.body === 'string'
		? requestOptions.body
		: gbkForm(Object.fromEntries(Object.entries((requestOptions.body ?? {}) as Record<string, unknown>).map(([key, value]) => [key, String(value)])));
	const withoutCredentials = body
		.split('&')
		.filter((pair) => pair !== '' && !/^(username|password)=/.test(pair))
		.join('&');
	const credentialPart = `username=${formEncodeGbk(username)}&password=${formEncodeGbk(base64Password(password))}`;
	const base = String(credentials.baseUrl ?? '').trim() || DEFAULT_BASE_URL;
	const url = /^https?:\/\//i.test(requestOptions.url)
		? requestOptions.url
		: `${base.replace(/\/+$/, '')}/${requestOptions.url.replace(/^\/+/, '')}`;
	return {
		...requestOptions,
		url,
		method: requestOptions.method ?? 'POST',
		headers: { ...(requestOptions.headers ?? {}), 'Content-Type': 'application/x-www-form-urlencoded; charset=GBK' },
		body: withoutCredentials ? `${withoutCredentials}&${credentialPart}` : credentialPart,
	};
}
