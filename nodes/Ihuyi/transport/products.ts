/**
 * The ihuyi products this package covers: the one list that the node's resources, its
 * credentials and their tests, Get Balance and the trigger's Product option are made from.
 * Each product has its own API ID and key in the ihuyi console, its own host and its own
 * error list, so every request names its product.
 */
export type IhuyiProduct = 'sms' | 'internationalSms' | 'voiceCode' | 'voiceNotification';

/** ihuyi's methods: Submit sends, GetNum reads the balance, AddTemplate files an SMS template. */
export type IhuyiMethod = 'Submit' | 'GetNum' | 'AddTemplate';

export interface IhuyiProductInfo {
	/** As the node's Resource and the trigger's Product options name it. */
	displayName: string;
	credentialType: string;
	/** How the credential names the product, and where the ihuyi console shows its API ID and key. */
	wording: { name: string; console: string; idPlaceholder: string };
	defaultBaseUrl: string;
	path: string;
	/** The answer's id element: documented as smsid, seen as ismsid / voiceid in the field. */
	idFields: string[];
	/** How an error names that id when a success comes without one. */
	idName: string;
	/** How the Operation selector names Get Balance, and what GetNum counts. */
	balance: { action: string; counts: string };
}

export const IHUYI_PRODUCTS: Record<IhuyiProduct, IhuyiProductInfo> = {
	sms: {
		displayName: 'SMS (验证码通知短信)',
		credentialType: 'ihuyiSmsApi',
		wording: { name: 'Domestic SMS', console: '验证码通知短信 (Verification/Notification SMS)', idPlaceholder: 'C12345678' },
		defaultBaseUrl: 'https://106.ihuyi.com',
		path: '/webservice/sms.php',
		idFields: ['smsid'],
		idName: 'message id (smsid)',
		balance: { action: 'Get the SMS balance', counts: 'domestic SMS' },
	},
	internationalSms: {
		displayName: 'International SMS (国际短信)',
		credentialType: 'ihuyiInternationalSmsApi',
		wording: { name: 'International SMS', console: '国际短信 (International SMS)', idPlaceholder: 'I12345678' },
		defaultBaseUrl: 'http://api.isms.ihuyi.com',
		path: '/webservice/isms.php',
		idFields: ['smsid', 'ismsid'],
		idName: 'message id (smsid)',
		balance: { action: 'Get the international SMS balance', counts: 'international SMS' },
	},
	voiceCode: {
		displayName: 'Voice Code (语音验证码)',
		credentialType: 'ihuyiVoiceApi',
		wording: { name: 'Voice Code', console: '语音验证码 (Voice Verification Code)', idPlaceholder: 'V12345678' },
		defaultBaseUrl: 'http://api.voice.ihuyi.com',
		path: '/webservice/voice.php',
		idFields: ['voiceid', 'smsid'],
		idName: 'call id (voiceid)',
		balance: { action: 'Get the voice code balance', counts: 'voice codes' },
	},
	voiceNotification: {
		displayName: 'Voice Notification (语音通知)',
		credentialType: 'ihuyiVoiceNotificationApi',
		wording: { name: 'Voice Notification', console: '语音通知 (Voice Notification)', idPlaceholder: 'VM12345678' },
		defaultBaseUrl: 'http://api.vm.ihuyi.com',
		path: '/webservice/voice.php',
		idFields: ['voiceid', 'smsid'],
		idName: 'call id (voiceid)',
		balance: { action: 'Get the voice notification balance', counts: 'voice notifications' },
	},
};

/** The products, in the order the node and the trigger list them. */
export const IHUYI_PRODUCT_NAMES = Object.keys(IHUYI_PRODUCTS) as IhuyiProduct[];
