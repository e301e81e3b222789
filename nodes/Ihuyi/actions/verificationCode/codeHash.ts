import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'crypto';

/** A uniformly random code of `length` digits from a cryptographic source; leading zeros kept. */
export function makeCode(length: number): string {
	let code = '';
	for (let i = 0; i < length; i++) code += String(randomInt(10));
	return code;
}

/**
 * The stored form of a code: an HMAC keyed with a random salt of its own, over the number and
 * purpose too, so a hash copied to another row proves nothing there.
 */
export function hashCode(code: string, key: string, salt: string): string {
	return createHmac('sha256', salt).update(`${key}\n${code}`).digest('hex');
}

export function newSalt(): string {
	return randomBytes(16).toString('hex');
}

/** Whether a typed code matches the stored hash; the comparison takes the same time either way. */
export function codeMatches(typed: string, key: string, salt: string, storedHash: string): boolean {
	const typedHash = Buffer.from(hashCode(typed, key, salt), 'hex');
	const stored = Buffer.from(storedHash, 'hex');
	// Both are SHA-256 digests; a damaged stored value is compared against itself to take the same time.
	if (stored.length !== typedHash.length) return !timingSafeEqual(typedHash, typedHash);
	return timingSafeEqual(typedHash, stored);
}
