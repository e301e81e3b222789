/**
 * ihuyi's 4080 rule, "同一手机号码同一秒钟之内发送频率不能超过 1 条": a message to a number
 * that arrives within `intervalMs` of the last message accepted for that number (by the same
 * product: each product is its own account and host) is refused. Time is taken when the
 * request arrives, where ihuyi stamps a message. A refused attempt is not a message and does
 * not restart the window.
 */
export class IhuyiRateLimit {
	enabled = true;

	intervalMs = 1000;

	private readonly lastAccepted = new Map<string, number>();

	/** Whether a message to `key` arriving at `at` may go; it is recorded when it may. */
	admit(key: string, at: number): boolean {
		const last = this.lastAccepted.get(key);
		if (this.enabled && last !== undefined && at - last < this.intervalMs) return false;
		this.lastAccepted.set(key, at);
		return true;
	}

	reset(): void {
		this.enabled = true;
		this.intervalMs = 1000;
		this.lastAccepted.clear();
	}
}
