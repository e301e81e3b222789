/**
 * Billed message parts of a Chinese SMS, as the providers document them and Chinese carriers
 * bill: up to 70 characters is one message; a longer text is a long SMS billed per 67
 * characters (each part loses 3 characters to the concatenation header). Every character,
 * Chinese, Latin, digit or symbol, counts as one; we count Unicode code points so that a
 * character outside the BMP is not counted twice.
 */
export const SINGLE_SMS_CHARACTERS = 70;
export const LONG_SMS_PART_CHARACTERS = 67;

export function characterCount(text: string): number {
	let count = text.length;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		// A low surrogate that follows a high one completes a character already counted.
		if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
			const previous = text.charCodeAt(i - 1);
			if (previous >= 0xd800 && previous <= 0xdbff) count--;
		}
	}
	return count;
}

export function countSegments(text: string): number {
	const length = characterCount(text);
	if (length === 0) return 0;
	if (length <= SINGLE_SMS_CHARACTERS) return 1;
	return Math.ceil(length / LONG_SMS_PART_CHARACTERS);
}

// The GSM 03.38 default alphabet and its extension table (extension characters cost two).
const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

/**
 * Parts of an SMS abroad, by the GSM rule carriers outside China bill: text in the GSM
 * alphabet fits 160 characters (153 per part when longer); anything else is sent as UCS-2,
 * 70 characters (67 per part). Providers document no rule for international SMS, so this is
 * the carriers' rule, not a promise of the provider's price.
 */
export function countInternationalSegments(text: string): number {
	let septets = 0;
	for (const character of text) {
		if (GSM_BASIC.includes(character)) septets += 1;
		else if (GSM_EXTENDED.includes(character)) septets += 2;
		else return countSegments(text);
	}
	if (septets === 0) return 0;
	return septets <= 160 ? 1 : Math.ceil(septets / 153);
}
