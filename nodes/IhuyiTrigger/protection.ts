/**
 * ihuyi signs nothing, so a push URL that leaks lets anyone start the workflow. Besides the
 * secret token (../Ihuyi/push/pushToken.ts), the trigger can allow-list sender IPs (single
 * addresses or IPv4 CIDR ranges).
 */
export function normaliseIp(address: string): string {
	return address.trim().replace(/^::ffff:/i, '');
}

export function ipAllowed(allowList: string, address: string): boolean {
	const rules = allowList.split(/[\s,;]+/).filter((rule) => rule !== '');
	if (rules.length === 0) return true;
	const ip = normaliseIp(address);
	return rules.some((rule) => (rule.includes('/') ? inCidr(ip, rule) : normaliseIp(rule) === ip));
}

function inCidr(ip: string, cidr: string): boolean {
	const [range, bitsText] = cidr.split('/');
	const bits = Number(bitsText);
	const ipNumber = ipv4ToNumber(ip);
	const rangeNumber = ipv4ToNumber(range);
	if (ipNumber === undefined || rangeNumber === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
	const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
	return (ipNumber & mask) >>> 0 === (rangeNumber & mask) >>> 0;
}

function ipv4ToNumber(ip: string): number | undefined {
	const parts = ip.split('.');
	if (parts.length !== 4) return undefined;
	let value = 0;
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
		value = value * 256 + Number(part);
	}
	return value;
}
