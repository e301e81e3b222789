import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as internationalSms from './actions/internationalSms';
import { router } from './actions/router';
import * as sms from './actions/sms';
import * as template from './actions/template';
import * as voiceCode from './actions/voiceCode';
import { ihuyiCredentialTest } from './transport/credentialTest';

/**
 * ihuyi (互亿无线): domestic SMS and its templates, international SMS and voice verification
 * codes. Each product has its own credential, because ihuyi gives each its own API ID and key.
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
			'Send SMS, international SMS and voice verification codes with ihuyi (互亿无线), and submit SMS templates for review. Turn on the Dry Run option of a send to preview it: the normalised number, the content and the billed messages, with nothing sent.',
		defaults: { name: 'Ihuyi' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'ihuyiSmsApi', required: true, testedBy: 'ihuyiSmsApi', displayOptions: { show: { resource: ['sms', 'template'] } } },
			{ name: 'ihuyiInternationalSmsApi', required: true, testedBy: 'ihuyiInternationalSmsApi', displayOptions: { show: { resource: ['internationalSms'] } } },
			{ name: 'ihuyiVoiceApi', required: true, testedBy: 'ihuyiVoiceApi', displayOptions: { show: { resource: ['voiceCode'] } } },
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'SMS (验证码通知短信)', value: 'sms' },
					{ name: 'SMS Template (短信模板)', value: 'template' },
					{ name: 'International SMS (国际短信)', value: 'internationalSms' },
					{ name: 'Voice Code (语音验证码)', value: 'voiceCode' },
				],
				default: 'sms',
			},
			...sms.description,
			...template.description,
			...internationalSms.description,
			...voiceCode.description,
		],
	};

	// Balance queries of each product, named by the credential they test (the testedBy above).
	methods = {
		credentialTest: {
			ihuyiSmsApi: ihuyiCredentialTest('sms'),
			ihuyiInternationalSmsApi: ihuyiCredentialTest('internationalSms'),
			ihuyiVoiceApi: ihuyiCredentialTest('voiceCode'),
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
