import { describeType } from './parameters';

/**
 * Phone-number normalisation shared by every node. We normalise only what is
 * unambiguous (full-width digits, spaces, dashes, dots, brackets, a +86/0086/86 prefix in
 * front of an 11-digit mainland mobile) and reject everything else with a reason the
 * caller can show to the user.
 */

export type NormalisedNumber = { ok: true; value: string } | { ok: false; reason: string };

const FULL_WIDTH_DIGITS = /[\uFF10-\uFF19]/g;
const FULL_WIDTH_PLUS = /\uFF0B/g;
const SEPARATORS = /[\s\-.()\u00A0\u3000\uFF08\uFF09\u2010-\u2015]/g;
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Full-width digits and plus signs (typed with a Chinese IME) become their ASCII forms. */
export function toHalfWidth(text: string): string {
	return text
		.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
		.replace(FULL_WIDTH_PLUS, '+');
}

function cleaned(raw: string): string {
	return toHalfWidth(raw).replace(SEPARATORS, '');
}

/** A mainland-China mobile number: 11 digits starting with 1, optionally written +86/0086/86. */
export function normaliseMainlandMobile(raw: unknown): NormalisedNumber {
	if (typeof raw === 'number' && Number.isInteger(raw)) raw = String(raw);
	if (typeof raw !== 'string') {
		return { ok: false, reason: `must be text, got ${describeType(raw)}` };
	}
	if (raw.trim() === '') return { ok: false, reason: 'is empty' };
	let value = cleaned(raw);
	if (/^(\+86|0086)\d{11}$/.test(value)) value = value.replace(/^(\+86|0086)/, '');
	else if (/^86\d{11}$/.test(value)) value = value.slice(2);
	if (/^(\+|00)\d+$/.test(value)) {
		return {
			ok: false,
			reason: `"${raw}" is not a mainland-China mobile number (it has a foreign country code)`,
		};
	}
	if (!/^\d+$/.test(value)) {
		return { ok: false, reason: `"${raw}" contains characters other than digits` };
	}
	if (!MAINLAND_MOBILE.test(value)) {
		return {
			ok: false,
			reason: `"${raw}" is not a mainland-China mobile number (11 digits starting with 1)`,
		};
	}
	return { ok: true, value };
}

/**
 * A mainland-China fixed line written with its area code ({区号}{号码}), as ihuyi's voice
 * notification takes it: 010 and 02x (two digits after the 0) have 8-digit local numbers,
 * every other area code (three digits) 7 or 8.
 */
const MAINLAND_FIXED_LINE = /^0(?:(?:10|2\d)\d{8}|[3-9]\d{2}\d{7,8})$/;

/**
 * A mainland mobile, or where `fixedLines` is set also a fixed line with its area code:
 * "021-5123 4567", "(021) 51234567" and "+86 21 5123 4567" are all 02151234567. Only a
 * +86 or 0086 prefix is taken in front of a fixed line (a bare 86 could be a local number).
 * An extension (转) is refused: ihuyi dials the number as written.
 */
export function normaliseMainlandNumber(raw: unknown, fixedLines: boolean): NormalisedNumber {
	const mobile = normaliseMainlandMobile(raw);
	if (mobile.ok || !fixedLines || typeof raw !== 'string') return mobile;
	let value = cleaned(raw);
	const national = /^(?:\+86|0086)(\d+)$/.exec(value);
	if (national) value = national[1].startsWith('0') ? national[1] : `0${national[1]}`;
	if (MAINLAND_FIXED_LINE.test(value)) return { ok: true, value };
	if (!/^\d+$/.test(value)) return mobile;
	return {
		ok: false,
		reason: `"${raw}" is neither a mainland-China mobile number (11 digits starting with 1) nor a fixed line with its area code (e.g. 02151234567)`,
	};
}

export interface InternationalNumber {
	countryCode: string;
	nationalNumber: string;
}

export type ParsedInternational =
	| ({ ok: true } & InternationalNumber)
	| { ok: false; reason: string };

