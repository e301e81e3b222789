import type { IAuthenticate, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { jiazhiyuanCredentialTest } from '../nodes/Jiazhiyuan/transport/credentialTest';
import { authenticateJiazhiyuan } from '../nodes/Jiazhiyuan/transport/authenticate';
import { SMS_TYPES } from '../nodes/Jiazhiyuan/transport/smsTypes';

/**
 * Jiazhiyuan (嘉之元, jzyyun) account. The API wants the password BASE64-encoded: enter it
 * plain here, the node encodes it. Tested with a balance query.
 */
export class JiazhiyuanApi implements ICredentialType {
	name = 'jiazhiyuanApi';

	displayName = 'Jiazhiyuan API';

	icon: Icon = { light: 'file:../nodes/Jiazhiyuan/jiazhiyuan.svg', dark: 'file:../nodes/Jiazhiyuan/jiazhiyuan.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ihuyi-jiazhiyuan#jiazhiyuan-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The account name (用户名) you log in to the Jiazhiyuan platform with',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The plain account password (密码); it is sent BASE64-encoded, as the API requires (Change Password first sends the old password as written, as the vendor document shows for that method)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://smsapi.jzyyun.com:9003',
			placeholder: 'e.g. http://smsapi.jzyyun.com:9003',
			description:
				'The platform address with its port. Resellers run the same platform on other hosts and ports; /servlet/UserServiceAPI is added.',
		},
		{
			displayName: 'Default SMS Type',
			name: 'smsType',
			type: 'options',
			options: SMS_TYPES,
			default: '1',
			description: 'Which balance sends use unless the node says otherwise (smstype); each type has its own balance',
		},
	];

	authenticate: IAuthenticate = authenticateJiazhiyuan;

	test: ICredentialTestRequest = jiazhiyuanCredentialTest;
}
