import { decodeGbk } from './gbk';

/**
 * Turns an HTTP body, however n8n's request helper handed it over (Buffer, ArrayBuffer,
 * string, already-parsed object), into text in the given charset.
 */
export function responseText(body: unknown, charset: 'utf8' | 'gbk'): string {
	if (body === undefined || body === null) return '';
	if (Buffer.isBuffer(body)) return decodeBuffer(body, charset);
	if (body instanceof ArrayBuffer) return decodeBuffer(Buffer.from(body), charset);
	if (ArrayBuffer.isView(body)) {
		return decodeBuffer(Buffer.from(body.buffer, body.byteOffset, body.byteLength), charset);
	}
	if (typeof body === 'string') return body;
	try {
		return JSON.stringify(body);
	} catch {
		return String(body);
	}
}

function decodeBuffer(buffer: Buffer, charset: 'utf8' | 'gbk'): string {
	return charset === 'utf8' ? buffer.toString('utf8') : decodeGbk(buffer);
}
