import type { IAuthenticate, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { ihuyiCredential } from '../nodes/Ihuyi/transport/ihuyiCredential';

const parts = ihuyiCredential('sms');

/** API ID and key of ihuyi's Domestic SMS product (验证码通知短信). */
export class IhuyiSmsApi implements ICredentialType {
	name = 'ihuyiSmsApi';

	displayName = 'Ihuyi SMS API';

	icon: Icon = { light: 'file:../nodes/Ihuyi/ihuyi.svg', dark: 'file:../nodes/Ihuyi/ihuyi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ihuyi-jiazhiyuan#ihuyi-credentials';

	properties: INodeProperties[] = parts.properties;

	authenticate: IAuthenticate = parts.authenticate;
}
