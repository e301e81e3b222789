/**
 * The three ihuyi products this package covers. Each has its own API ID and key in the
 * ihuyi console, its own host and its own error list, so every request names its product.
 */
export type IhuyiProduct = 'sms' | 'internationalSms' | 'voiceCode';

/** ihuyi's methods: Submit sends, GetNum reads the balance, AddTemplate files an SMS template. */
export type IhuyiMethod = 'Submit' | 'GetNum' | 'AddTemplate';

export interface IhuyiProductInfo {
	credentialType: string;
	defaultBaseUrl: string;
	path: string;
	/** The answer's id element: documented as smsid, seen as ismsid / voiceid in the field. */
	idFields: string[];
}

export const IHUYI_PRODUCTS: Record<IhuyiProduct, IhuyiProductInfo> = {
	sms: {
		credentialType: 'ihuyiSmsApi',
		defaultBaseUrl: 'https://106.ihuyi.com',
		path: '/webservice/sms.php',
		idFields: ['smsid'],
	},
	internationalSms: {
		credentialType: 'ihuyiInternationalSmsApi',
		defaultBaseUrl: 'http://api.isms.ihuyi.com',
		path: '/webservice/isms.php',
		idFields: ['smsid', 'ismsid'],
	},
	voiceCode: {
		credentialType: 'ihuyiVoiceApi',
		defaultBaseUrl: 'http://api.voice.ihuyi.com',
		path: '/webservice/voice.php',
		idFields: ['voiceid', 'smsid'],
	},
};
