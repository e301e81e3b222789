import type { ICredentialDataDecryptedObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

type Context = IExecuteFunctions | IPollFunctions;

/**
 * Reads a credential's secrets: throws when a required field is empty, otherwise returns
 * every form of a secret that could travel or be echoed back, so errors can mask them.
 */
export type SecretsReader = (credentials: ICredentialDataDecryptedObject, ctx: Context) => string[];

interface Read {
	credentials: Promise<ICredentialDataDecryptedObject>;
	secrets?: Promise<string[]>;
}

// n8n decrypts a credential on every getCredentials call, and one node may use several
// credential types: each is read once per node execution, for its settings and its secrets.
const byExecution = new WeakMap<Context, Map<string, Read>>();

function read(ctx: Context, credentialType: string): Read {
	let byType = byExecution.get(ctx);
	if (!byType) {
		byType = new Map();
		byExecution.set(ctx, byType);
	}
	let entry = byType.get(credentialType);
	if (!entry) {
		entry = { credentials: ctx.getCredentials(credentialType) };
		byType.set(credentialType, entry);
	}
	return entry;
}

/** The credential's fields, e.g. a default the operation applies. */
export async function credentialFields(ctx: Context, credentialType: string): Promise<ICredentialDataDecryptedObject> {
	return await read(ctx, credentialType).credentials;
}

/** The credential's secrets, as `readSecrets` finds them, for masking. */
export async function credentialSecrets(ctx: Context, credentialType: string, readSecrets: SecretsReader): Promise<string[]> {
	const entry = read(ctx, credentialType);
	entry.secrets ??= entry.credentials.then((credentials) => readSecrets(credentials, ctx));
	return await entry.secrets;
}
