import type { IAuthenticate, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { ihuyiCredential } from '../nodes/Ihuyi/transport/ihuyiCredential';

const parts = ihuyiCredential('internationalSms');

/** API ID and key of ihuyi's International SMS product (国际短信). */
export class IhuyiInternationalSmsApi implements ICredentialType {
	name = 'ihuyiInternationalSmsApi';

	displayName = 'Ihuyi International SMS API';

	icon: Icon = { light: 'file:../nodes/Ihuyi/ihuyi.svg', dark: 'file:../nodes/Ihuyi/ihuyi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ihuyi-jiazhiyuan#ihuyi-credentials';

	properties: INodeProperties[] = parts.properties;

	authenticate: IAuthenticate = parts.authenticate;
}
