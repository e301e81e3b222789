import { createHash } from 'crypto';

import { answer, html } from './ihuyiAnswer';
import { IhuyiRateLimit } from './ihuyiRateLimit';
import { IhuyiTemplateFiling } from './ihuyiTemplates';
import { freshAccounts } from './ihuyiAccounts';
import type { IhuyiSimAccount, IhuyiSimProduct } from './ihuyiAccounts';
import type { SimAnswer, SimRequest } from './types';

export interface IhuyiSentMessage {
	product: IhuyiSimProduct;
	id: string;
	mobile: string;
	content: string;
	templateId?: string;
	segments: number;
	at: number;
}

export { IHUYI_SIM_BASE_PATHS, IHUYI_TEST_ACCOUNTS } from './ihuyiAccounts';
export type { IhuyiSimAccount, IhuyiSimProduct } from './ihuyiAccounts';

const PATHS: Record<string, IhuyiSimProduct> = {
	'/webservice/sms.php': 'sms',
	'/webservice/isms.php': 'internationalSms',
	'/webservice/voice.php': 'voiceCode',
	'/vm/webservice/voice.php': 'voiceNotification',
};

const ID_FIELD: Record<IhuyiSimProduct, string> = { sms: 'smsid', internationalSms: 'smsid', voiceCode: 'voiceid', voiceNotification: 'voiceid' };

/** Seconds a dynamic-password timestamp may differ from the server's clock. */
const TIME_TOLERANCE_S = 300;

/**
 * Longest content before 4073: 300 characters for domestic SMS, as ihuyi's domestic SMS
 * document states ("支持 300 個字的長短信"); the international document gives no figure, so
 * the 500 of ihuyi's current web page; voice notifications "支持 180 个字".
 */
const MAX_CONTENT_CHARACTERS: Record<string, number> = { sms: 300, internationalSms: 500, voiceNotification: 180 };

/** A mainland mobile, or for voice notifications also a fixed line {区号}{号码}. */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const FIXED_LINE = /^0(?:10|2\d|[3-9]\d{2})\d{7,8}$/;

const EMOJI = /\p{Extended_Pictographic}/u;
const SENSITIVE_WORDS = ['贷款', '博彩', '发票'];

/** The SMS templates of the debug account; {var} marks a variable (【变量】 in ihuyi's console). */
const DEFAULT_TEMPLATES: Record<string, string> = {
	'1': '您的验证码是：{var}。请不要把验证码泄露给其他人。',
	'2': '您的订单{var}已发货，快递单号{var}，请注意查收。',
};

/** The voice notification templates of the debug account. */
const DEFAULT_VOICE_TEMPLATES: Record<string, string> = {
	'10001': '您好，您预约的{var}将于{var}开始，请准时到达。',
};

/**
 * ihuyi's Submit and GetNum for the four products, as its documents describe them: account
 * and dynamic-password checks, one number per call, the documented codes for realistic
 * conditions, JSON or XML answers, ids beyond 2^53, balances that go down; and the domestic
 * SMS product's AddTemplate (ihuyiTemplates.ts).
 */
export class IhuyiSimulator {
	accounts: Record<IhuyiSimProduct, IhuyiSimAccount> = freshAccounts();

	sent: IhuyiSentMessage[] = [];

	/** Template id → text. When `strictTemplates` is on, full-text content must match one. */
	templates: Record<string, string> = { ...DEFAULT_TEMPLATES };

	/** Voice notification template id → text; full text must match one when `strictTemplates` is on. */
	voiceTemplates: Record<string, string> = { ...DEFAULT_VOICE_TEMPLATES };

	strictTemplates = false;

	blacklist = new Set<string>();

	/** Templates filed with AddTemplate, waiting for `auditTemplate`. */
	readonly templateFiling = new IhuyiTemplateFiling(SENSITIVE_WORDS);

