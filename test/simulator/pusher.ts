/**
 * ihuyi's push sender: POSTs one record, form-encoded UTF-8, to the user's URL, and pushes
 * again unless the answer body is exactly "success": at most 3 pushes, each wait 60 s
 * longer than the one before (60 s, then 120 s). Tests scale the wait down.
 */
export interface PushAttempt {
	status: number;
	body: string;
	contentType: string;
	error?: string;
}

export interface PushResult {
	attempts: PushAttempt[];
	acknowledged: boolean;
}

export async function pushToUrl(
	url: string,
	fields: Record<string, string>,
	options: { maxPushes?: number; intervalMs?: number; timeoutMs?: number } = {},
): Promise<PushResult> {
	const maxPushes = options.maxPushes ?? 3;
	const intervalMs = options.intervalMs ?? 60_000;
	const attempts: PushAttempt[] = [];
	for (let push = 1; push <= maxPushes; push++) {
		const attempt = await pushOnce(url, fields, options.timeoutMs ?? 10_000);
		attempts.push(attempt);
		if (attempt.body === 'success') return { attempts, acknowledged: true };
		if (push < maxPushes) await new Promise((resolve) => setTimeout(resolve, intervalMs * push));
	}
	return { attempts, acknowledged: false };
}

async function pushOnce(url: string, fields: Record<string, string>, timeoutMs: number): Promise<PushAttempt> {
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields).toString(),
			signal: AbortSignal.timeout(timeoutMs),
		});
		return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') ?? '' };
	} catch (error) {
		return { status: 0, body: '', contentType: '', error: error instanceof Error ? error.message : String(error) };
	}
}

/** Realistic pushes, as ihuyi's documents show them. */
export const samplePushes = {
	deliveryReceipt: (smsid: string, mobile = '13800138000', code = '2'): Record<string, string> => ({
		code,
		msg: code === '2' ? '发送成功' : '用户拒收',
		mobilephone: mobile,
		smsid,
		report_time: '2017-08-02 14:31:51',
	}),
	reply: (smsid: string, content = '好的，收到', mobile = '13800138000'): Record<string, string> => ({
		mobilephone: mobile,
		content,
		smsid,
		reply_time: '2017-05-24 17:46:50',
	}),
	templateAudit: (templateid = '1234', code = '2'): Record<string, string> => ({
		code,
		msg: code === '2' ? '审核通过' : '模板内容不规范',
		templateid,
	}),
	/**
	 * A voice call's receipt: ihuyi documents the same push for every product, with the
	 * call's id under the name its send answer uses (voiceid). Not shown verbatim for voice.
	 */
	voiceReceipt: (voiceid: string, mobile = '02151234567', code = '2'): Record<string, string> => ({
		code,
		msg: code === '2' ? '呼叫成功' : '用户未接听',
		mobilephone: mobile,
		voiceid,
		report_time: '2024-03-01 09:15:02',
	}),
	internationalReceipt: (ismsid: string, mobile = '852 61234567'): Record<string, string> => ({
		code: '2',
		msg: 'DELIVRD',
		mobilephone: mobile,
		ismsid,
		reply_time: '2024-03-01 09:15:02',
	}),
};
