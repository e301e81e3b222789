import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { attachContext, attachFailure, redact } from './errors';
import { markAnswerLost, markNotSent } from './failureKinds';

/**
 * What a request does on the provider's side. A failed read costs nothing to ask again;
 * a failed send may have delivered and billed its message already, so its error says so
 * and carries no cause that invites an automatic repeat (n8n-workflow counts
 * `temporarily-unavailable` among the causes where waiting and trying again helps).
 */
export type RequestPurpose = 'send' | 'read';

const MAY_BE_SENT =
	'The message may already have been sent and billed. It is not repeated automatically, because a repeat can deliver it twice: check the delivery receipts or the provider console before sending it again.';

/** Network codes of a connection that never opened: no byte of the request left n8n. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_INVALID_URL']);

/**
 * The provider answered something we cannot read (an HTML error page from a proxy, an empty
 * body, truncated JSON…). We show the HTTP status and the start of the body, with every
 * secret the caller names masked out.
 */
export function unexpectedAnswerError(
	node: INode,
	itemIndex: number,
	details: { provider: string; product: string; status: number; body: string; secrets: string[]; purpose: RequestPurpose },
): NodeApiError {
	const start = redact(details.body.replace(/\s+/g, ' ').trim().slice(0, 200), details.secrets);
	const shown = start === '' ? '(empty body)' : `"${start}"`;
	const serverFailed = details.status >= 500;
	const send = details.purpose === 'send';
	const cause = serverFailed && !send ? 'temporarily-unavailable' : undefined;
	let description = serverFailed
		? 'The provider or a proxy in front of it is failing. Try again later; if it persists, check the base URL in the credential and the provider status.'
		: 'The answer is neither the JSON nor the XML the provider documents. Check the base URL in the credential: it must point at the provider API, not at a web page.';
	if (send) {
		description = serverFailed
			? `The provider or a proxy in front of it failed after the request was written. ${MAY_BE_SENT}`
			: `The answer is neither the JSON nor the XML the provider documents: check the base URL in the credential. ${MAY_BE_SENT}`;
	}
	const error = new NodeApiError(
		node,
		{ provider: details.provider, product: details.product, httpStatus: details.status, bodyStart: start },
		{
			message: `Unexpected answer from ${details.provider} (HTTP ${details.status}): ${shown}${send ? ' — the message may already have been sent' : ''}`,
			description,
			httpCode: String(details.status),
			itemIndex,
			failure: cause ? { cause } : undefined,
		},
	);
	attachFailure(error, cause);
	attachContext(error, { provider: details.provider, product: details.product, httpStatus: details.status });
	// A 3xx or 4xx page is a wrong address, not a lost answer: asking again gets the same page.
	return serverFailed || (details.status >= 200 && details.status < 300) ? markAnswerLost(error) : error;
}

/**
 * The request did not complete (timeout, refused connection, reset). The network error of
 * the HTTP client carries the request configuration, body and credentials included, so we
 * keep only its code and message.
 */
export function transportError(
	node: INode,
	itemIndex: number,
	details: { provider: string; product: string; error: unknown; secrets: string[]; timeoutMs?: number; purpose: RequestPurpose },
): NodeApiError {
	const { code, message } = describeNetworkError(details.error);
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message);
	const neverConnected = !timedOut && NEVER_CONNECTED.has(code);
	const maybeSent = details.purpose === 'send' && !neverConnected;
	const text = timedOut
		? `No answer from ${details.provider} within ${details.timeoutMs ?? 'the allowed'} ms`
		: `Could not reach ${details.provider}: ${redact(message, details.secrets)}`;
	let description = neverConnected
		? 'Nothing was sent: the connection was never opened. Check the base URL in the credential and that the n8n server can reach the provider.'
		: 'Check the base URL in the credential and that the n8n server can reach the provider.';
	if (timedOut) description = 'The request may or may not have reached the provider.';
	if (maybeSent) description = timedOut ? `The request may have reached the provider. ${MAY_BE_SENT}` : `The connection broke before the answer came. ${MAY_BE_SENT}`;
	const cause = maybeSent ? undefined : 'temporarily-unavailable';
	const error = new NodeApiError(
		node,
		{ provider: details.provider, product: details.product, networkCode: code },
		{
			message: maybeSent ? `${text} — the message may already have been sent` : text,
			description,
			itemIndex,
			failure: cause ? { cause } : undefined,
		},
	);
	attachFailure(error, cause);
	attachContext(error, { provider: details.provider, product: details.product, networkCode: code });
	markAnswerLost(error);
	return neverConnected ? markNotSent(error) : error;
}

function describeNetworkError(error: unknown): { code: string; message: string } {
	if (error && typeof error === 'object') {
		const candidate = error as { code?: unknown; message?: unknown; cause?: unknown };
		const inner = candidate.cause as { code?: unknown; message?: unknown } | undefined;
		const code = typeof candidate.code === 'string' ? candidate.code : typeof inner?.code === 'string' ? inner.code : 'UNKNOWN';
		const message = typeof candidate.message === 'string' ? candidate.message : String(error);
		return { code, message };
	}
	return { code: 'UNKNOWN', message: String(error) };
}

/**
 * The provider said "success" but left out a field we need (an id, a balance). For a send
 * the message has most likely gone out, so the error says so: re-running would send again.
 */
export function incompleteAnswerError(
	node: INode,
	itemIndex: number,
	details: { provider: string; product: string; missing: string; sent: boolean },
): NodeApiError {
	const error = new NodeApiError(
		node,
		{ provider: details.provider, product: details.product, missing: details.missing },
		{
			message: `${details.provider} reported success but its answer has no ${details.missing}`,
			description: details.sent
				? 'The message was most likely accepted and billed. Do not send it again; check the provider console or the delivery receipts.'
				: 'The provider answer is incomplete. Try again later; if it persists, check the base URL in the credential.',
			itemIndex,
		},
	);
	attachContext(error, { provider: details.provider, product: details.product, missing: details.missing });
	// An incomplete read is an unreadable answer; an incomplete send went out.
	return details.sent ? error : markAnswerLost(error);
}
