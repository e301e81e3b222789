import { decode, encode } from 'iconv-lite';

/**
 * GBK for Jiazhiyuan: the platform reads request fields as GBK and answers in GBK. Node has
 * a GBK decoder but no encoder, hence iconv-lite. iconv-lite writes "?" for a character GBK
 * cannot hold, so `firstUnencodable` finds such characters before anything is sent.
 */
export function encodeGbk(text: string): Buffer {
	return encode(text, 'gbk');
}

export function decodeGbk(bytes: Buffer): string {
	return decode(bytes, 'gbk');
}

// A bulk send checks the same text for each of its items: the last text found encodable is
// remembered, so 100,000 items cost one round trip, not 100,000 pairs of buffers.
let lastEncodable: string | undefined;

/** The first character GBK cannot encode (emoji, rare scripts), with its 1-based position. */
export function firstUnencodable(text: string): { character: string; position: number } | undefined {
	if (text === lastEncodable) return undefined;
	// Fast path: a text whose GBK round trip is exact has nothing to report.
	if (decodeGbk(encodeGbk(text)) === text) {
		lastEncodable = text;
		return undefined;
	}
	let position = 0;
	for (const character of text) {
		position++;
		if (character === '?') continue;
		if (decodeGbk(encodeGbk(character)) !== character) return { character, position };
	}
	return undefined;
}

// Bytes left as they are in application/x-www-form-urlencoded: A-Z a-z 0-9 * - . _
const UNRESERVED = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._') UNRESERVED[c.charCodeAt(0)] = 1;
const HEX_DIGITS = Buffer.from('0123456789ABCDEF', 'latin1');
const PLUS = 0x2b;
const PERCENT = 0x25;

/**
 * Form-encodes the GBK bytes of a text, byte by byte (a space becomes "+"). Written into one
 * buffer: a call's mobile field holds 20,000 numbers, and adding to a string byte by byte
 * would leave a chain of 240,000 partial strings for the garbage collector.
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
