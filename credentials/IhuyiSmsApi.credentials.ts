import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { ihuyiCredentialTest } from '../nodes/Ihuyi/transport/credentialTest';
import { signIhuyiRequest } from '../nodes/Ihuyi/transport/signing';

/** API ID and key of ihuyi's Domestic SMS product (验证码通知短信). */
export class IhuyiSmsApi implements ICredentialType {
	name = 'ihuyiSmsApi';

	displayName = 'Ihuyi SMS API';

	icon: Icon = { light: 'file:../nodes/Ihuyi/ihuyi.svg', dark: 'file:../nodes/Ihuyi/ihuyi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ihuyi-jiazhiyuan#ihuyi-credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'Find the API ID and API key in the ihuyi console under 验证码通知短信 (Verification/Notification SMS) → 产品总览 (Product Overview). Each product has its own pair.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API ID',
			name: 'apiId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. C12345678',
			description: 'The APIID of the Domestic SMS product',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The APIKEY of the Domestic SMS product',
		},
		{
			displayName: 'Signing',
			name: 'signing',
			type: 'options',
			options: [
				{
					name: 'Dynamic Password',
					value: 'dynamicPassword',
					description:
						'Sign every request with an MD5 of the API key and a timestamp; the key itself never leaves n8n',
				},
				{
					name: 'Plain API Key',
					value: 'plainApiKey',
					description: 'Send the API key as the password, for resellers without dynamic passwords',
				},
			],
			default: 'dynamicPassword',
			description: 'How requests prove they come from you',
		},
		{
			displayName: 'Signature (for Segment Count)',
			name: 'signature',
			type: 'string',
			default: '',
			placeholder: 'e.g. 互亿无线',
			description:
				'Optional: your approved signature (签名) without 【】. ihuyi adds it to every message and bills it, so every send counts it in Segments. It is never sent.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://106.ihuyi.com',
			placeholder: 'e.g. https://106.ihuyi.com',
			description:
				'The ihuyi host for Domestic SMS. Change it only for a reseller running the ihuyi platform; the path /webservice/sms.php is added to it.',
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		await signIhuyiRequest(credentials, requestOptions, 'https://106.ihuyi.com');

	test: ICredentialTestRequest = ihuyiCredentialTest('sms');
}
