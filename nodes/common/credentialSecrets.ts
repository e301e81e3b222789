import type { ICredentialDataDecryptedObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

type Context = IExecuteFunctions | IPollFunctions;

/**
 * Reads a credential's secrets: throws when a required field is empty, otherwise returns
 * every form of a secret that could travel or be echoed back, so errors can mask them.
 */
export type SecretsReader = (credentials: ICredentialDataDecryptedObject, ctx: Context) => string[];

// One lookup per node execution and credential type: n8n decrypts the credential on every
// getCredentials call, and one node may use several credential types.
const byExecution = new WeakMap<Context, Map<string, Promise<string[]>>>();

export async function credentialSecrets(ctx: Context, credentialType: string, read: SecretsReader): Promise<string[]> {
	let byType = byExecution.get(ctx);
	if (!byType) {
		byType = new Map();
		byExecution.set(ctx, byType);
	}
	let secrets = byType.get(credentialType);
	if (!secrets) {
		secrets = ctx.getCredentials(credentialType).then((credentials) => read(credentials, ctx));
		byType.set(credentialType, secrets);
	}
	return await secrets;
}