	/** ihuyi's one message per number per second (4080); tests switch it off or shorten it. */
	readonly rateLimit = new IhuyiRateLimit();

	/** Answer "illegal IP" (400) to everything, as ihuyi does for a banned client. */
	refuseAllIps = false;

	/** Older hosts and resellers ignore format=json and always answer XML. */
	alwaysXml = false;

	/** Seconds the simulated server clock is ahead of ours (a skew beyond 300 s gives 40501). */
	clockSkewS = 0;

	private nextId = 16063783563405105174n;

	reset(): void {
		this.accounts = freshAccounts();
		this.sent = [];
		this.templates = { ...DEFAULT_TEMPLATES };
		this.voiceTemplates = { ...DEFAULT_VOICE_TEMPLATES };
		this.templateFiling.reset();
		this.strictTemplates = false;
		this.blacklist.clear();
		this.rateLimit.reset();
		this.refuseAllIps = false;
		this.alwaysXml = false;
		this.clockSkewS = 0;
	}

	handle(request: SimRequest): SimAnswer {
		const product = PATHS[request.path];
		const form = Object.fromEntries(new URLSearchParams(request.rawBody.toString('utf8')));
		for (const [key, value] of request.query) if (!(key in form)) form[key] = value;
		request.log.form = form;
		const method = form.method ?? '';
		request.log.route = `ihuyi:${product ?? 'unknown'}:${method}`;
		if (!product) return html(404, 'Not Found');
		const format = form.format === 'json' && !this.alwaysXml ? 'json' : 'xml';
		const root = `${method === 'GetNum' || method === 'AddTemplate' ? method : 'Submit'}Result`;
		const reply = (code: number, msg: string, extra: Record<string, string> = {}) =>
			answer(format, root, code, msg, extra);

		const known = method === 'Submit' || method === 'GetNum' || (method === 'AddTemplate' && product === 'sms');
		if (!known) return html(404, 'method not found');
		if (this.refuseAllIps) return reply(400, '非法ip访问');
		if (method === 'AddTemplate') return this.templateFiling.handle(form, this.accounts.sms, reply, request.takeAnswerFault?.());
		if (!form.account) return reply(401, '帐号不能为空');
		if (!form.password) return reply(402, '密码不能为空');
		const account = this.accounts[product];
		if (form.account !== account.apiId) return reply(405, 'API ID 或 API KEY 不正确');
		if (form.time !== undefined && form.time !== '') {
			if (!/^\d{10}$/.test(form.time) || Math.abs(Date.now() / 1000 + this.clockSkewS - Number(form.time)) > TIME_TOLERANCE_S) {
				return reply(40501, '动态密码已过期');
			}
			const signed = method === 'GetNum'
				? `${account.apiId}${account.apiKey}${form.time}`
				: `${account.apiId}${account.apiKey}${form.mobile ?? ''}${form.content ?? ''}${form.time}`;
			if (md5(signed) !== form.password) return reply(40502, '动态密码校验失败');
		} else if (form.password !== account.apiKey) {
			return reply(405, 'API ID 或 API KEY 不正确');
		}
		if (account.frozen) return reply(4050, '账号被冻结');
		if (account.boundIps && !account.boundIps.includes(normaliseIp(request.remoteAddress))) {
			return reply(4052, '访问ip与备案ip不符');
		}
		const unusual = request.takeAnswerFault?.();
		if (unusual?.kind === 'unknownCode') return reply(4999, '系统繁忙，请稍后再试');
		if (unusual?.kind === 'refusal') return reply(4080, '同一手机号码同一秒钟之内发送频率不能超过 1 条');

		if (method === 'GetNum') return reply(2, '查询成功', { num: String(account.balance) });

		const mobile = form.mobile ?? '';
		const content = form.content ?? '';
		if (mobile === '') return reply(403, '手机号码不能为空');
		if (content === '') return reply(404, product.startsWith('voice') ? '语音内容不能为空' : '短信内容不能为空');
		const mobileOk = product === 'internationalSms'
			? /^\d{1,4} \d{4,14}$/.test(mobile)
			: MAINLAND_MOBILE.test(mobile) || (product === 'voiceNotification' && FIXED_LINE.test(mobile));
		if (!mobileOk) return reply(406, '手机格式不正确');
		if (this.blacklist.has(mobile)) return reply(4030, '手机号码已被列入黑名单');
		if (SENSITIVE_WORDS.some((word) => content.includes(word))) return reply(407, '短信内容含有敏感字符');

		let segments = 1;
		if (product === 'voiceCode') {
			if (!/^\d{4,6}$/.test(content)) return reply(4070, '语音验证码内容必须为4-6位数字');
		} else if (product === 'voiceNotification') {
			const rendered = this.render(this.voiceTemplates, form.templateid, content);
			if (rendered === undefined) return reply(4072, '提交的语音内容与审核通过的模板内容不匹配');
			if ([...rendered].length > MAX_CONTENT_CHARACTERS[product]) return reply(4073, '语音内容超出长度限制');
		} else {
			if (product === 'sms' && EMOJI.test(content)) return reply(4074, '短信内容包含 emoji 符号');
			// The platform adds the signature; one written into full text is refused.
			if (product === 'sms' && !form.templateid && /【[^【】]*】/u.test(content)) return reply(4070, '签名格式不正确');
			const rendered = this.render(this.templates, form.templateid, content);
			if (rendered === undefined) return reply(4072, '提交的短信内容与审核通过的模板内容不匹配');
			// ihuyi counts the signature it adds (【互亿无线】 on the debug account).
			const length = [...`【互亿无线】${rendered}`].length;
			if ([...rendered].length > MAX_CONTENT_CHARACTERS[product]) return reply(4073, '短信内容超出长度限制');
			segments = length <= 70 ? 1 : Math.ceil(length / 67);
		}
		if (account.balance < segments) return reply(4051, '剩余条数不足');
		const now = request.log.at;
		if (!this.rateLimit.admit(`${product}:${mobile}`, now)) return reply(4080, '同一手机号码同一秒钟之内发送频率不能超过 1 条');
		account.balance -= segments;
		const id = String(this.nextId++);
		this.sent.push({ product, id, mobile, content, templateId: form.templateid, segments, at: now });
		if (unusual?.kind === 'successWithoutId') return reply(2, '提交成功');
		return reply(2, '提交成功', { [ID_FIELD[product]]: id });
	}

