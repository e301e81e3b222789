import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { ihuyiCredentialTest } from '../nodes/Ihuyi/transport/credentialTest';
import { signIhuyiRequest } from '../nodes/Ihuyi/transport/signing';

/** API ID and key of ihuyi's International SMS product (国际短信). */
export class IhuyiInternationalSmsApi implements ICredentialType {
	name = 'ihuyiInternationalSmsApi';

	displayName = 'Ihuyi International SMS API';

	icon: Icon = { light: 'file:../nodes/Ihuyi/ihuyi.svg', dark: 'file:../nodes/Ihuyi/ihuyi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ihuyi-jiazhiyuan#ihuyi-credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'Find the API ID and API key in the ihuyi console under 国际短信 (International SMS) → 产品总览 (Product Overview). Each product has its own pair.',
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
			placeholder: 'e.g. I12345678',
			description: 'The APIID of the International SMS product',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The APIKEY of the International SMS product',
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
			default: 'http://api.isms.ihuyi.com',
			placeholder: 'e.g. http://api.isms.ihuyi.com',
			description:
				'The ihuyi host for International SMS. Change it only for a reseller running the ihuyi platform; the path /webservice/isms.php is added to it.',
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		await signIhuyiRequest(credentials, requestOptions, 'http://api.isms.ihuyi.com');

	test: ICredentialTestRequest = ihuyiCredentialTest('internationalSms');
}
