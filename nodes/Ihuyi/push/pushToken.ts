import { timingSafeEqual } from 'crypto';
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

/**
 * ihuyi signs nothing, so a push URL that leaks lets anyone post "pushes". The Ihuyi Trigger
 * and Push → Read can require a secret token in the URL's query (?token=…), kept in an Ihuyi
 * Trigger Token API credential, which n8n stores encrypted.
 */
export const TOKEN_CREDENTIAL_TYPE = 'ihuyiTriggerTokenApi';

const MIN_LENGTH = 16;

/** URL-unreserved characters only: the token is pasted into the push URL as it is. */
const URL_SAFE = /^[A-Za-z0-9._~-]+$/;

/** Why a token is unfit for the push URL, or undefined when it is fine. */
export function tokenProblem(token: string): string | undefined {
	if (token === '') return 'The Secret Token is empty: enter a token of at least 16 characters.';
	if (!URL_SAFE.test(token)) return 'The Secret Token may hold only letters, digits, "-", "_", "." and "~": other characters change when pasted into a URL.';
	if (token.length < MIN_LENGTH) return `The Secret Token has ${token.length} characters: use at least ${MIN_LENGTH}, so that it cannot be guessed.`;
	return undefined;
}

/** The editor's credential test: nothing to ask ihuyi, so it checks the token itself. */
export async function testTriggerToken(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const problem = tokenProblem(String(credential.data?.token ?? ''));
	return problem ? { status: 'Error', message: problem } : { status: 'OK', message: 'The token can go in the push URL as ?token=…' };
}

export type ExpectedToken = { token: string } | { misconfigured: string };

/**
 * The token a push must carry: from the credential when Authentication is Secret Token (n8n
 * keeps it encrypted), else `unprotectedToken` ('' = no token required; the trigger's
 * deprecated Options → Secret Token). A selected credential with an empty token is a
 * mistake, never "no token".
 */
export async function expectedToken(
	authentication: unknown,
	credential: () => Promise<ICredentialDataDecryptedObject>,
	unprotectedToken = '',
): Promise<ExpectedToken> {
	if (authentication !== 'secretToken') return { token: unprotectedToken };
	const token = String((await credential()).token ?? '');
	return token === '' ? { misconfigured: 'The Ihuyi Trigger Token credential has no token' } : { token };
}

/** Whether the request's `?token=` is the expected one ('' expects none), compared in constant time. */
export function tokenMatches(expected: string, given: unknown): boolean {
	if (!expected) return true;
	if (typeof given !== 'string') return false;
	const a = Buffer.from(expected);
	const b = Buffer.from(given);
	return a.length === b.length && timingSafeEqual(a, b);
}
