import type { SimAnswer } from './types';

/**
 * ihuyi's answers as its documents show them: JSON with a numeric code and string ids (what
 * `format=json` asks for), otherwise XML under the method's result element.
 */
export function answer(
	format: 'json' | 'xml',
	root: string,
	code: number,
	msg: string,
	extra: Record<string, string>,
): SimAnswer {
	if (format === 'json') {
		// Written by hand: ihuyi sends code as a number and ids as strings.
		const parts = [`"code":${code}`, `"msg":${JSON.stringify(msg)}`];
		for (const [key, value] of Object.entries(extra)) {
			// The balance and AddTemplate's template id are documented as numbers (int).
			const numeric = key === 'num' || key === 'templateid';
			parts.push(numeric ? `${JSON.stringify(key)}:${value}` : `${JSON.stringify(key)}:${JSON.stringify(value)}`);
		}
		if (root === 'SubmitResult' && !('smsid' in extra) && !('voiceid' in extra) && code !== 2) {
			parts.push('"smsid":"0"');
		}
		return { status: 200, contentType: 'application/json; charset=utf-8', body: Buffer.from(`{${parts.join(',')}}`) };
	}
	const children = [`<code>${code}</code>`, `<msg>${msg}</msg>`];
	for (const [key, value] of Object.entries(extra)) children.push(`<${key}>${value}</${key}>`);
	if (root === 'SubmitResult' && code !== 2) children.push('<smsid>0</smsid>');
	const xml = `<?xml version="1.0" encoding="utf-8"?>\n<${root} xmlns="http://106.ihuyi.com/">\n${children.join('\n')}\n</${root}>\n`;
	return { status: 200, contentType: 'text/xml; charset=utf-8', body: Buffer.from(xml) };
}

export function html(status: number, text: string): SimAnswer {
	return { status, contentType: 'text/html', body: Buffer.from(`<html><body>${text}</body></html>`) };
}