	/**
	 * ihuyi reviews a filed template: the push it sends (see pusher.ts), and an approved one
	 * can be sent with its id from then on.
	 */
	auditTemplate(id: string, approved: boolean, reason?: string): Record<string, string> {
		const { push, text } = this.templateFiling.audit(id, approved, reason);
		if (text !== undefined) this.templates[id] = text.replace(/【变量】/g, '{var}');
		return push;
	}

	/** The text a message will have, or undefined when it does not match a template. */
	private render(templates: Record<string, string>, templateId: string | undefined, content: string): string | undefined {
		if (templateId) {
			const template = templates[templateId];
			if (!template) return undefined;
			const values = content.split('|');
			const slots = template.split('{var}').length - 1;
			if (values.length !== slots) return undefined;
			let index = 0;
			return template.replace(/\{var\}/g, () => values[index++]);
		}
		if (!this.strictTemplates) return content;
		const matches = Object.values(templates).some((template) => {
			const pattern = template
				.split('{var}')
				.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
				.join('.+');
			return new RegExp(`^${pattern}$`, 'u').test(content);
		});
		return matches ? content : undefined;
	}
}

function md5(text: string): string {
	return createHash('md5').update(text, 'utf8').digest('hex');
}

function normaliseIp(address: string): string {
	return address.replace(/^::ffff:/, '');
}
