import { decodeGbk, encodeGbk } from '../../common/gbk';

/**
 * How Jiazhiyuan writes text on the wire: request fields as GBK bytes, form-encoded one by
 * one; the password and reply content as BASE64 of GBK bytes.
 */

// Bytes left as they are in application/x-www-form-urlencoded: A-Z a-z 0-9 * - . _
const UNRESERVED = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._') UNRESERVED[c.charCodeAt(0)] = 1;
const HEX_DIGITS = Buffer.from('0123456789ABCDEF', 'latin1');
const PLUS = 0x2b;
const PERCENT = 0x25;

/**
 * Form-encodes the GBK bytes of a text, byte by byte (a space becomes "+"). Written into one
 * buffer (bulkPeakRssRatio: a string grown byte by byte left 240,000 partial strings per call).
 */
export function formEncodeGbk(text: string): string {
	const bytes = encodeGbk(text);
	const out = Buffer.allocUnsafe(bytes.length * 3);
	let length = 0;
	for (const byte of bytes) {
		if (UNRESERVED[byte]) out[length++] = byte;
		else if (byte === 0x20) out[length++] = PLUS;
		else {
			out[length++] = PERCENT;
			out[length++] = HEX_DIGITS[byte >> 4];
			out[length++] = HEX_DIGITS[byte & 0x0f];
		}
	}
	return out.toString('latin1', 0, length);
}

/** A form body in GBK from field values: every value encoded byte by byte. */
export function gbkForm(fields: Record<string, string>): string {
	return Object.entries(fields)
		.map(([key, value]) => `${key}=${formEncodeGbk(value)}`)
		.join('&');
}

/** Jiazhiyuan's password parameter: BASE64 of the password's bytes. */
export function base64Password(password: string): string {
	return encodeGbk(password).toString('base64');
}

/** Reply content arrives as BASE64 of GBK bytes. */
export function decodeBase64Gbk(value: string): string {
	return decodeGbk(Buffer.from(value.trim(), 'base64'));
}
