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

/** API ID and key of ihuyi's International SMS (国际短信) product. */
export class IhuyiInternationalSmsApi implements ICredentialType {
	name = 'ihuyiInternationalSmsApi';

	displayName = 'ihuyi International SMS API';

	icon: Icon = { light: 'file:../nodes/Ihuyi/ihuyi.svg', dark: 'file:../nodes/Ihuyi/ihuyi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ihuyi-jiazhiyuan#ihuyi-credentials';

	properties: INodeProperties[] = ihuyiCredentialProperties('internationalSms');

	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		await signIhuyiRequest(credentials, requestOptions, IHUYI_PRODUCTS.internationalSms.defaultBaseUrl);

	test: ICredentialTestRequest = ihuyiCredentialTest('internationalSms');
}
