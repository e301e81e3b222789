/**
 * Runs a credential's declarative `test` the way n8n's credentials tester does: the test
 * request goes through n8n's HTTP helper with the credential's `authenticate`, then the
 * rules are checked in order and the first rule whose `key` equals its `value` in the
 * answer fails the test with its message.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, INodeType } from 'n8n-workflow';

import { getCredentialType, registerNodeType, runNode } from './n8nHarness';

const PROBE = 'credentialTestProbe';

function probeFor(credentialType: string): INodeType {
	return {
		description: {
			displayName: 'Credential test probe',
			name: PROBE,
			group: ['transform'],
			version: 1,
			description: 'Sends a credential type\'s test request',
			defaults: { name: 'Probe' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType, required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			const request = getCredentialType(credentialType).test!.request as IHttpRequestOptions;
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
				...request,
				returnFullResponse: true,
			})) as { body: unknown };
			const body = typeof response.body === 'object' && response.body !== null ? response.body : { data: response.body };
			return [[{ json: body as never }]];
		},
	};
}

export async function testCredential(
	credentialType: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	registerNodeType(probeFor(credentialType));
	const { items, error } = await runNode({ type: PROBE, parameters: {}, credentials: { [credentialType]: data } });
	if (error) return { status: 'Error', message: error.message };
	const answer = items[0].json as Record<string, unknown>;
	for (const rule of getCredentialType(credentialType).test!.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && get(answer, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

function get(value: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>(
		(node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
		value,
	);
}
