import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { baseUrlOf, joinBaseUrl } from '../../common/baseUrl';

/**
 * ihuyi's "dynamic password": an MD5 over the concatenation, without separators, of
 * account + API key + mobile + content + time for Submit, and account + API key + time for
 * GetNum. Lowercase hex, UTF-8 bytes. With it the API key itself never travels.
 */
export function dynamicPassword(parts: {
	account: string;
	apiKey: string;
	mobile?: string;
	content?: string;
	time: string;
}): string {
	const text = `${parts.account}${parts.apiKey}${parts.mobile ?? ''}${parts.content ?? ''}${parts.time}`;
	return createHash('md5').update(text, 'utf8').digest('hex');
}

/**
 * AddTemplate takes no dynamic password: its document accepts the API key or its 32-character
 * MD5 (lowercase hex). The MD5 is sent, so the key itself never travels; it still proves the
 * account to AddTemplate, so it is masked like the key wherever text could echo it.
 */
export function templatePassword(apiKey: string): string {
	return createHash('md5').update(apiKey, 'utf8').digest('hex');
}

/** The ihuyi method a request calls, from its `?method=` (Submit, GetNum, AddTemplate). */
function methodOf(url: string): string {
	return new URL(url, 'http://relative.invalid').searchParams.get('method') ?? '';
}

/** ihuyi wants a 10-digit Unix time in seconds. */
export function unixTime(now: number = Date.now()): string {
	return String(Math.floor(now / 1000));
}

const SIGNATURE_FIELDS = ['account', 'password', 'time', 'format'];

function bodyFields(body: IHttpRequestOptions['body']): Record<string, string> {
	const fields: Record<string, string> = {};
	if (typeof body === 'string') {
		for (const [key, value] of new URLSearchParams(body)) fields[key] = value;
	} else if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
		for (const [key, value] of Object.entries(body as IDataObject)) {
			if (value !== undefined && value !== null) fields[key] = String(value);
		}
	}
	for (const key of SIGNATURE_FIELDS) delete fields[key];
	return fields;
}

/**
 * The credential's `authenticate`: puts account and password (dynamic or plain) into the
 * form body, asks for JSON answers and points a relative URL at the credential's base URL.
 * Called on the request the node built ({ mobile, content }, { content } for AddTemplate or
 * nothing for GetNum), and safe to call again on a request it already signed.
 */
export async function signIhuyiRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	defaultBaseUrl: string,
): Promise<IHttpRequestOptions> {
	const account = String(credentials.apiId ?? '').trim();
	const apiKey = String(credentials.apiKey ?? '').trim();
	const fields = bodyFields(requestOptions.body);
	const form: Record<string, string> = { account };
	if (methodOf(requestOptions.url) === 'AddTemplate') {
		// Whatever the credential's signing: AddTemplate knows no dynamic password, and the
		// plain key is never needed because AddTemplate accepts its MD5.
		form.password = templatePassword(apiKey);
	} else if (credentials.signing === 'plainApiKey') {
		form.password = apiKey;
	} else {
		const time = unixTime();
		form.password = dynamicPassword({
			account,
			apiKey,
			mobile: fields.mobile,
			content: fields.content,
			time,
		});
		form.time = time;
	}
	Object.assign(form, fields, { format: 'json' });

	return {
		...requestOptions,
		url: joinBaseUrl(baseUrlOf(credentials, defaultBaseUrl), requestOptions.url),
		method: requestOptions.method ?? 'POST',
		headers: { ...(requestOptions.headers ?? {}), 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(form).toString(),
	};
}
