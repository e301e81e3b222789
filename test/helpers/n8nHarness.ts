/**
 * Runs our nodes through n8n's own execution engine (n8n-core's WorkflowExecute on an
 * n8n-workflow Workflow), as n8n's internal NodeTestHarness does: parameters and
 * expressions are resolved by n8n, requests go through n8n's real HTTP helper, and the
 * credential's `authenticate` signs them. Only the credential store is ours (see
 * credentialStore).
 */
import { WorkflowExecute, ExecutionLifecycleHooks } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	ExecutionError,
} from 'n8n-workflow';

import { Ihuyi } from '../../nodes/Ihuyi/Ihuyi.node';
import { Jiazhiyuan } from '../../nodes/Jiazhiyuan/Jiazhiyuan.node';
import { createCredentialsHelper } from './credentialStore';

/** Node types by name; other suites register theirs with `registerNodeType`. */
const nodeTypes = new Map<string, INodeType>([
	['ihuyi', new Ihuyi()],
	['jiazhiyuan', new Jiazhiyuan()],
]);

export function registerNodeType(type: INodeType): void {
	nodeTypes.set(type.description.name, type);
}

/**
 * n8n stores a failed node's error in the run data as plain data; tests also want the error
 * object the node threw (its class, `cause`, `failure`), so the registry hands out the node
 * type with `execute` observed: the thrown error is recorded and rethrown unchanged.
 */
function observedRegistry(record: (error: unknown) => void, started: () => void): INodeTypes {
	const observed = (name: string): INodeType => {
		const type = lookup(name);
		if (!type.execute) return type;
		const execute = type.execute;
		return Object.assign(Object.create(type) as INodeType, {
			description: type.description,
			async execute(this: unknown, ...args: unknown[]) {
				started();
				try {
					return await (execute as (...a: unknown[]) => unknown).apply(this, args);
				} catch (error) {
					record(error);
					throw error;
				}
			},
		});
	};
	return {
		getByName: observed,
		getByNameAndVersion: observed,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
}

function lookup(name: string): INodeType {
	const short = name.replace(/^.*\./, '');
	const type = nodeTypes.get(short);
	if (!type) throw new Error(`unknown node type ${name}`);
	return type;
}


export interface RunNodeOptions {
	/** Node type name, e.g. "ihuyi". */
	type: string;
	parameters: INodeParameters;
	/** Credential type → decrypted data. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Input items (default: one empty item). */
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** n8n's node setting On Error; `continueOnFail: true` is "Continue (regular output)". */
	onError?: INode['onError'];
	/** n8n's node setting Retry On Fail, with its Max Tries (n8n waits 1 ms between tries here). */
	retryOnFail?: { maxTries: number };
}

export interface RunNodeResult {
	/** Output items of the node's first output, or [] when it failed. */
	items: INodeExecutionData[];
	/** Items n8n routed to the error output ("Continue (using error output)"). */
	errorItems: INodeExecutionData[];
	/** How many times n8n ran the node's execute() (more than once with Retry On Fail). */
	tries: number;
	/** The error the node threw, when the execution failed. */
	error?: ExecutionError;
	/** The error as n8n recorded it in the run data (what the editor shows). */
	recordedError?: unknown;
	run: IRun;
}

/** Executes one node of our package on the given items and returns what n8n recorded. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const nodeType = lookup(options.type);
	const credentials: INode['credentials'] = {};
	for (const credential of nodeType.description.credentials ?? []) {
		if (options.credentials?.[credential.name]) {
			credentials[credential.name] = { id: `${credential.name}-id`, name: `Test ${credential.name}` };
		}
	}
	const node: INode = {
		id: 'node-under-test',
		name: 'Node Under Test',
		type: `n8n-nodes-ihuyi-jiazhiyuan.${options.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials,
		onError: options.onError ?? (options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow'),
		...(options.retryOnFail ? { retryOnFail: true, maxTries: options.retryOnFail.maxTries, waitBetweenTries: 1 } : {}),
	};
	let thrown: unknown;
	let tries = 0;
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		nodeTypes: observedRegistry(
			(error) => (thrown = error),
			() => {
				// Only the last try's error counts: an earlier one was retried.
				tries++;
				thrown = undefined;
			},
		),
		active: false,
		settings: {},
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		name: 'Test',
		active: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let resolveRun: (run: IRun) => void = () => undefined;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const additionalData = {
		credentialsHelper: createCredentialsHelper(options.credentials ?? {}),
		hooks,
		executionId: 'test-execution',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => undefined,
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
		startRunnerTask: async () => {
			throw new Error('task runners are not used in these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const items = options.items ?? [{ json: {} }];
	const runExecutionData = {
		version: 1,
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node, data: { main: [items] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: null,
		},
	} as unknown as IRunExecutionData;

	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execution.processRunExecutionData(workflow);
	const run = await finished;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		items: (taskData?.data?.main?.[0] as INodeExecutionData[] | undefined) ?? [],
		errorItems: node.onError === 'continueErrorOutput' ? ((taskData?.data?.main?.[1] as INodeExecutionData[] | undefined) ?? []) : [],
		tries,
		error: (thrown as ExecutionError | undefined) ?? taskData?.error ?? run.data.resultData.error,
		recordedError: taskData?.error ?? run.data.resultData.error,
		run,
	};
}

/** Every string in a value, deeply: for asserting that secrets appear nowhere. */
export function allText(value: unknown): string {
	const seen = new Set<unknown>();
	const parts: string[] = [];
	const visit = (current: unknown, depth: number) => {
		if (depth > 12 || current === null || current === undefined) return;
		if (typeof current === 'string') {
			parts.push(current);
			return;
		}
		if (typeof current !== 'object' && typeof current !== 'function') {
			parts.push(String(current));
			return;
		}
		if (seen.has(current)) return;
		seen.add(current);
		if (current instanceof Error) {
			parts.push(current.message, String(current.stack ?? ''));
		}
		for (const key of Object.getOwnPropertyNames(current)) {
			let child: unknown;
			try {
				child = (current as IDataObject)[key];
			} catch {
				continue;
			}
			parts.push(key);
			visit(child, depth + 1);
		}
	};
	visit(value, 0);
	return parts.join('\n');
}
