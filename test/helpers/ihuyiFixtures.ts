import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { IHUYI_SIM_BASE_PATHS, IHUYI_TEST_ACCOUNTS } from '../simulator/ihuyi';
import type { Simulator } from '../simulator/server';

export const IHUYI_CREDENTIAL_TYPES = {
	sms: 'ihuyiSmsApi',
	internationalSms: 'ihuyiInternationalSmsApi',
	voiceCode: 'ihuyiVoiceApi',
	voiceNotification: 'ihuyiVoiceNotificationApi',
} as const;

/** Credentials of all four products pointing at the simulator. */
export function ihuyiCredentials(
	simulator: Pick<Simulator, 'url'>,
	overrides: Partial<Record<keyof typeof IHUYI_CREDENTIAL_TYPES, ICredentialDataDecryptedObject>> = {},
	signing: 'dynamicPassword' | 'plainApiKey' = 'dynamicPassword',
): Record<string, ICredentialDataDecryptedObject> {
	const result: Record<string, ICredentialDataDecryptedObject> = {};
	for (const [product, type] of Object.entries(IHUYI_CREDENTIAL_TYPES)) {
		const key = product as keyof typeof IHUYI_CREDENTIAL_TYPES;
		result[type] = { ...IHUYI_TEST_ACCOUNTS[key], signing, baseUrl: `${simulator.url}${IHUYI_SIM_BASE_PATHS[key] ?? ''}`, ...(overrides[key] ?? {}) };
	}
	return result;
}

export const ALL_IHUYI_KEYS = Object.values(IHUYI_TEST_ACCOUNTS).map((account) => account.apiKey);

export const smsSend = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'send',
	sendMode: 'fullText',
	mobile: '13800138000',
	content: '您的验证码是：1234。请不要把验证码泄露给其他人。',
	...extra,
});
