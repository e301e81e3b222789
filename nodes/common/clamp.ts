/**
 * A number option as the node may use it: whole, within [min, max]. n8n's editor enforces an
 * option's minValue/maxValue, but expressions, the API and imported workflows bypass it; a
 * value that is not a number becomes `min`.
 */
export function clamp(value: unknown, min: number, max: number): number {
	const number = Number(value);
	if (!Number.isFinite(number)) return min;
	return Math.min(max, Math.max(min, Math.floor(number)));
}
