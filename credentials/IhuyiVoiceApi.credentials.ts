import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { ihuyiCredentialTest } from '../nodes/Ihuyi/transport/credentialTest';
import { signIhuyiRequest } from '../nodes/Ihuyi/transport/signing';

/** API ID and key of ihuyi's Voice Code product (语音验证码). */
export class IhuyiVoiceApi implements ICredentialType {
	name = 'ihuyiVoiceApi';

	displayName = 'Ihuyi Voice Code API';

	icon: Icon = { light: 'file:../nodes/Ihuyi/ihuyi.svg', dark: 'file:../nodes/Ihuyi/ihuyi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ihuyi-jiazhiyuan#ihuyi-credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'Find the API ID and API key in the ihuyi console under 语音验证码 (Voice Verification Code) → 产品总览 (Product Overview). Each product has its own pair.',
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
			placeholder: 'e.g. V12345678',
			description: 'The APIID of the Voice Code product',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The APIKEY of the Voice Code product',
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
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://api.voice.ihuyi.com',
			placeholder: 'e.g. http://api.voice.ihuyi.com',
			description:
				'The ihuyi host for Voice Code. Change it only for a reseller running the ihuyi platform; the path /webservice/voice.php is added to it.',
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		await signIhuyiRequest(credentials, requestOptions, 'http://api.voice.ihuyi.com');

	test: ICredentialTestRequest = ihuyiCredentialTest('voiceCode');
}
