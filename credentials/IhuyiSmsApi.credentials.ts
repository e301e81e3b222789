import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	ihuyiCredentialProperties,
	ihuyiCredentialTest,
} from '../nodes/Ihuyi/transport/credentialDescription';
import { IHUYI_PRODUCTS } from '../nodes/Ihuyi/transport/products';
import { signIhuyiRequest } from '../nodes/Ihuyi/transport/signing';

/** API ID and key of ihuyi's Domestic SMS (验证码通知短信) product. */
export class IhuyiSmsApi implements ICredentialType {
	name = 'ihuyiSmsApi';

	displayName = 'ihuyi SMS API';

	icon: Icon = { light: 'file:../nodes/Ihuyi/ihuyi.svg', dark: 'file:../nodes/Ihuyi/ihuyi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ihuyi-jiazhiyuan#ihuyi-credentials';

	properties: INodeProperties[] = ihuyiCredentialProperties('sms');

	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		await signIhuyiRequest(credentials, requestOptions, IHUYI_PRODUCTS.sms.defaultBaseUrl);

	test: ICredentialTestRequest = ihuyiCredentialTest('sms');
}
