import { XMLParser } from 'fast-xml-parser';

import { beijingTimeToIso } from '../../common/receipt';
import type { DeliveryStatus, SmsReceipt } from '../../common/receipt';
import { decodeBase64Gbk } from './encoding';

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

const OPTIONS = {
	ignoreAttributes: true,
	parseTagValue: false,
	trimValues: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
	processEntities: true,
};
// The documents carry no namespace. Should one ever come namespaced, its prefixes are removed
// so that no record is missed; only then, as removing them costs a tenth of a large parse.
const parser = new XMLParser(OPTIONS);
const namespacedParser = new XMLParser({ ...OPTIONS, removeNSPrefix: true });
const parserFor = (xml: string) => (xml.includes('xmlns') ? namespacedParser : parser);

/** One record is read as an object, several as a list: either way a list. */
function asList(value: unknown): Array<Record<string, unknown>> {
	if (Array.isArray(value)) return value as Array<Record<string, unknown>>;
	return value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
}

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
		// Parsed without the parser's separate validation pass (a sixth of the time for 20,000
		// records). A damaged document either throws or reads as fewer or more records than it
		// opens; in both cases every record is read on its own below.
		const document = parserFor(xml).parse(xml) as Record<string, unknown>;
		const container = (document[root] ?? document) as Record<string, unknown> | string;
		const items = asList(typeof container === 'object' && container ? container[element] : undefined);
		if (items.length === openingTags(xml, element)) return { items, recognised: true };
	} catch {
		// Read below.
	}
	// Read what can be read: each record on its own.
	const blocks = xml.match(new RegExp(`<(?:[\\w.-]+:)?${element}\\b[\\s\\S]*?</(?:[\\w.-]+:)?${element}>`, 'g')) ?? [];
	return {
		recognised: true,
		items: blocks.map((block) => {
			try {
				const single = parserFor(xml).parse(block, true) as Record<string, unknown>;
				return asList(single[element])[0] ?? block;
			} catch {
				return block;
			}
		}),
	};
}

/** How many `<element>` (or `<element …>`, `<prefix:element>`) tags the text opens. */
function openingTags(xml: string, element: string): number {
	return xml.match(new RegExp(`<(?:[\\w.-]+:)?${element}[\\s/>]`, 'g'))?.length ?? 0;
}

function text(record: Record<string, unknown>, key: string): string {
	const value = record[key];
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function raw(record: Record<string, unknown>): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const key in record) fields[key] = text(record, key);
	return fields;
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
		if (!receipt.mobile || !receipt.messageId || !STATUS[code]) {
			receipt.problem = [!receipt.mobile && 'no mobile', !receipt.messageId && 'no batch id (smslogid)', !STATUS[code] && `unknown status "${code}"`].filter(Boolean).join(', ');
		}
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
