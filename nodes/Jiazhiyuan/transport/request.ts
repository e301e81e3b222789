import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { clamp } from '../../common/clamp';
import { credentialSecrets } from '../../common/credentialSecrets';
import type { SecretsReader } from '../../common/credentialSecrets';
import { emptyCredentialField, providerError, redact, unexpectedAnswerError } from '../../common/errors';
import { postForm } from '../../common/formPost';
import type { FormAnswer } from '../../common/formPost';
import { withReadRetries } from '../../common/readRetry';
import { lookupFailure } from './failureTexts';
import { base64Password, gbkForm } from './gbk';
import { parseTextAnswer } from './parseAnswer';
import { SERVLET_PATH } from './signing';

export const CREDENTIAL_TYPE = 'jiazhiyuanApi';
export const DEFAULT_TIMEOUT_MS = 30000;
/** The Timeout option's range: a bulk send of 20,000 numbers may take minutes. */
export const MIN_TIMEOUT_MS = 1000;
export const MAX_TIMEOUT_MS = 300000;

export type JiazhiyuanMethod = 'sendSMS' | 'getRestMoney' | 'getSmsReport' | 'getRecvSMS' | 'updatePassword';

export interface JiazhiyuanCall {
	method: JiazhiyuanMethod;
	itemIndex: number;
	fields?: Record<string, string>;
	timeoutMs?: number;
	/** Values the call sends that are secret besides the credential's (a new password). */
	secrets?: string[];
}

/** An answer the platform gave with a 2xx status: its text (decoded from GBK) and that status. */
export type JiazhiyuanAnswer = FormAnswer;

type Context = IExecuteFunctions | IPollFunctions;

const READS: JiazhiyuanMethod[] = ['getRestMoney'];

/**
 * One call to the UserServiceAPI servlet. The body is GBK, form-encoded byte by byte; the
 * credential adds username and password. Resolves with the answer unless it is
 * `failure;…`, which becomes a NodeApiError with the provider's reason. Sends
 * are never retried; balance queries are retried briefly on a lost answer. Reports and
 * replies are not retried either: the platform hands them out once, and a lost answer
 * cannot be asked for again.
 */
export async function callJiazhiyuan(ctx: Context, call: JiazhiyuanCall): Promise<JiazhiyuanAnswer> {
	return READS.includes(call.method)
		? await withReadRetries(ctx.getNode(), async () => await callOnce(ctx, call))
		: await callOnce(ctx, call);
}

async function callOnce(ctx: Context, call: JiazhiyuanCall): Promise<JiazhiyuanAnswer> {
	const secrets = [...(await credentialSecrets(ctx, CREDENTIAL_TYPE, readSecrets)), ...(call.secrets ?? [])];
	const answer = await postForm(ctx, {
		provider: 'jiazhiyuan',
		product: 'sms',
		credentialType: CREDENTIAL_TYPE,
		itemIndex: call.itemIndex,
		url: SERVLET_PATH,
		// GBK bytes, percent-encoded one by one: the platform reads every field as GBK.
		body: gbkForm({ method: call.method, ...(call.fields ?? {}) }),
		// Every operation's Timeout option ends here: kept within the option's range.
		timeoutMs: clamp(call.timeoutMs ?? DEFAULT_TIMEOUT_MS, MIN_TIMEOUT_MS, MAX_TIMEOUT_MS),
		charset: 'gbk',
		secrets,
	});
	const parsed = parseTextAnswer(answer.text);
	if (parsed.kind === 'failure') {
		const known = lookupFailure(parsed.reason);
		throw providerError(ctx.getNode(), call.itemIndex, {
			provider: 'jiazhiyuan',
			product: 'sms',
			code: 'failure',
			httpStatus: answer.httpStatus,
			providerMessage: redact(parsed.reason, secrets) || '(no reason given)',
			explanation: known?.en ?? 'Jiazhiyuan refused the request',
			hint: known?.hint ?? 'Jiazhiyuan did not give a known reason; the provider text is shown as it came.',
			cause: known?.cause,
		});
	}
	return answer;
}

/** Throws the standard "unexpected answer" error for an answer the caller could not read. */
export async function unexpectedAnswer(ctx: Context, itemIndex: number, answer: JiazhiyuanAnswer, extraSecrets: string[] = []): Promise<never> {
	throw unexpectedAnswerError(ctx.getNode(), itemIndex, {
		provider: 'jiazhiyuan',
		product: 'sms',
		status: answer.httpStatus,
		body: answer.text,
		secrets: [...(await credentialSecrets(ctx, CREDENTIAL_TYPE, readSecrets)), ...extraSecrets],
	});
}

/**
 * The password in every form it travels or could be echoed in: plain and BASE64. An empty
 * username or password is refused here, before anything is sent.
 */
const readSecrets: SecretsReader = (credentials, ctx) => {
	if (!String(credentials.username ?? '').trim()) throw emptyCredentialField(ctx.getNode(), 'Jiazhiyuan', 'username');
	const password = String(credentials.password ?? '');
	if (!password) throw emptyCredentialField(ctx.getNode(), 'Jiazhiyuan', 'password');
	return [password, base64Password(password), Buffer.from(password, 'utf8').toString('base64')];
};
