import { createHash } from 'crypto';

import type { SimAnswer } from './types';

/** A template filed with AddTemplate, as ihuyi's review sees it. */
export interface FiledTemplate {
	id: string;
	/** The text as filed, 【变量】 slots included. */
	text: string;
	status: 'pending' | 'approved' | 'rejected';
}

type Reply = (code: number, msg: string, extra?: Record<string, string>) => SimAnswer;

/**
 * ihuyi's AddTemplate (domestic SMS) and its review, as the SMS API document v3.3 §7
 * describes them: `account`, `password` (the API key or its 32-character MD5: AddTemplate
 * takes no dynamic password and no `time`) and `content`; answers code 2 with a numeric
 * `templateid`, or 402, 404, 405, 4050, 407. The review result is pushed later (`audit`).
 */
export class IhuyiTemplateFiling {
	filed: FiledTemplate[] = [];

	private nextId = 20001;

	/** The words that give 407, the same list as Submit's. */
	constructor(private readonly sensitiveWords: string[]) {}

	reset(): void {
		this.filed = [];
		this.nextId = 20001;
	}

	handle(
		form: Record<string, string>,
		account: { apiId: string; apiKey: string; frozen: boolean },
		reply: Reply,
		unusual: { kind: string } | undefined,
	): SimAnswer {
		if (!form.account) return reply(401, '帐号不能为空');
		if (!form.password) return reply(402, '密码不能为空');
		// PHP's md5() and ihuyi's demos write lowercase hex; a dynamic password is neither form.
		const accepted = [account.apiKey, createHash('md5').update(account.apiKey, 'utf8').digest('hex')];
		if (form.account !== account.apiId || !accepted.includes(form.password)) return reply(405, '用户名或密码不正确');
		if (account.frozen) return reply(4050, '账号被冻结');
		if (unusual?.kind === 'unknownCode') return reply(4999, '系统繁忙，请稍后再试');
		const content = form.content ?? '';
		if (content.trim() === '') return reply(404, '模板内容不能为空');
		if (this.sensitiveWords.some((word) => content.includes(word))) return reply(407, '模板内容含有敏感字符');
		const id = String(this.nextId++);
		this.filed.push({ id, text: content, status: 'pending' });
		if (unusual?.kind === 'successWithoutId') return reply(2, '添加成功');
		return reply(2, '添加成功', { templateid: id });
	}

	/**
	 * ihuyi's review of a filed template: the push it sends to the user's URL (code 2 approved,
	 * 0 rejected with the reason in msg), and the template's text once approved.
	 */
	audit(id: string, approved: boolean, reason = '模板内容不规范'): { push: Record<string, string>; text?: string } {
		const template = this.filed.find((candidate) => candidate.id === id);
		if (!template) throw new Error(`no template ${id} was filed`);
		template.status = approved ? 'approved' : 'rejected';
		const push = { code: approved ? '2' : '0', msg: approved ? '审核通过' : reason, templateid: id };
		return approved ? { push, text: template.text } : { push };
	}
}
