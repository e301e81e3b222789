import { XMLParser } from 'fast-xml-parser';

import { beijingTimeToIso } from '../../common/receipt';
import type { DeliveryStatus, SmsReceipt } from '../../common/receipt';
import { decodeBase64Gbk } from './gbk';

/**
 * Delivery reports (getSmsReport) and replies (getRecvSMS), read into the shared receipt
 * shape. The platform hands each record out once, so nothing fetched may be lost: a record
 * that cannot be read is still returned, marked with `problem` and its raw text, and a
 * document the XML parser refuses is read record by record.
 */
export interface ParsedRecords {
	records: SmsReceipt[];
	/** Whether the answer looked like the expected document at all. */
	recognised: boolean;
}

const parser = new XMLParser({
	ignoreAttributes: true,
	removeNSPrefix: true,
	parseTagValue: false,
	trimValues: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
	processEntities: true,
	isArray: (name) => name === 'psreport' || name === 'psrerecv',
});

const STATUS: Record<string, DeliveryStatus> = { '1': 'delivered', '0': 'failed', '2': 'unknown' };
const STATUS_TEXT: Record<DeliveryStatus, string> = {
	delivered: 'Delivered',
	failed: 'Not delivered',
	unknown: 'Delivery unknown',
};

/** Junk around the document, the vendor's `<?xmlversion…>`, the "-" of pasted browser views. */
export function cleanXml(text: string): string {
	const start = text.indexOf('<');
	const end = text.lastIndexOf('>');
	if (start < 0 || end < start) return '';
	return text
		.slice(start, end + 1)
		.replace(/<\?[^>]*\?>/g, '')
		.replace(/(^|>)\s*-\s*(?=<)/g, '$1');
}

function parseRecords(text: string, root: string, element: string): { items: Array<Record<string, unknown> | string>; recognised: boolean } {
	const xml = cleanXml(text);
	if (!xml.includes(`<${root}`) && !xml.includes(`<${element}`)) return { items: [], recognised: false };
	try {
		const document = parser.parse(xml, true) as Record<string, unknown>;
		const container = (document[root] ?? document) as Record<string, unknown> | string;
		const list = typeof container === 'object' && container ? container[element] : undefined;
		return { items: Array.isArray(list) ? (list as Array<Record<string, unknown>>) : [], recognised: true };
	} catch {
		// Read what can be read: each record on its own.
		const blocks = xml.match(new RegExp(`<${element}\\b[\\s\\S]*?</${element}>`, 'g')) ?? [];
		return {
			recognised: true,
			items: blocks.map((block) => {
				try {
					const single = parser.parse(block, true) as Record<string, unknown[]>;
					return (single[element]?.[0] as Record<string, unknown>) ?? block;
				} catch {
					return block;
				}
			}),
		};
	}
}

function text(record: Record<string, unknown>, key: string): string {
	const value = record[key];
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function raw(record: Record<string, unknown>): Record<string, string> {
	return Object.fromEntries(Object.keys(record).map((key) => [key, text(record, key)]));
}

function unreadable(event: SmsReceipt['event'], block: string): SmsReceipt {
	return {
		provider: 'jiazhiyuan',
		product: 'sms',
		event,
		messageId: '',
		mobile: '',
		time: null,
		problem: 'The record could not be read; its raw text is kept in raw.text',
		raw: { text: block },
	};
}

export function parseReports(answer: string): ParsedRecords {
	const { items, recognised } = parseRecords(answer, 'smsreport', 'psreport');
	const records = items.map((item): SmsReceipt => {
		if (typeof item === 'string') return unreadable('deliveryReceipt', item);
		const code = text(item, 'status');
		const status = STATUS[code] ?? 'unknown';
		const receipt: SmsReceipt = {
			provider: 'jiazhiyuan',
			product: 'sms',
			event: 'deliveryReceipt',
			messageId: text(item, 'smslogid'),
			mobile: text(item, 'mobile'),
			status,
			code,
			description: STATUS[code] ? STATUS_TEXT[status] : `Unknown status "${code}"`,
			...(status === 'delivered' ? {} : { explanation: STATUS[code] ? STATUS_TEXT[status] : null }),
			time: beijingTimeToIso(text(item, 'sendtime')),
			raw: raw(item),
		};
		const problems = [!receipt.mobile && 'no mobile', !receipt.messageId && 'no batch id (smslogid)', !STATUS[code] && `unknown status "${code}"`].filter(Boolean);
		if (problems.length) receipt.problem = problems.join(', ');
		return receipt;
	});
	return { records, recognised };
}

export function parseReplies(answer: string): ParsedRecords {
	const { items, recognised } = parseRecords(answer, 'smsrerecv', 'psrerecv');
	const records = items.map((item): SmsReceipt => {
		if (typeof item === 'string') return unreadable('reply', item);
		const encoded = text(item, 'content');
		let content = '';
		let problem: string | undefined;
		if (encoded && !/^[A-Za-z0-9+/=\s]+$/.test(encoded)) problem = 'content is not BASE64';
		else content = decodeBase64Gbk(encoded);
		const receipt: SmsReceipt = {
			provider: 'jiazhiyuan',
			product: 'sms',
			event: 'reply',
			messageId: '',
			mobile: text(item, 'mobile'),
			receiver: text(item, 'receiver'),
			content,
			time: beijingTimeToIso(text(item, 'sendtime')),
			raw: raw(item),
		};
		if (!receipt.mobile) problem = problem ? `${problem}, no mobile` : 'no mobile';
		if (problem) receipt.problem = problem;
		return receipt;
	});
	return { records, recognised };
}
