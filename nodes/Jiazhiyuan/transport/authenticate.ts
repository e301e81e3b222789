import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { baseUrlOf, joinBaseUrl } from '../../common/baseUrl';
import { base64Password, formEncodeGbk, gbkForm } from './encoding';
import { DEFAULT_BASE_URL } from './endpoint';

/**
 * How a request sends the account password: BASE64 (`password=BASE64(password)`), as the
 * vendor document shows for every method but one, or as written, as its example for
 * updatePassword shows it (`password=123&newPassword=122`).
 */
export type PasswordForm = 'base64' | 'plain';

/**
 * A request as the node hands it to n8n for the credential to complete. `passwordForm` is
 * for the credential alone (BASE64 when unset); n8n sends only the request options it knows,
 * so it never travels.
 */
export interface JiazhiyuanRequestOptions extends IHttpRequestOptions {
	passwordForm?: PasswordForm;
}

const CREDENTIAL_FIELDS = /^(username|password)=/;

/**
 * The credential's `authenticate`: adds the username and the password, in the form the
 * request asks for, to the form body the node built (already GBK-encoded, so plain ASCII)
 * and points the request at the credential's base URL. Safe to call again on a request it
 * already completed: it replaces the fields it added.
 */
export async function authenticateJiazhiyuan(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: JiazhiyuanRequestOptions,
): Promise<IHttpRequestOptions> {
	const username = String(credentials.username ?? '').trim();
	const password = String(credentials.password ?? '');
	const body = typeof requestOptions.body === 'string'
		? requestOptions.body
		: gbkForm(Object.fromEntries(Object.entries((requestOptions.body ?? {}) as Record<string, unknown>).map(([key, value]) => [key, String(value)])));
	const fields = body.split('&').filter((pair) => pair !== '' && !CREDENTIAL_FIELDS.test(pair));
	const sentPassword = requestOptions.passwordForm === 'plain' ? password : base64Password(password);
	fields.push(`username=${formEncodeGbk(username)}`, `password=${formEncodeGbk(sentPassword)}`);
	return {
		...requestOptions,
		url: joinBaseUrl(baseUrlOf(credentials, DEFAULT_BASE_URL), requestOptions.url),
		method: requestOptions.method ?? 'POST',
		headers: { ...(requestOptions.headers ?? {}), 'Content-Type': 'application/x-www-form-urlencoded; charset=GBK' },
		body: fields.join('&'),
	};
}
