/**
 * Runs a credential's test the way n8n's CredentialsTester does. A credential without a
 * declarative `test` is tested by the node function its `testedBy` names (see
 * nodeTestFunction). A declarative `test` runs (n8n 1.123 and
 * 2.41, packages/cli/src/services/credentials-tester.service.ts) does: n8n-core's RoutingNode
 * sends `test.request` as the one routed property of a temporary node, through n8n's HTTP
 * helper with the credential's `authenticate`; then a thrown error is read by the
 * `responseCode` rules (or reported as n8n reports it), and a 2xx answer by the
 * `responseSuccessBody` rules in order: the first whose `key` equals its `value` in the
 * answer fails the test with its message.
 */
import get from 'lodash/get';
import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, ICredentialTestFunction, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { Ihuyi } from '../../nodes/Ihuyi/Ihuyi.node';
import { IhuyiTrigger } from '../../nodes/IhuyiTrigger/IhuyiTrigger.node';
import { Jiazhiyuan } from '../../nodes/Jiazhiyuan/Jiazhiyuan.node';
import { JiazhiyuanTrigger } from '../../nodes/JiazhiyuanTrigger/JiazhiyuanTrigger.node';
import { getCredentialType, withCredentialDefaults } from './credentialStore';
import { registerNodeType, runNode } from './n8nHarness';

/** The package's nodes, where n8n looks for a `testedBy` when a credential has no `test`. */
const PACKAGE_NODES: INodeType[] = [new Ihuyi(), new IhuyiTrigger(), new Jiazhiyuan(), new JiazhiyuanTrigger()];

/**
 * n8n's CredentialsTester.getCredentialTestFunction: the credential's own `test` first; else
 * the first node that uses the credential with a `testedBy` naming one of its
 * `methods.credentialTest`. That function is called on a CredentialTestContext with the
 * decrypted credential (defaults applied), and its result is what the editor shows.
 */
function nodeTestFunction(credentialType: string): ICredentialTestFunction | undefined {
	for (const node of PACKAGE_NODES) {
		for (const { name, testedBy } of node.description.credentials ?? []) {
			if (name === credentialType && typeof testedBy === 'string') return node.methods?.credentialTest?.[testedBy];
		}
	}
	return undefined;
}

const PROBE = 'credentialTestProbe';

/** The temporary node n8n builds: the credential, and one property routed to the test request. */
function routedTestNode(credentialType: string): INodeType {
	return {
		description: {
			displayName: 'Temp',
			name: PROBE,
			group: ['transform'],
			version: 1,
			description: 'The credential test request',
			defaults: { name: 'Temp' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: getCredentialType(credentialType).test!.request } },
			],
		},
	};
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export async function testCredential(credentialType: string, data: ICredentialDataDecryptedObject): Promise<CredentialTestResult> {
	const test = getCredentialType(credentialType).test;
	if (!test) {
		const testFunction = nodeTestFunction(credentialType);
		if (!testFunction) return { status: 'Error', message: 'No testing function found for this credential.' };
		const decrypted = { id: 'credential-under-test', name: 'Test', type: credentialType, data: withCredentialDefaults(credentialType, data) };
		return (await testFunction.call(new CredentialTestContext(), decrypted)) as CredentialTestResult;
	}
	const routed = routedTestNode(credentialType);
	const decrypted = { id: 'credential-under-test', name: 'Test', type: credentialType, data: withCredentialDefaults(credentialType, data) };
	let response: INodeExecutionData[][] | undefined;
	// n8n runs RoutingNode on an ExecuteContext of the temporary node; the probe's own
	// execute context is that object, built by n8n-core's WorkflowExecute.
	registerNodeType({
		description: routed.description,
		async execute(this: IExecuteFunctions) {
			response = await new RoutingNode(this as unknown as ExecuteContext, routed, decrypted).runNode();
			return [[{ json: {} }]];
		},
	});
	const { error } = await runNode({ type: PROBE, parameters: {}, credentials: { [credentialType]: data } });
	if (error) return asN8nReportsIt(error, test.rules ?? []);
	const answer = response![0][0].json;
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && get(answer, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

type Rules = NonNullable<ReturnType<typeof getCredentialType>['test']>['rules'];

function asN8nReportsIt(error: unknown, rules: NonNullable<Rules>): CredentialTestResult {
	const { cause, message } = error as { cause?: { response?: { status: number; statusText?: string }; code?: string }; message: string };
	if (cause?.response) {
		const { status, statusText } = cause.response;
		for (const rule of rules) {
			if (rule.type === 'responseCode' && rule.properties.value === status) return { status: 'Error', message: rule.properties.message };
		}
		if (status < 199 || status > 299) return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
	} else if (cause?.code) {
		return { status: 'Error', message: cause.code };
	}
	return { status: 'Error', message: String(message) };
}
