import type { IDataObject } from 'n8n-workflow';

import { beijingTimeToIso } from '../../common/receipt';
import type { SmsReceipt } from '../../common/receipt';
import { lookupCode } from '../transport/errorCatalogue';
import type { IhuyiProduct } from '../transport/products';

/**
 * ihuyi pushes one record per POST, form-encoded, with no type field: the kind is told by
 * the fields it carries. Receipt: code, mobilephone, an id (smsid; ismsid for international
 * SMS) and report_time (international: reply_time). Reply: mobilephone, content, reply_time.
 * Template audit: code, msg, templateid. The Ihuyi Trigger and Push → Read both read pushes
 * here, so they accept and refuse the same requests.
 */
export type Classified = { ok: true; receipt: SmsReceipt } | PushRefusal;

/**
 * A request that is not a push: the HTTP status the Ihuyi Trigger answers, and why, said
 * field first ("Body field "mobilephone" is missing"), so that Push → Read's error names the
 * field after the item. It never repeats a field's value.
 */
export interface PushRefusal {
	ok: false;
	status: number;
	reason: string;
}

const MAX_FIELDS = 30;
const MAX_FIELD_LENGTH = 2000;

export function classifyPush(body: unknown, product: IhuyiProduct): Classified {
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return { ok: false, status: 400, reason: 'Body is not a form-encoded ihuyi push' };
	}
	const entries = Object.entries(body as IDataObject);
	if (entries.length === 0) return { ok: false, status: 400, reason: 'Body is empty' };
	if (entries.length > MAX_FIELDS) return { ok: false, status: 413, reason: `Body has more than ${MAX_FIELDS} fields` };
	const fields: Record<string, string> = {};
	for (const [key, value] of entries) {
		if (typeof value !== 'string' && typeof value !== 'number') {
			return { ok: false, status: 400, reason: `Body field "${key}" appears more than once or is not text` };
		}
		const text = String(value);
		if (text.length > MAX_FIELD_LENGTH) return { ok: false, status: 413, reason: `Body field "${key}" is over ${MAX_FIELD_LENGTH} characters` };
		fields[key] = text.trim();
	}
	const id = fields.smsid || fields.ismsid || fields.voiceid || fields.messageid || '';
	const has = (name: string) => fields[name] !== undefined && fields[name] !== '';

	if (has('templateid') && has('code') && !has('mobilephone')) {
		const approved = fields.code === '2';
		return {
			ok: true,
			receipt: {
				provider: 'ihuyi',
				product,
				event: 'templateAudit',
				messageId: '',
				mobile: '',
				templateId: fields.templateid,
				approved,
				code: fields.code,
				description: fields.msg ?? '',
				time: null,
				raw: fields,
			},
		};
	}
	if (!has('mobilephone')) return { ok: false, status: 400, reason: 'Body field "mobilephone" is missing' };
	if (has('content') && !has('code')) {
		return {
			ok: true,
			receipt: {
				provider: 'ihuyi',
				product,
				event: 'reply',
				messageId: id,
				mobile: fields.mobilephone,
				content: fields.content,
				time: beijingTimeToIso(fields.reply_time),
				raw: fields,
			},
		};
	}
	if (has('code') && id) {
		return {
			ok: true,
			receipt: {
				provider: 'ihuyi',
				product,
				event: 'deliveryReceipt',
				messageId: id,
				mobile: fields.mobilephone,
				status: fields.code === '2' ? 'delivered' : 'failed',
				code: fields.code,
				description: fields.msg ?? '',
				...(fields.code === '2' ? {} : { explanation: lookupCode(product, fields.code)?.en ?? null }),
				time: beijingTimeToIso(fields.report_time || fields.reply_time),
				raw: fields,
			},
		};
	}
	return { ok: false, status: 400, reason: 'Body is neither a delivery receipt, a reply nor a template audit' };
}
