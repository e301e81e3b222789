/**
 * The credential store n8n would consult: it hands out the decrypted test credentials, with
 * the credential type's defaults applied as n8n does, and signs requests with the credential
 * type's own `authenticate`.
 */
import { ICredentialsHelper } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, ICredentials, ICredentialType, IHttpRequestOptions, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { n8n as packageN8n } from '../../package.json';

/**
 * Every credential type the package declares to n8n (package.json → n8n.credentials), loaded
 * from its source: a new credential is in the store as soon as the package lists it.
 */
const credentialTypes = new Map<string, ICredentialType>(
	packageN8n.credentials.flatMap((distPath) => {
		const source = distPath.replace(/^dist\//, '../../').replace(/\.js$/, '');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(source) as Record<string, new () => ICredentialType>;
		return Object.values(exported).map((Type) => new Type());
	}).map((type) => [type.name, type]),
);

export function registerCredentialType(type: ICredentialType): void {
	credentialTypes.set(type.name, type);
}

export function getCredentialType(name: string): ICredentialType {
	const type = credentialTypes.get(name);
	if (!type) throw new Error(`unknown credential type ${name}`);
	return type;
}

/** The credential's fields with its declared defaults filled in, as n8n stores them. */
export function withCredentialDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const result: ICredentialDataDecryptedObject = {};
	for (const property of getCredentialType(type).properties) {
		if (property.type === 'notice') continue;
		result[property.name] = (property.default as ICredentialDataDecryptedObject[string]) ?? '';
	}
	return { ...result, ...data };
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const type = getCredentialType(typeName);
		if (typeof type.authenticate === 'function') {
			return await type.authenticate(credentials, requestOptions);
		}
		return requestOptions;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these nodes');
	}

	async getDecrypted(_additionalData: IWorkflowExecuteAdditionalData, _node: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`no test credential of type ${type}`);
		return withCredentialDefaults(type, data);
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string) {
		return getCredentialType(type).properties;
	}
}

/** The credential store n8n would consult, holding the given decrypted test credentials. */
export function createCredentialsHelper(store: Record<string, ICredentialDataDecryptedObject>): ICredentialsHelper {
	return new TestCredentialsHelper(store);
}
