import { decode, encode } from 'iconv-lite';

/**
 * GBK text to bytes and back: the one place that does either. Node has a GBK decoder but no
 * encoder, hence iconv-lite. iconv-lite writes "?" for a character GBK cannot hold, so
 * `firstUnencodable` finds such characters before anything is sent.
 */
export function encodeGbk(text: string): Buffer {
	return encode(text, 'gbk');
}

export function decodeGbk(bytes: Buffer): string {
	return decode(bytes, 'gbk');
}

/** The first character GBK cannot encode (emoji, rare scripts), with its 1-based position. */
export function firstUnencodable(text: string): { character: string; position: number } | undefined {
	// A text whose GBK round trip is exact has nothing to report: one round trip for most texts.
	if (decodeGbk(encodeGbk(text)) === text) return undefined;
	let position = 0;
	for (const character of text) {
		position++;
		if (character === '?') continue;
		if (decodeGbk(encodeGbk(character)) !== character) return { character, position };
	}
	return undefined;
}
