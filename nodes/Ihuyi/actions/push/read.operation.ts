import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../common/optionsCollection';
import type { SmsReceipt } from '../../../common/receipt';
import { answerAsOutput, oneCallPerItem } from '../../../common/runner/operation';
import { runOperation } from '../../../common/runner/runOperation';
import { unsubscribeKeywordsOption } from '../../../common/unsubscribeKeywordsOption';
import { pushSettingsProperties, readPushSettings } from '../../push/pushSettings';
import { expectedToken, tokenMatches, TOKEN_CREDENTIAL_TYPE } from '../../push/pushToken';
import type { ExpectedToken } from '../../push/pushToken';
import { readPush } from '../../push/readPush';

const properties: INodeProperties[] = [
	{
		displayName:
			'Put this node right after n8n\'s Webhook node (HTTP Method POST, Respond Immediately, Response Data "success", response header Content-Type text/plain) whose Production URL is bound in the ihuyi console. The Webhook node answers before this node runs: a request refused here was answered "success" too, and becomes an error item. The Ihuyi Trigger checks a push before it answers.',
		name: 'readPushNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'None', value: 'none', description: 'Every push is read (limit senders with the Webhook node\'s IP(s) Allowlist)' },
			{
				name: 'Secret Token',
				value: 'secretToken',
				description: 'Pushes must carry ?token=… from an Ihuyi Trigger Token credential in the Webhook URL; others become error items',
			},
		],
		default: 'none',
		description: 'How the node tells ihuyi\'s pushes from other requests; ihuyi signs nothing',
	},
	...pushSettingsProperties('become items', 'dropped (no item)'),
	optionsCollection([unsubscribeKeywordsOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['push'], operation: ['read'] } }, properties);

/** What n8n's Webhook node (v2) puts in its item: the request's headers, query and parsed body. */
interface WebhookItem {
	headers?: IDataObject;
	query?: IDataObject;
	body?: unknown;
}

/**
 * Push → Read: the item of n8n's Webhook node, as it received one of ihuyi's pushes, becomes
 * exactly the item the Ihuyi Trigger emits for the same push (the same reader, ../../push).
 * A push the settings leave out gives no item; a request that is not a push fails, naming
 * the item and the field. Nothing is sent anywhere, so every item is read before any output.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const expected = await expectedToken(this.getNodeParameter('authentication', 0, 'none'), async () => await this.getCredentials(TOKEN_CREDENTIAL_TYPE, 0));
	return await runOperation(this, items, {
		validate: (itemIndex) => readItem(this, items[itemIndex].json as WebhookItem, itemIndex, expected),
		// No provider call: the "send" of an item is handing on what it read.
		plan: (inputs, valid) => oneCallPerItem(inputs, valid),
		send: async ({ input: receipt }): Promise<SmsReceipt | SmsReceipt[]> => receipt ?? [],
		output: answerAsOutput,
	});
}

function readItem(ctx: IExecuteFunctions, item: WebhookItem, itemIndex: number, expected: ExpectedToken): SmsReceipt | undefined {
	const node = ctx.getNode();
	if ('misconfigured' in expected) {
		throw new NodeOperationError(node, `Item ${itemIndex}: ${expected.misconfigured}`, {
			itemIndex,
			description: 'Open the Ihuyi Trigger Token credential and enter the token that the push URL in the ihuyi console carries as ?token=…',
		});
	}
	// Never shown: neither the expected token nor the one given.
	if (!tokenMatches(expected.token, item.query?.token)) {
		throw new NodeOperationError(node, `Item ${itemIndex}: Query parameter token is missing or not the one in the Ihuyi Trigger Token credential`, {
			itemIndex,
			description:
				'The push URL in the ihuyi console (短信设置 → 数据推送) must be the Webhook node\'s Production URL with ?token=<the credential\'s token> added. A request without it did not come from your ihuyi account.',
		});
	}
	const read = readPush(item.headers?.['content-type'], item.body, readPushSettings((name, fallback) => ctx.getNodeParameter(name, itemIndex, fallback)));
	if ('dropped' in read) return undefined;
	if ('refused' in read) {
		throw new NodeOperationError(node, `Item ${itemIndex}: ${read.refused.reason}`, { itemIndex, description: read.refused.status === 415 ? NOT_FORM : NOT_A_PUSH });
	}
	return read.receipt;
}

const NOT_FORM =
	'ihuyi posts its pushes form-encoded. Connect this node right after the Webhook node that receives them (HTTP Method POST): it reads that node\'s headers, query and body. A request with another body did not come from ihuyi.';

const NOT_A_PUSH =
	'ihuyi posts one delivery receipt (code, msg, mobilephone, smsid, report_time), reply (mobilephone, content, smsid, reply_time) or template audit (code, msg, templateid) per request, each field once. Connect this node right after the Webhook node that receives them, with its Raw Body option off so that the fields arrive in body. A request like this one did not come from ihuyi.';
