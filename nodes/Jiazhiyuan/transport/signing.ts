import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { baseUrlOf, joinBaseUrl } from '../../common/baseUrl';
import { base64Password, formEncodeGbk, gbkForm } from './encoding';

export const DEFAULT_BASE_URL = 'http://smsapi.jzyyun.com:9003';
export const SERVLET_PATH = '/servlet/UserServiceAPI';

/**
 * How a request wants the password: BASE64 (`password=BASE64(password)`), as the vendor
 * document shows for every method but one, or as written, as its example for updatePassword
 * shows it (`password=123&newPassword=122`). A node asks for the written form with
 * `passwordForm=plain` in the body; the credential removes the field, so it never travels.
 */
export const PASSWORD_FORM_FIELD = 'passwordForm';
export type PasswordForm = 'base64' | 'plain';

const CREDENTIAL_FIELDS = new RegExp(`^(username|password|${PASSWORD_FORM_FIELD})=`);

/**
 * The credential's `authenticate`: adds the username and the password (BASE64 unless the
 * request asks for it as written) to the form body the node built (already GBK-encoded, so
 * plain ASCII) and points the request at the credential's base URL. Safe to call again on
 * a request it already completed: the form it chose is read back from the body.
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
	const pairs = body.split('&').filter((pair) => pair !== '');
	const asWritten = `password=${formEncodeGbk(password)}`;
	const form: PasswordForm = pairs.includes(`${PASSWORD_FORM_FIELD}=plain`) || pairs.includes(asWritten) ? 'plain' : 'base64';
	const withoutCredentials = pairs
		.filter((pair) => !CREDENTIAL_FIELDS.test(pair))
		.join('&');
	const passwordPart = form === 'plain' ? asWritten : `password=${formEncodeGbk(base64Password(password))}`;
	const credentialPart = `username=${formEncodeGbk(username)}&${passwordPart}`;
	return {
		...requestOptions,
		url: joinBaseUrl(baseUrlOf(credentials, DEFAULT_BASE_URL), requestOptions.url),
		method: requestOptions.method ?? 'POST',
		headers: { ...(requestOptions.headers ?? {}), 'Content-Type': 'application/x-www-form-urlencoded; charset=GBK' },
		body: withoutCredentials ? `${withoutCredentials}&${credentialPart}` : credentialPart,
	};
}
