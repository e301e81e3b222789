import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as internationalSms from './actions/internationalSms';
import * as push from './actions/push';
import { router } from './actions/router';
import * as sms from './actions/sms';
import * as template from './actions/template';
import * as voiceCode from './actions/voiceCode';
import { testTriggerToken } from './push/pushToken';
import { ihuyiCredentialTest } from './transport/credentialTest';

/**
 * ihuyi (互亿无线): domestic SMS and its templates, international SMS and voice verification
 * codes. Each product has its own credential, because ihuyi gives each its own API ID and key.
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
			'Send SMS, international SMS and voice verification codes with ihuyi (互亿无线), submit SMS templates for review, and read ihuyi\'s pushes received by a Webhook node. Turn on the Dry Run option of a send to preview it: the normalised number, the content and the billed messages, with nothing sent.',
		defaults: { name: 'Ihuyi' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'ihuyiSmsApi', required: true, testedBy: 'ihuyiSmsApi', displayOptions: { show: { resource: ['sms', 'template'] } } },
			{ name: 'ihuyiInternationalSmsApi', required: true, testedBy: 'ihuyiInternationalSmsApi', displayOptions: { show: { resource: ['internationalSms'] } } },
			{ name: 'ihuyiVoiceApi', required: true, testedBy: 'ihuyiVoiceApi', displayOptions: { show: { resource: ['voiceCode'] } } },
			{ name: 'ihuyiTriggerTokenApi', required: true, testedBy: 'ihuyiTriggerToken', displayOptions: { show: { resource: ['push'], authentication: ['secretToken'] } } },
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'International SMS (国际短信)', value: 'internationalSms' },
					{ name: 'Push (推送)', value: 'push' },
					{ name: 'SMS (验证码通知短信)', value: 'sms' },
					{ name: 'SMS Template (短信模板)', value: 'template' },
					{ name: 'Voice Code (语音验证码)', value: 'voiceCode' },
				],
				default: 'sms',
			},
			...sms.description,
			...template.description,
			...internationalSms.description,
			...voiceCode.description,
			...push.description,
		],
	};

	// Balance queries of each product, named by the credential they test (the testedBy above);
	// the push token is checked as the Ihuyi Trigger checks it.
	methods = {
		credentialTest: {
			ihuyiSmsApi: ihuyiCredentialTest('sms'),
			ihuyiInternationalSmsApi: ihuyiCredentialTest('internationalSms'),
			ihuyiVoiceApi: ihuyiCredentialTest('voiceCode'),
			ihuyiTriggerToken: testTriggerToken,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
