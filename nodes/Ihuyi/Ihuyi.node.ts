import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resources, router } from './actions/router';
import { testTriggerToken } from './push/pushToken';
import { ihuyiCredentialTest } from './transport/credentialTest';
import { IHUYI_PRODUCT_NAMES, IHUYI_PRODUCTS } from './transport/products';

const resourceList = Object.entries(resources).map(([value, resource]) => ({ value, ...resource }));

/**
 * ihuyi (互亿无线): domestic SMS and its templates, international SMS, voice verification
 * codes and voice notifications. Each product has its own credential, because ihuyi gives each its own API ID and key.
 * Push → Read reads ihuyi's pushes that n8n's Webhook node received, and needs no account.
 */
export class Ihuyi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ihuyi',
		name: 'ihuyi',
		icon: { light: 'file:ihuyi.svg', dark: 'file:ihuyi.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send SMS, international SMS, voice verification codes and voice notifications with ihuyi (互亿无线), submit SMS templates for review, and read ihuyi\'s pushes received by a Webhook node. Turn on the Dry Run option of a send to preview it: the normalised number, the content and the billed messages, with nothing sent.',
		defaults: { name: 'Ihuyi' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Written out, not made from the product list: n8n's community-node checks read them as
		// written, to see that every credential is tested (testedBy).
		credentials: [
			{ name: 'ihuyiSmsApi', required: true, testedBy: 'ihuyiSmsApi', displayOptions: { show: { resource: ['sms', 'template'] } } },
			{ name: 'ihuyiInternationalSmsApi', required: true, testedBy: 'ihuyiInternationalSmsApi', displayOptions: { show: { resource: ['internationalSms'] } } },
			{ name: 'ihuyiVoiceApi', required: true, testedBy: 'ihuyiVoiceApi', displayOptions: { show: { resource: ['voiceCode'] } } },
			{ name: 'ihuyiVoiceNotificationApi', required: true, testedBy: 'ihuyiVoiceNotificationApi', displayOptions: { show: { resource: ['voiceNotification'] } } },
			{ name: 'ihuyiTriggerTokenApi', required: true, testedBy: 'ihuyiTriggerToken', displayOptions: { show: { resource: ['push'], authentication: ['secretToken'] } } },
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceList.map(({ displayName, value }) => ({ name: displayName, value })),
				default: 'sms',
			},
			...resourceList.flatMap((resource) => resource.description),
		],
	};

	// A balance query of each product, named by the credential it tests (the testedBy above);
	// the push token is checked as the Ihuyi Trigger checks it.
	methods = {
		credentialTest: {
			...Object.fromEntries(IHUYI_PRODUCT_NAMES.map((product) => [IHUYI_PRODUCTS[product].credentialType, ihuyiCredentialTest(product)])),
			ihuyiTriggerToken: testTriggerToken,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
