import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { credentialSecrets } from '../../common/credentials';
import type { SecretsReader } from '../../common/credentials';
import { emptyCredentialField, providerError, redact } from '../../common/errors';
import { postForm } from '../../common/formPost';
import type { FormAnswer } from '../../common/formPost';
import { withReadRetries } from '../../common/readRetry';
import { unexpectedAnswerError } from '../../common/requestErrors';
import type { RequestPurpose } from '../../common/requestErrors';
import type { JiazhiyuanRequestOptions, PasswordForm } from './authenticate';
import { base64Password, gbkForm } from './encoding';
import { SERVLET_PATH } from './endpoint';
import { lookupFailure } from './failureTexts';
import { parseTextAnswer } from './parseAnswer';

export const CREDENTIAL_TYPE = 'jiazhiyuanApi';
export const DEFAULT_TIMEOUT_MS = 30000;

export type JiazhiyuanMethod = 'sendSMS' | 'getRestMoney' | 'getSmsReport' | 'getRecvSMS' | 'updatePassword';

export interface JiazhiyuanCall {
	method: JiazhiyuanMethod;
	itemIndex: number;
	fields?: Record<string, string>;
	timeoutMs?: number;
	/** Values the call sends that are secret besides the credential's (a new password). */
	secrets?: string[];
	/** How the credential sends the account password; BASE64 unless the method wants it otherwise. */
	passwordForm?: PasswordForm;
}

/** An answer the platform gave with a 2xx status: its text (decoded from GBK) and that status. */
export type JiazhiyuanAnswer = FormAnswer;

type Context = IExecuteFunctions | IPollFunctions;

/**
 * One call to the UserServiceAPI servlet. The body is GBK, form-encoded byte by byte; the
 * credential adds username and password, the password in the call's `passwordForm`.
 * Resolves with the answer unless it is `failure;…`, which becomes a NodeApiError with the provider's reason. Never retried:
 * a send could go out twice, and reports and replies are handed out once (a lost answer
 * cannot be asked for again). Idempotent reads go through readJiazhiyuan.
 */
export async function callJiazhiyuan(ctx: Context, call: JiazhiyuanCall): Promise<JiazhiyuanAnswer> {
	const secrets = [...(await credentialSecrets(ctx, CREDENTIAL_TYPE, readSecrets)), ...(call.secrets ?? [])];
	const answer = await postForm(ctx, {
		provider: 'jiazhiyuan',
		product: 'sms',
		credentialType: CREDENTIAL_TYPE,
		itemIndex: call.itemIndex,
		url: SERVLET_PATH,
		// GBK bytes, percent-encoded one by one: the platform reads every field as GBK.
		body: gbkForm({ method: call.method, ...(call.fields ?? {}) }),
		timeoutMs: call.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		charset: 'gbk',
		secrets,
		purpose: purposeOf(call.method),
		forCredential: { passwordForm: call.passwordForm ?? 'base64' } satisfies Pick<JiazhiyuanRequestOptions, 'passwordForm'>,
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

/**
 * An idempotent read (the balance): the call and the reading of its answer, asked again
 * briefly when the answer was lost or came unreadable (`read` gives undefined).
 */
export async function readJiazhiyuan<T>(ctx: Context, call: JiazhiyuanCall, read: (text: string) => T | undefined): Promise<T> {
	return await withReadRetries(ctx.getNode(), async () => {
		const answer = await callJiazhiyuan(ctx, call);
		return read(answer.text) ?? (await unexpectedAnswer(ctx, call.itemIndex, answer));
	});
}

/** Only sendSMS delivers messages: its lost answers may mean they went out. */
function purposeOf(method: JiazhiyuanMethod): RequestPurpose {
	return method === 'sendSMS' ? 'send' : 'read';
}

/** Throws the standard "unexpected answer" error for an answer the caller could not read. */
export async function unexpectedAnswer(
	ctx: Context,
	itemIndex: number,
	answer: JiazhiyuanAnswer,
	purpose: RequestPurpose = 'read',
	extraSecrets: string[] = [],
): Promise<never> {
	throw unexpectedAnswerError(ctx.getNode(), itemIndex, {
		provider: 'jiazhiyuan',
		product: 'sms',
		status: answer.httpStatus,
		body: answer.text,
		secrets: [...(await credentialSecrets(ctx, CREDENTIAL_TYPE, readSecrets)), ...extraSecrets],
		purpose,
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
