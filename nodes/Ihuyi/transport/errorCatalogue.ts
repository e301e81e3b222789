import type { FailureCause } from '../../common/errors';
import { DOMESTIC_SMS_MAX_CHARACTERS, INTERNATIONAL_SMS_MAX_CHARACTERS, VOICE_NOTIFICATION_MAX_CHARACTERS } from './contentLimits';
import type { IhuyiMethod, IhuyiProduct } from './products';

/**
 * Every status code ihuyi documents, per product: the lists differ (4070 is "bad signature"
 * for SMS but "code must be 4–6 digits" for voice). The Chinese text is the provider's; the
 * English explanation and the hint are ours. A code not listed here keeps the provider's
 * raw message.
 */
export interface IhuyiCodeInfo {
	zh: string;
	en: string;
	hint: string;
	cause?: FailureCause;
}

const WRONG_PRODUCT_HINT =
	'Each ihuyi product has its own API ID and API key: copy both from the product overview (产品总览) of the same product in the ihuyi console, and check that you did not use the SMS key for voice or international SMS.';

const COMMON: Record<string, IhuyiCodeInfo> = {
	'0': { zh: '提交失败', en: 'Submission failed', hint: 'ihuyi gave no reason. Try again later; if it persists, contact ihuyi support (400-880-8898).', cause: 'temporarily-unavailable' },
	'400': { zh: '非法ip访问', en: 'Access from this IP address is not allowed', hint: "Add the n8n server's public IP address to the IP binding (IP 绑定) in the ihuyi console, or remove the binding.", cause: 'configuration-invalid' },
	'401': { zh: '帐号不能为空', en: 'The API ID is empty', hint: 'Enter the API ID in the credential.', cause: 'credential-invalid' },
	'402': { zh: '密码不能为空', en: 'The API key is empty', hint: 'Enter the API key in the credential.', cause: 'credential-invalid' },
	'403': { zh: '手机号码不能为空', en: 'The mobile number is empty', hint: 'Map a mobile number into the Mobile field.' },
	'4030': { zh: '手机号码已被列入黑名单', en: 'The mobile number is on a blacklist', hint: 'The number is blocked on your account or on the platform; remove it from the blacklist in the ihuyi console if it was blocked by mistake.' },
	'405': { zh: 'API ID 或 API KEY 不正确', en: 'Wrong API ID or API key', hint: WRONG_PRODUCT_HINT, cause: 'credential-invalid' },
	'4050': { zh: '账号被冻结', en: 'The account is frozen', hint: 'Contact ihuyi support to unfreeze the account.', cause: 'credential-invalid' },
	'4051': { zh: '剩余条数不足', en: 'Not enough balance', hint: 'Top up the product in the ihuyi console (the balance is per product).', cause: 'quota-exhausted' },
	'4052': { zh: '访问ip与备案ip不符', en: 'The request came from an IP address that is not bound to the account', hint: "Add the n8n server's public IP address in the ihuyi console (IP 绑定), or remove the IP binding. n8n Cloud and other hosts with changing IPs need the binding removed.", cause: 'configuration-invalid' },
	'406': { zh: '手机格式不正确', en: 'The mobile number format is wrong', hint: 'Domestic SMS and voice codes take one 11-digit mainland mobile number, voice notifications also a fixed line with its area code (e.g. 02151234567); international SMS takes "<country code> <number>".' },
	'407': { zh: '短信内容含有敏感字符', en: 'The content contains words ihuyi does not allow', hint: 'Remove marketing, loan, lottery or other sensitive words, or file a template for them in the ihuyi console.' },
};

