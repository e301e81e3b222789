import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { unsubscribeKeywordsOption } from '../common/unsubscribeKeywordsOption';
import { pushSettingsProperties, readPushSettings } from '../Ihuyi/push/pushSettings';
import { expectedToken, testTriggerToken, tokenMatches, TOKEN_CREDENTIAL_TYPE } from '../Ihuyi/push/pushToken';
import { readPush } from '../Ihuyi/push/readPush';
import { ipAllowed } from './protection';

interface PlainResponse {
	statusCode: number;
	setHeader(name: string, value: string): void;
	end(body: string): void;
}

/** ihuyi stops pushing a record once it reads exactly this body. */
const ACKNOWLEDGEMENT = 'success';

/**
 * Starts a workflow when ihuyi pushes a delivery receipt, a reply or a template audit
 * result. ihuyi pushes a record again (up to 3 times) until it reads exactly "success", and
 * never after, so "success" is a promise that the push was recorded. For a push that starts
 * the workflow the node does not answer itself: n8n answers with the description's
 * responseData once it has created the execution (queue mode: enqueued it; n8n 2.x), the
 * same path as n8n's own Webhook node. Pushes the filters drop are answered "success" here
 * with nothing to record; a request that is not a push gets a 4xx and starts nothing.
 */
export class IhuyiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ihuyi Trigger',
		name: 'ihuyiTrigger',
		icon: { light: 'file:../Ihuyi/ihuyi.svg', dark: 'file:../Ihuyi/ihuyi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when ihuyi (互亿无线) pushes a delivery receipt, a reply or a template audit',
		defaults: { name: 'Ihuyi Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'ihuyiTriggerTokenApi',
				required: true,
				testedBy: 'ihuyiTriggerToken',
				displayOptions: { show: { authentication: ['secretToken'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: ACKNOWLEDGEMENT,
				path: 'ihuyi',
			},
		],
		properties: [
			{
				displayName:
					'Copy the Production URL above (Webhook URLs) into the ihuyi console: 短信设置 → 数据推送 (push settings), as the receipt push URL (回执推送地址) and/or the reply push URL (上行推送地址). Activate the workflow, or ihuyi\'s pushes get a 404. The Test URL only works while the editor listens for a test event.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'None', value: 'none', description: 'Any request to the push URL is taken for a push (use Allowed IPs to limit it)' },
					{
						name: 'Secret Token',
						value: 'secretToken',
						description: 'Pushes must carry ?token=… from an Ihuyi Trigger Token credential, which n8n stores encrypted',
					},
				],
				default: 'none',
				description: 'How the trigger tells ihuyi\'s pushes from other requests; ihuyi signs nothing',
			},
			...pushSettingsProperties('start the workflow', 'acknowledged and dropped'),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						// Kept so that workflows made before the credential existed keep their token.
						displayName: 'Secret Token (Deprecated)',
						name: 'token',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							'Deprecated: stored unencrypted in the workflow. Set Authentication to Secret Token with an Ihuyi Trigger Token credential holding this value instead, then remove this option. Used only while Authentication is None.',
					},
					{
						displayName: 'Allowed IPs',
						name: 'allowedIps',
						type: 'string',
						default: '',
						placeholder: 'e.g. 203.0.113.10, 198.51.100.0/24',
						description:
							'Only accept pushes from these addresses (comma-separated, IPv4 CIDR ranges allowed). Behind a reverse proxy, set N8N_PROXY_HOPS so n8n sees the sender address.',
					},
					unsubscribeKeywordsOption,
				],
			},
		],
	};

	methods = {
		credentialTest: { ihuyiTriggerToken: testTriggerToken },
	};

	webhookMethods = {
		default: {
			// ihuyi has no API to register push URLs: the user pastes the URL in its console.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject() as unknown as PlainResponse;
		// n8n's own answer (res.send) keeps a Content-Type that is already set.
		response.setHeader('Content-Type', 'text/plain; charset=utf-8');
		const answer = (status: number, text: string): IWebhookResponseData => {
			response.statusCode = status;
			response.end(text);
			return { noWebhookResponse: true };
		};

		const options = this.getNodeParameter('options', {}) as IDataObject & { allowedIps?: string; token?: string };
		const query = (this.getQueryData() ?? {}) as IDataObject;
		const expected = await expectedToken(this.getNodeParameter('authentication', 'none'), async () => await this.getCredentials(TOKEN_CREDENTIAL_TYPE), options.token ?? '');
		if ('misconfigured' in expected) {
			// Never open the URL because a token is missing: ihuyi pushes again, up to 3 times.
			this.logger.error(`Ihuyi Trigger: ${expected.misconfigured}; pushes are refused until it has one`);
			return answer(500, expected.misconfigured);
		}
		if (!tokenMatches(expected.token, query.token)) return answer(403, 'forbidden');
		const address = String(request.ip ?? request.socket?.remoteAddress ?? '');
		if (!ipAllowed(options.allowedIps ?? '', address)) return answer(403, 'forbidden');

		const read = readPush(request.headers['content-type'], this.getBodyData(), readPushSettings((name, fallback) => this.getNodeParameter(name, fallback)));
		if ('refused' in read) return answer(read.refused.status, read.refused.reason);
		// Nothing to record: acknowledge now, otherwise ihuyi pushes it again.
		if ('dropped' in read) return answer(200, ACKNOWLEDGEMENT);
		return { workflowData: [[{ json: read.receipt }]] };
	}
}
