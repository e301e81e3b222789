/**
 * Runs a polling trigger's `poll()` through n8n-core's real PollContext, as n8n's poll
 * scheduler does, with one Workflow object kept across polls so that the node's static data
 * carries over from one poll to the next.
 */
import { PollContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INode, INodeExecutionData, INodeParameters, INodeType, INodeTypes, IWorkflowExecuteAdditionalData, WorkflowExecuteMode } from 'n8n-workflow';

import { createCredentialsHelper } from './credentialStore';

export interface Poller {
	poll(mode?: WorkflowExecuteMode): Promise<INodeExecutionData[][] | null>;
	staticData(): Record<string, unknown>;
}

export function createPoller(nodeType: INodeType, parameters: INodeParameters, credentials: Record<string, ICredentialDataDecryptedObject>): Poller {
	const node: INode = {
		id: 'poller-under-test',
		name: 'Poller Under Test',
		type: `n8n-nodes-ihuyi-jiazhiyuan.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: `${type}-id`, name: type }])),
	};
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const workflow = new Workflow({ id: 'poll-test', nodes: [node], connections: {}, nodeTypes, active: true, settings: {} });
	const additionalData = {
		credentialsHelper: createCredentialsHelper(credentials),
		executionId: 'poll',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return {
		async poll(mode: WorkflowExecuteMode = 'trigger') {
			const context = new PollContext(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : 'init');
			return await nodeType.poll!.call(context);
		},
		staticData: () => workflow.getStaticData('node', node) as Record<string, unknown>,
	};
}