/**
 * An international number, either E.164 in one string ("+85261234567", "0085261234567")
 * with the country code resolved from the ITU list, or a separate country code and
 * national number. A leading trunk 0 of the national number is dropped ("+44 07700…" is
 * a common mistake for "+44 7700…").
 */
export function parseInternationalNumber(
	rawNumber: unknown,
	rawCountryCode?: unknown,
): ParsedInternational {
	if (typeof rawNumber === 'number' && Number.isInteger(rawNumber)) rawNumber = String(rawNumber);
	if (typeof rawCountryCode === 'number' && Number.isInteger(rawCountryCode)) {
		rawCountryCode = String(rawCountryCode);
	}
	if (typeof rawNumber !== 'string') {
		return { ok: false, reason: `must be text, got ${describeType(rawNumber)}` };
	}
	if (rawNumber.trim() === '') return { ok: false, reason: 'is empty' };
	const number = cleaned(rawNumber);
	if (rawCountryCode !== undefined && rawCountryCode !== '') {
		if (typeof rawCountryCode !== 'string') {
			return { ok: false, reason: `country code must be text, got ${describeType(rawCountryCode)}` };
		}
		const countryCode = cleaned(rawCountryCode).replace(/^(\+|00)/, '');
		if (!/^\d{1,3}$/.test(countryCode) || !COUNTRY_CODES.has(countryCode)) {
			return { ok: false, reason: `country code "${rawCountryCode}" is not a known ITU country calling code` };
		}
		const national = number.replace(/^(\+|00)/, '');
		if (national !== number && national.startsWith(countryCode)) {
			return checkNational(countryCode, national.slice(countryCode.length), rawNumber);
		}
		return checkNational(countryCode, national.replace(/^0/, ''), rawNumber);
	}
	if (!/^(\+|00)\d+$/.test(number)) {
		return {
			ok: false,
			reason: `"${rawNumber}" has no country code: write it as +<country code><number>, e.g. +85261234567`,
		};
	}
	const digits = number.replace(/^(\+|00)/, '');
	for (const length of [1, 2, 3]) {
		const countryCode = digits.slice(0, length);
		if (COUNTRY_CODES.has(countryCode)) {
			return checkNational(countryCode, digits.slice(length).replace(/^0/, ''), rawNumber);
		}
	}
	return { ok: false, reason: `"${rawNumber}" does not start with a known country calling code` };
}

function checkNational(countryCode: string, national: string, raw: string): ParsedInternational {
	if (national !== '' && !/^\d+$/.test(national)) {
		return { ok: false, reason: `"${raw}" contains characters other than digits` };
	}
	// E.164 allows 15 digits in all; no national mobile number is shorter than 4 digits.
	if (national.length < 4 || countryCode.length + national.length > 15) {
		return { ok: false, reason: `"${raw}" is too short or too long for an international number` };
	}
	return { ok: true, countryCode, nationalNumber: national };
}

/**
 * ITU-T E.164 country calling codes in use. Codes are prefix-free, so the first match of
 * length 1, 2 or 3 is the country code.
 */
const COUNTRY_CODES = new Set(
	(
		'1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 ' +
		'81 82 84 86 90 91 92 93 94 95 98 211 212 213 216 218 220 221 222 223 224 225 226 227 228 229 230 231 232 ' +
		'233 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248 249 250 251 252 253 254 255 256 257 258 260 ' +
		'261 262 263 264 265 266 267 268 269 290 291 297 298 299 350 351 352 353 354 355 356 357 358 359 370 371 372 ' +
		'373 374 375 376 377 378 380 381 382 383 385 386 387 389 420 421 423 500 501 502 503 504 505 506 507 508 509 ' +
		'590 591 592 593 594 595 596 597 598 599 670 672 673 674 675 676 677 678 679 680 681 682 683 685 686 687 688 ' +
		'689 690 691 692 850 852 853 855 856 880 886 960 961 962 963 964 965 966 967 968 970 971 972 973 974 975 976 ' +
		'977 992 993 994 995 996 998'
	).split(' '),
);
