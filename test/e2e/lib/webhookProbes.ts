/** Requests that prove a webhook is served without starting an execution. */
/** A request the node behind a webhook refuses itself, and the status it answers. */
export interface WebhookProbe {
	request: RequestInit;
	status: number;
}

/** The Ihuyi Trigger: an empty form body is not a push (400, no execution). */
export const TRIGGER_PROBE: WebhookProbe = {
	request: { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' },
	status: 400,
};

/** n8n's Webhook node with Ignore Bots on: a crawler's request gets 403 and no execution. */
export const BOT_PROBE: WebhookProbe = {
	request: { method: 'POST', headers: { 'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' } },
	status: 403,
};
