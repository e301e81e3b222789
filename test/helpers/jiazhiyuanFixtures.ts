import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { base64Password } from '../../nodes/Jiazhiyuan/transport/encoding';
import { JIAZHIYUAN_TEST_ACCOUNT } from '../simulator/jiazhiyuan';

export function jiazhiyuanCredentials(
	simulator: { url: string },
	overrides: ICredentialDataDecryptedObject = {},
): Record<string, ICredentialDataDecryptedObject> {
	return { jiazhiyuanApi: { ...JIAZHIYUAN_TEST_ACCOUNT, baseUrl: simulator.url, smsType: '1', ...overrides } };
}

/** The password in every form that must never show up: plain, BASE64, URL-encoded BASE64. */
export const JIAZHIYUAN_SECRETS = [
	JIAZHIYUAN_TEST_ACCOUNT.password,
	base64Password(JIAZHIYUAN_TEST_ACCOUNT.password),
	encodeURIComponent(base64Password(JIAZHIYUAN_TEST_ACCOUNT.password)),
];

export const jzySend = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'send',
	mobiles: '13800138000',
	content: '【嘉之元】短信测试',
	smsType: 'default',
	...extra,
});

/** n distinct valid mainland mobiles starting at an offset. */
export function numbers(count: number, offset = 0): string[] {
	return Array.from({ length: count }, (_, index) => `135${String(index + offset).padStart(8, '0')}`);
}
