import type { ICredentialTestFunctions, ICredentialsDecrypted, IWebhookFunctions, INodeCredentialTestResult } from 'n8n-workflow';

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

/**
 * The token a push must carry: from the credential when Authentication is Secret Token
 * (n8n keeps it encrypted), else from the deprecated Options → Secret Token of workflows made
 * before the credential existed ('' = no token required). A selected credential with an
 * empty token is a mistake, never "no token".
 */
export async function expectedToken(ctx: IWebhookFunctions): Promise<{ token: string } | { misconfigured: string }> {
	if (ctx.getNodeParameter('authentication', 'none') === 'secretToken') {
		const credential = await ctx.getCredentials(TOKEN_CREDENTIAL_TYPE);
		const token = String(credential.token ?? '');
		return token === '' ? { misconfigured: 'The Ihuyi Trigger Token credential has no token' } : { token };
	}
	const options = ctx.getNodeParameter('options', {}) as { token?: string };
	return { token: options.token ?? '' };
}
