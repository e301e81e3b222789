/** The simulated ihuyi accounts: one per product, with fixed keys tests can look for. */
export type IhuyiSimProduct = 'sms' | 'internationalSms' | 'voiceCode' | 'voiceNotification';

export interface IhuyiSimAccount {
	apiId: string;
	apiKey: string;
	balance: number;
	frozen: boolean;
	/** When set, only these client addresses are accepted (ihuyi "IP 绑定" → 4052). */
	boundIps?: string[];
}

/** Test accounts; the keys are fixed so tests can assert they never leak. */
export const IHUYI_TEST_ACCOUNTS: Record<IhuyiSimProduct, { apiId: string; apiKey: string }> = {
	sms: { apiId: 'C80604386', apiKey: 'sk-sms-6c1f0e8a9b2d47f3a5e1' },
	internationalSms: { apiId: 'I52910734', apiKey: 'sk-isms-0d93b7c24e6a18f5b2c7' },
	voiceCode: { apiId: 'V37710520', apiKey: 'sk-voice-9a4e2f61c08b3d7e5f14' },
	voiceNotification: { apiId: 'M61830927', apiKey: 'sk-vm-3b7d1e90c5a24f68e2d9' },
};

/**
 * ihuyi serves voice notifications from their own host (api.vm.ihuyi.com) at the voice
 * code's path; the simulator serves them on its one port under this prefix, so a
 * credential's base URL is the simulator's URL with it.
 */
export const IHUYI_SIM_BASE_PATHS: Partial<Record<IhuyiSimProduct, string>> = { voiceNotification: '/vm' };

export function freshAccounts(): Record<IhuyiSimProduct, IhuyiSimAccount> {
	const make = (product: IhuyiSimProduct): IhuyiSimAccount => ({
		...IHUYI_TEST_ACCOUNTS[product],
		balance: 1000,
		frozen: false,
	});
	return { sms: make('sms'), internationalSms: make('internationalSms'), voiceCode: make('voiceCode'), voiceNotification: make('voiceNotification') };
}