const SMS: Record<string, IhuyiCodeInfo> = {
	...COMMON,
	'404': { zh: '短信内容不能为空', en: 'The content is empty', hint: 'Enter the message content.' },
	'40501': { zh: '动态密码已过期', en: 'The dynamic password has expired', hint: "The n8n server's clock is probably wrong: synchronise it with NTP. Or switch the credential's signing to Plain API Key.", cause: 'credential-invalid' },
	'40502': { zh: '动态密码校验失败', en: 'The dynamic password does not match', hint: 'Check the API key in the credential (no spaces), and that a reseller base URL expects the same signing.', cause: 'credential-invalid' },
	'4070': { zh: '签名格式不正确', en: 'The signature format is wrong', hint: 'Do not put a 【signature】 in the content: ihuyi adds your approved signature itself.', cause: 'configuration-invalid' },
	'4071': { zh: '没有提交备案模板', en: 'No approved template', hint: 'File a template in the ihuyi console (模板管理). Trial accounts may only use the default template "您的验证码是：【变量】。请不要把验证码泄露给其他人。".', cause: 'configuration-invalid' },
	'4072': { zh: '提交的短信内容与审核通过的模板内容不匹配', en: 'The content does not match an approved template', hint: 'The content must match an approved template character for character, punctuation, full-width/half-width characters and spaces included; or use template mode with the template ID.', cause: 'configuration-invalid' },
	'40722': { zh: '变量内容超过指定的长度', en: 'A template variable is longer than allowed', hint: 'Shorten the variable (the limit, often 8 characters, is set per template).' },
	'4073': { zh: '短信内容超出长度限制', en: 'The content is too long', hint: `Keep the content within ${DOMESTIC_SMS_MAX_CHARACTERS} characters, the limit of ihuyi's domestic SMS document.` },
	'4074': { zh: '短信内容包含 emoji 符号', en: 'The content contains emoji', hint: 'Remove emoji from the content: carriers reject them.' },
	'4075': { zh: '签名未通过审核', en: 'The signature has not been approved', hint: 'Wait for the signature review or file another signature in the ihuyi console.', cause: 'configuration-invalid' },
	'408': { zh: '发送超限（[20]条），已加入黑名单，可登入平台解除', en: 'The number exceeded its send limit and was blacklisted', hint: 'Unblock the number in the ihuyi console, and stop the workflow from sending to it repeatedly.', cause: 'rate-limited' },
	'4080': { zh: '同一手机号码同一秒钟之内发送频率不能超过 1 条', en: 'Only one message per second per number', hint: 'Another run, workflow or system sent to this number within the same second (the node paces repeats within one run itself); send it again a second later.', cause: 'rate-limited' },
	'4082': { zh: '超出同一手机号一天之内【5】条短信限制', en: 'Daily message limit for this number reached', hint: 'The number has received its daily maximum; the limit resets tomorrow or can be changed in the ihuyi console.', cause: 'rate-limited' },
	'4085': { zh: '同一手机号验证码短信发送超出【5】条', en: 'Daily verification-code limit for this number reached', hint: 'The number has received its daily maximum of verification codes (default 5); the limit resets tomorrow or can be changed in the ihuyi console.', cause: 'rate-limited' },
	// Seen in the field, not in the documents.
	'4053': { zh: '用户不存在', en: 'The account does not exist', hint: WRONG_PRODUCT_HINT, cause: 'credential-invalid' },
	'4086': { zh: '手机操作过过于频繁', en: 'Too many requests for this number', hint: 'Slow down sends to this number.', cause: 'rate-limited' },
};

const INTERNATIONAL: Record<string, IhuyiCodeInfo> = {
	...COMMON,
	'404': SMS['404'],
	'405': { ...COMMON['405'], zh: '用户名或密码不正确' },
	'40501': SMS['40501'],
	'40502': SMS['40502'],
	'4071': { zh: '没有提交备案模板', en: 'No approved international template', hint: 'File an international SMS template (国际短信模版) in the ihuyi console.', cause: 'configuration-invalid' },
	'4072': { zh: '你提交过来短信内容必须与报备过的模板格式相匹配', en: 'The content does not match an approved template', hint: SMS['4072'].hint, cause: 'configuration-invalid' },
	'40722': { ...SMS['40722'], zh: '变量内容超过指的的长度' },
	'4073': { ...SMS['4073'], hint: `Shorten the content: this package sends at most ${INTERNATIONAL_SMS_MAX_CHARACTERS} characters, and ihuyi's international document states no limit of its own.` },
	'408': { zh: '您的帐户疑被恶意利用，已被自动冻结，如有疑问请与客服联系。', en: 'The account was frozen automatically on suspected abuse', hint: 'Contact ihuyi support.', cause: 'credential-invalid' },
};

