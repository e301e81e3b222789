import type { IAuthenticate, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { ihuyiCredential } from '../nodes/Ihuyi/transport/ihuyiCredential';

const parts = ihuyiCredential('voiceCode');

/** API ID and key of ihuyi's Voice Code product (语音验证码). */
export class IhuyiVoiceApi implements ICredentialType {
	name = 'ihuyiVoiceApi';

	displayName = 'Ihuyi Voice Code API';

	icon: Icon = { light: 'file:../nodes/Ihuyi/ihuyi.svg', dark: 'file:../nodes/Ihuyi/ihuyi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ihuyi-jiazhiyuan#ihuyi-credentials';

	properties: INodeProperties[] = parts.properties;

	authenticate: IAuthenticate = parts.authenticate;
}
