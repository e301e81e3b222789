/**
 * The three ihuyi products this package covers. Each has its own API ID and key in the
 * ihuyi console, its own host and its own error list, so every request names its product.
 */
export type IhuyiProduct = 'sms' | 'internationalSms' | 'voiceCode';

export interface IhuyiProductInfo {
	product: IhuyiProduct;
	label: string;
	/** Where the user finds the API ID and key: console module name, as ihuyi writes it. */
	consoleModule: string;
	credentialType: string;
	defaultBaseUrl: string;
	path: string;
	/** The answer's id element: documented as smsid, seen as ismsid / voiceid in the field. */
	idFields: string[];
}

export const IHUYI_PRODUCTS: Record<IhuyiProduct, IhuyiProductInfo> = {
	sms: {
		product: 'sms',
		label: 'Domestic SMS',
		consoleModule: '验证码通知短信 (Verification/Notification SMS)',
		credentialType: 'ihuyiSmsApi',
		defaultBaseUrl: 'https://106.ihuyi.com',
		path: '/webservice/sms.php',
		idFields: ['smsid'],
	},
	internationalSms: {
		product: 'internationalSms',
		label: 'International SMS',
		consoleModule: '国际短信 (International SMS)',
		credentialType: 'ihuyiInternationalSmsApi',
		defaultBaseUrl: 'http://api.isms.ihuyi.com',
		path: '/webservice/isms.php',
		idFields: ['smsid', 'ismsid'],
	},
	voiceCode: {
		product: 'voiceCode',
		label: 'Voice Code',
		consoleModule: '语音验证码 (Voice Verification Code)',
		credentialType: 'ihuyiVoiceApi',
		defaultBaseUrl: 'http://api.voice.ihuyi.com',
		path: '/webservice/voice.php',
		idFields: ['voiceid', 'smsid'],
	},
};