const VOICE: Record<string, IhuyiCodeInfo> = {
	...COMMON,
	'404': { zh: '语音内容不能为空', en: 'The voice code is empty', hint: 'Enter a 4–6 digit code or let the node generate one.' },
	'405': { ...COMMON['405'], zh: '用户名或密码不正确' },
	'40501': SMS['40501'],
	'40502': SMS['40502'],
	'4070': { zh: '语音验证码内容必须为4-6位数字', en: 'The voice code must be 4–6 digits', hint: 'Send only the digits of the code, 4 to 6 of them.' },
	'408': INTERNATIONAL['408'],
};

/**
 * Voice notification: ihuyi's 语音通知 document lists the SMS codes with the same meanings;
 * its text is read out from an approved voice template, so 4071–4073 are about that template.
 */
const VOICE_NOTIFICATION: Record<string, IhuyiCodeInfo> = {
	...COMMON,
	'404': { zh: '语音内容不能为空', en: 'The notification text is empty', hint: 'Enter the text to read out, or choose Template and give its variables.' },
	'405': { ...COMMON['405'], zh: '用户名或密码不正确' },
	'40501': SMS['40501'],
	'40502': SMS['40502'],
	'4071': { ...SMS['4071'], en: 'No approved voice template', hint: 'File a voice notification template (语音通知 → 模板管理) in the ihuyi console and wait for its approval.' },
	'4072': { ...SMS['4072'], en: 'The text does not match an approved voice template', hint: 'The text must match an approved voice template character for character; or choose Template and give the template ID and its variables.' },
	'4073': { ...SMS['4073'], en: 'The notification text is too long', hint: `Keep the text within ${VOICE_NOTIFICATION_MAX_CHARACTERS} characters, the limit of ihuyi's voice notification document.` },
	'408': INTERNATIONAL['408'],
	'4080': SMS['4080'],
};

/** GetNum answers with a shorter list; the texts differ slightly. */
const BALANCE_OVERRIDES: Record<string, IhuyiCodeInfo> = {
	'405': { ...COMMON['405'], zh: '用户名或密码不正确' },
};

/**
 * AddTemplate's own list (2 added, 402, 404, 405, 4050, 407): where its text differs from
 * Submit's, its meaning does too (404 and 407 are about the template). Codes it does not
 * list fall back to the SMS catalogue.
 */
const ADD_TEMPLATE_OVERRIDES: Record<string, IhuyiCodeInfo> = {
	'404': { zh: '模板内容不能为空', en: 'The template text is empty', hint: 'Enter the template text, with a 【变量】 for each value that changes per message.' },
	'405': { ...COMMON['405'], zh: '用户名或密码不正确', hint: `Templates belong to the Domestic SMS product (验证码通知短信). ${WRONG_PRODUCT_HINT}` },
	'407': {
		zh: '模板内容含有敏感字符',
		en: 'The template contains words ihuyi does not allow',
		hint: "ihuyi's template rules forbid marketing, loan, lottery, political and religious content and symbols such as ￥ and ★: reword the template and submit it again.",
		cause: 'configuration-invalid',
	},
};

const CATALOGUES: Record<IhuyiProduct, Record<string, IhuyiCodeInfo>> = {
	sms: SMS,
	internationalSms: INTERNATIONAL,
	voiceCode: VOICE,
	voiceNotification: VOICE_NOTIFICATION,
};

export function lookupCode(
	product: IhuyiProduct,
	code: string,
	method: IhuyiMethod = 'Submit',
): IhuyiCodeInfo | undefined {
	if (method === 'GetNum' && BALANCE_OVERRIDES[code]) return BALANCE_OVERRIDES[code];
	if (method === 'AddTemplate' && ADD_TEMPLATE_OVERRIDES[code]) return ADD_TEMPLATE_OVERRIDES[code];
	return CATALOGUES[product][code];
}

/** The codes a credential test reports with the provider's reason. */
export const CREDENTIAL_TEST_CODES = ['400', '401', '402', '405', '4050', '4052', '40501', '40502', '4053'];
