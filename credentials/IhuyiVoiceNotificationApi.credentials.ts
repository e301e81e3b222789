import type { IAuthenticate, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { ihuyiCredential } from '../nodes/Ihuyi/transport/ihuyiCredential';

const parts = ihuyiCredential('voiceNotification');

/** API ID and key of ihuyi's Voice Notification product (语音通知). */
export class IhuyiVoiceNotificationApi implements ICredentialType {
	name = 'ihuyiVoiceNotificationApi';

	displayName = 'Ihuyi Voice Notification API';

	icon: Icon = { light: 'file:../nodes/Ihuyi/ihuyi.svg', dark: 'file:../nodes/Ihuyi/ihuyi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ihuyi-jiazhiyuan#ihuyi-credentials';

	properties: INodeProperties[] = parts.properties;

	authenticate: IAuthenticate = parts.authenticate;
}
