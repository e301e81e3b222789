import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { redact } from '../common/errors';
import { lookupFailure } from './transport/failureTexts';
import { base64Password, decodeGbk, gbkForm } from './transport/gbk';
import { parseBalance, parseTextAnswer } from './transport/parseAnswer';
import { DEFAULT_BASE_URL, SERVLET_PATH } from './transport/signing';

/**
 * The credential test: a balance query (getRestMoney). It is a node method rather than the
 * credential's declarative `test`, because the answer is GBK text ("failure;用户名密码错误!")
 * that n8n's declarative rules cannot read; this way the user sees the provider's own reason.
 * n8n gives credential tests one HTTP helper, the request-style `request`; the call lives in
 * `postBalanceQuery` below.
 */
export async function jiazhiyuanApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const username = String(data.username ?? '').trim();
	const password = String(data.password ?? '');
	if (!username || !password) return { status: 'Error', message: 'Enter the username and the password.' };
	const base = (String(data.baseUrl ?? '').trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const secrets = [password, base64Password(password)];
	let status: number;
	let text: string;
	try {
		const response = await postBalanceQuery(this.helpers, `${base}${SERVLET_PATH}`, gbkForm({ method: 'getRestMoney', username, password: base64Password(password) }));
		status = response.statusCode;
		text = typeof response.body === 'string' ? response.body : decodeGbk(Buffer.from(response.body));
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { status: 'Error', message: `Could not reach ${base}: ${redact(message, secrets)}` };
	}
	const answer = parseTextAnswer(text);
	if (answer.kind === 'failure') {
		const known = lookupFailure(answer.reason);
		return {
			status: 'Error',
			message: `Jiazhiyuan: ${answer.reason}${known ? ` (${known.en}). ${known.hint}` : ''}`,
		};
	}
	const balance = status === 200 ? parseBalance(text) : undefined;
	if (!balance) {
		const start = redact(text.replace(/\s+/g, ' ').trim().slice(0, 120), secrets);
		return {
			status: 'Error',
			message: `The base URL did not answer like Jiazhiyuan (HTTP ${status}: "${start}"). Check the Base URL, e.g. ${DEFAULT_BASE_URL}.`,
		};
	}
	return {
		status: 'OK',
		message: `Connected. Remaining: member ${balance.memberSmsNum}, gateway ${balance.gateSmsNum}, card ${balance.kaSmsNum}.`,
	};
}

async function postBalanceQuery(
	helpers: ICredentialTestFunctions['helpers'],
	uri: string,
	body: string,
): Promise<{ statusCode: number; body: Buffer | string }> {
	return (await helpers.request({
		method: 'POST',
		uri,
		body,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=GBK' },
		encoding: null,
		resolveWithFullResponse: true,
		simple: false,
		timeout: 15000,
	})) as { statusCode: number; body: Buffer | string };
}
