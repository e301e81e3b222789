import { decode, encode } from 'iconv-lite';

import type { SimAnswer, SimRequest } from './types';

/** Test account; the password is fixed so tests can assert it never leaks. */
export const JIAZHIYUAN_TEST_ACCOUNT = { username: 'jzy-demo', password: 'Jzy2026pass' };

export interface JiazhiyuanSentBatch {
	batchId: string;
	mobiles: string[];
	content: string;
	smsType: string;
	isLongSms: string;
	extenno: string;
	/** The raw GBK bytes of the content field, as they arrived. */
	contentBytes: Buffer;
}

export interface SimReport {
	mobile: string;
	smslogid: string;
	status: '0' | '1' | '2' | string;
	sendtime: string;
}

export interface SimReply {
	mobile: string;
	receiver: string;
	/** Plain text; the simulator sends it as BASE64 of GBK bytes. */
	content: string;
	sendtime: string;
}

const BALANCE_FIELD: Record<string, 'kaSmsNum' | 'gateSmsNum' | 'memberSmsNum'> = { '0': 'kaSmsNum', '1': 'gateSmsNum', '2': 'memberSmsNum' };

/**
 * Jiazhiyuan's UserServiceAPI servlet as the vendor document describes it: GBK form bodies
 * (percent-encoded bytes), BASE64 passwords, at most 20,000 numbers per send, GBK text
 * answers, reports and replies handed out once each, BASE64-GBK reply content.
 */
export class JiazhiyuanSimulator {
	username = JIAZHIYUAN_TEST_ACCOUNT.username;

	password = JIAZHIYUAN_TEST_ACCOUNT.password;

	balances = { memberSmsNum: 684, gateSmsNum: 49919, kaSmsNum: 49964 };

	sent: JiazhiyuanSentBatch[] = [];

	reports: SimReport[] = [];

	replies: SimReply[] = [];

	/** How many reports or replies one query hands out. */
	recordsPerQuery = 1000;

	/** Queue a delivered report for every number sent, as the platform does later. */
	autoReports = true;

	/** Balance queries allowed per minute before "查询频繁". */
	balanceQueriesPerMinute = 30;

	/**
	 * How updatePassword wants the old password: as written, as the vendor document's example
	 * shows it (`password=123&newPassword=122`), or BASE64 like every other method. The other
	 * form is refused with 2 (修改密码失败), and nothing changes.
	 */
	oldPasswordForm: 'plain' | 'base64' = 'plain';

	/** Text put before and after XML answers, as some deployments do. */
	xmlJunk = { before: '', after: '' };

	private nextBatchId = 337017332;

	private balanceQueries: number[] = [];

	reset(): void {
		Object.assign(this, new JiazhiyuanSimulator());
	}

	queueReports(reports: SimReport[]): void {
		this.reports.push(...reports);
	}

	queueReplies(replies: SimReply[]): void {
		this.replies.push(...replies);
	}

	handle(request: SimRequest): SimAnswer {
		const form = decodeGbkForm(request.rawBody.length ? request.rawBody.toString('latin1') : request.query.toString());
		request.log.form = Object.fromEntries(Object.entries(form).map(([key, value]) => [key, value.text]));
		const method = form.method?.text ?? '';
		request.log.route = `jiazhiyuan:${method}`;
		if (request.path !== '/servlet/UserServiceAPI') return gbkText('<html><body>404</body></html>', 404, 'text/html');

		const username = form.username?.text ?? '';
		const password = form.password?.text ?? '';
		if (method === 'updatePassword') return this.updatePassword(username, password, form.newPassword?.text ?? '');
		if (username !== this.username || !this.isBase64Password(password)) return gbkText('failure;用户名密码错误!');

		switch (method) {
			case 'sendSMS': {
				const unusual = request.takeAnswerFault?.();
				// A platform answer that is neither success nor failure.
				if (unusual?.kind === 'unknownCode') return gbkText('-1');
				if (unusual?.kind === 'refusal') return gbkText('failure;系统繁忙，请稍后再试');
				const answer = this.send(form);
				if (unusual?.kind === 'successWithoutId' && answer.body.toString('latin1').startsWith('success;')) return gbkText('success;');
				return answer;
			}
			case 'getRestMoney': {
				const now = Date.now();
				this.balanceQueries = this.balanceQueries.filter((at) => now - at < 60_000);
				if (this.balanceQueries.length >= this.balanceQueriesPerMinute) return gbkText('failure;查询频繁，请稍后再试');
				this.balanceQueries.push(now);
				const { memberSmsNum, gateSmsNum, kaSmsNum } = this.balances;
				return gbkText(`memberSmsNum=${memberSmsNum};gateSmsNum=${gateSmsNum};kaSmsNum=${kaSmsNum}`);
			}
			case 'getSmsReport': {
				const batch = this.reports.splice(0, this.recordsPerQuery);
				const body = batch
					.map((r) => `<psreport>\n  <mobile>${r.mobile}</mobile>\n  <username>${this.username}</username>\n  <smslogid>${r.smslogid}</smslogid>\n  <status>${r.status}</status>\n  <sendtime>${r.sendtime}</sendtime>\n  </psreport>`)
					.join('\n');
				return gbkText(`${this.xmlJunk.before}<?xmlversion="1.0" encoding="utf-8" ?>\n<smsreport>\n${body}\n</smsreport>${this.xmlJunk.after}`, 200, 'text/xml');
			}
			case 'getRecvSMS': {
				const batch = this.replies.splice(0, this.recordsPerQuery);
				const body = batch
					.map((r) => `<psrerecv>\n  <mobile>${r.mobile}</mobile>\n  <receiver>${r.receiver}</receiver>\n  <content>${encode(r.content, 'gbk').toString('base64')}</content>\n  <sendtime>${r.sendtime}</sendtime>\n  </psrerecv>`)
					.join('\n');
				return gbkText(`${this.xmlJunk.before}<?xmlversion="1.0" encoding="utf-8" ?>\n<smsrerecv>\n${body}\n</smsrerecv>${this.xmlJunk.after}`, 200, 'text/xml');
			}
			default:
				return gbkText('failure;未知的方法');
		}
	}

