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

/** API ID and key of ihuyi's Voice Code (语音验证码) product. */
export class IhuyiVoiceApi implements ICredentialType {
	name = 'ihuyiVoiceApi';

	displayName = 'ihuyi Voice Code API';

	icon: Icon = { light: 'file:../nodes/Ihuyi/ihuyi.svg', dark: 'file:../nodes/Ihuyi/ihuyi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ihuyi-jiazhiyuan#ihuyi-credentials';

	properties: INodeProperties[] = ihuyiCredentialProperties('voiceCode');

	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		await signIhuyiRequest(credentials, requestOptions, IHUYI_PRODUCTS.voiceCode.defaultBaseUrl);

	test: ICredentialTestRequest = ihuyiCredentialTest('voiceCode');
}