	private isBase64Password(value: string): boolean {
		const bytes = Buffer.from(value, 'base64');
		return decode(bytes, 'gbk') === this.password && bytes.toString('base64') === value.replace(/\s/g, '');
	}

	/** The document's answers: 1 changed, 2 refused, 3 no such user (4, unknown error, never). */
	private updatePassword(username: string, oldPassword: string, next: string): SimAnswer {
		if (username !== this.username) return gbkText('3');
		const matches = this.oldPasswordForm === 'plain' ? oldPassword === this.password : this.isBase64Password(oldPassword);
		if (!matches || !/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]+$/.test(next)) return gbkText('2');
		this.password = next;
		return gbkText('1');
	}

	private send(form: Record<string, { text: string; bytes: Buffer }>): SimAnswer {
		const mobiles = (form.mobile?.text ?? '').split(',').filter((mobile) => mobile !== '');
		const content = form.content;
		if (mobiles.length === 0) return gbkText('failure;手机号码不能为空');
		if (mobiles.length > 20000) return gbkText('failure;手机号码个数超过2万个');
		if (mobiles.some((mobile) => !/^1\d{10}$/.test(mobile))) return gbkText('failure;手机号码格式错误');
		if (!content || content.text === '') return gbkText('failure;短信内容不能为空');
		// UTF-8 bytes read as GBK come out garbled; the platform would send mojibake. The
		// simulator refuses them so that a wrongly encoded body shows up in tests.
		if (looksLikeUtf8(content.bytes)) return gbkText('failure;短信内容编码错误(UTF-8)，请使用GBK编码');
		const smsType = form.smstype?.text ?? '1';
		const field = BALANCE_FIELD[smsType];
		if (!field) return gbkText('failure;短信类型错误');
		const length = [...content.text].length;
		const parts = length <= 70 ? 1 : Math.ceil(length / 67);
		const cost = mobiles.length * parts;
		if (this.balances[field] < cost) return gbkText('failure;余额不足');
		this.balances[field] -= cost;
		const batchId = String(this.nextBatchId++);
		this.sent.push({
			batchId,
			mobiles,
			content: content.text,
			smsType,
			isLongSms: form.isLongSms?.text ?? '0',
			extenno: form.extenno?.text ?? '',
			contentBytes: content.bytes,
		});
		if (this.autoReports) {
			const sendtime = beijingNow();
			for (const mobile of mobiles) this.reports.push({ mobile, smslogid: batchId, status: '1', sendtime });
		}
		return gbkText(`success;${batchId}`);
	}
}

/** Splits a form body and decodes each value's percent-encoded bytes as GBK. */
export function decodeGbkForm(body: string): Record<string, { text: string; bytes: Buffer }> {
	const fields: Record<string, { text: string; bytes: Buffer }> = {};
	for (const pair of body.split('&')) {
		if (!pair) continue;
		const [rawKey, rawValue = ''] = pair.split('=', 2);
		const bytes = percentDecode(rawValue);
		fields[decodeURIComponent(rawKey)] = { bytes, text: decode(bytes, 'gbk') };
	}
	return fields;
}

function percentDecode(value: string): Buffer {
	const bytes: number[] = [];
	for (let i = 0; i < value.length; i++) {
		const c = value[i];
		if (c === '+') bytes.push(0x20);
		else if (c === '%' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 1, i + 3))) {
			bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(c.charCodeAt(0) & 0xff);
	}
	return Buffer.from(bytes);
}

/** Valid UTF-8 with multi-byte sequences: what UTF-8 Chinese looks like, and GBK rarely does. */
function looksLikeUtf8(bytes: Buffer): boolean {
	if (!bytes.some((byte) => byte >= 0x80)) return false;
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

function beijingNow(): string {
	const date = new Date(Date.now() + 8 * 3600_000);
	return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 19)}.0`;
}

function gbkText(text: string, status = 200, type = 'text/html'): SimAnswer {
	return { status, contentType: `${type};charset=GBK`, body: encode(text, 'gbk') };
}
