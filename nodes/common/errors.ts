import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

/**
 * Any error as an n8n error. Ours pass unchanged: both constructors hand back an error of
 * their own class as it is; anything else (a bug) becomes a NodeOperationError.
 */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return new NodeApiError(node, error as unknown as JsonObject);
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** Why a provider call failed, in n8n's vocabulary (see n8n-workflow's `Failure`). */
export type FailureCause =
	| 'credential-invalid'
	| 'configuration-invalid'
	| 'quota-exhausted'
	| 'rate-limited'
	| 'temporarily-unavailable';

/**
 * A bad input found before any request is made. The message names the item and the field,
 * the description says how to fix it, so the user can act without reading a stack trace.
 */
export function invalidInput(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(node, `Item ${itemIndex}: ${field} ${problem}`, {
		itemIndex,
		description: fix,
	});
}

export interface ProviderFailure {
	provider: string;
	product: string;
	/** The provider's own status code, as text ("4052", or "failure" for text-only answers). */
	code: string;
	/** The HTTP status the refusal came with: providers refuse inside a 200 answer. */
	httpStatus: number;
	/** The provider's message, untouched (usually Chinese). */
	providerMessage: string;
	/** What the code means, in English. */
	explanation: string;
	/** What the user can do about it. */
	hint?: string;
	cause?: FailureCause;
}

/**
 * A provider refused the request. The error carries only what the provider said and what
 * it means: never the request, its URL or its body, which hold the credentials.
 * NodeApiError would take the provider's `code` for an HTTP status and n8n would show
 * "4052" as one, so the real status is given as `httpCode`; the provider's code stays in
 * `context.code`.
 */
export function providerError(node: INode, itemIndex: number, failure: ProviderFailure): NodeApiError {
	const response: JsonObject = {
		provider: failure.provider,
		product: failure.product,
		code: failure.code,
		providerMessage: failure.providerMessage,
		httpStatus: failure.httpStatus,
	};
	const error = new NodeApiError(node, response, {
		message: `${failure.explanation} (${failure.provider} code ${failure.code}: ${failure.providerMessage})`,
		description: failure.hint ?? failure.explanation,
		httpCode: String(failure.httpStatus),
		itemIndex,
		failure: failure.cause ? { cause: failure.cause } : undefined,
	});
	attachFailure(error, failure.cause);
	attachContext(error, response);
	return error;
}

/**
 * The provider answered something we cannot read (an HTML error page from a proxy, an empty
 * body, truncated JSON…). We show the HTTP status and the start of the body, with every
 * secret the caller names masked out.
 */
export function unexpectedAnswerError(
	node: INode,
	itemIndex: number,
	details: { provider: string; product: string; status: number; body: string; secrets: string[] },
): NodeApiError {
	const start = redact(details.body.replace(/\s+/g, ' ').trim().slice(0, 200), details.secrets);
	const shown = start === '' ? '(empty body)' : `"${start}"`;
	const temporarilyUnavailable = details.status >= 500;
	const error = new NodeApiError(
		node,
		{ provider: details.provider, product: details.product, httpStatus: details.status, bodyStart: start },
		{
			message: `Unexpected answer from ${details.provider} (HTTP ${details.status}): ${shown}`,
			description: temporarilyUnavailable
				? 'The provider or a proxy in front of it is failing. Try again later; if it persists, check the base URL in the credential and the provider status.'
				: 'The answer is neither the JSON nor the XML the provider documents. Check the base URL in the credential: it must point at the provider API, not at a web page.',
			httpCode: String(details.status),
			itemIndex,
			failure: temporarilyUnavailable ? { cause: 'temporarily-unavailable' } : undefined,
		},
	);
	attachFailure(error, temporarilyUnavailable ? 'temporarily-unavailable' : undefined);
	attachContext(error, { provider: details.provider, product: details.product, httpStatus: details.status });
	return error;
}

/**
 * The request did not complete (timeout, refused connection, reset). The network error of
 * the HTTP client carries the request configuration, body and credentials included, so we
 * keep only its code and message.
 */
export function transportError(
	node: INode,
	itemIndex: number,
	details: { provider: string; product: string; error: unknown; secrets: string[]; timeoutMs?: number },
): NodeApiError {
	const { code, message } = describeNetworkError(details.error);
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message);
	const text = timedOut
		? `No answer from ${details.provider} within ${details.timeoutMs ?? 'the allowed'} ms`
		: `Could not reach ${details.provider}: ${redact(message, details.secrets)}`;
	const error = new NodeApiError(
		node,
		{ provider: details.provider, product: details.product, networkCode: code },
		{
			message: text,
			description: timedOut
				? 'The request may or may not have reached the provider. A send is never repeated automatically, because a repeat can deliver and bill the message twice: check the delivery receipts or the provider console before sending again.'
				: 'Check the base URL in the credential and that the n8n server can reach the provider.',
			itemIndex,
			failure: { cause: 'temporarily-unavailable' },
		},
	);
	attachFailure(error, 'temporarily-unavailable');
	attachContext(error, { provider: details.provider, product: details.product, networkCode: code });
	return error;
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
 * The error's `context` is where n8n keeps node-specific data (the editor shows it and it
 * survives serialisation in both n8n 1.x and 2.x), so the provider's code lives there too.
 */
function attachContext(error: NodeApiError, data: IDataObject): void {
	error.context = { ...(error.context ?? {}), ...data };
}

/** n8n-workflow before 2.x has no `failure` option; set it so readers find it on either. */
function attachFailure(error: NodeApiError, cause: FailureCause | undefined): void {
	if (cause && !(error as { failure?: unknown }).failure) {
		(error as unknown as { failure: { cause: FailureCause } }).failure = { cause };
	}
}

/** Replace every occurrence of every non-empty secret (and its URL-encoded form) by "***". */
export function redact(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (!secret || secret.length < 3) continue;
		for (const form of new Set([secret, encodeURIComponent(secret)])) {
			result = result.split(form).join('***');
		}
	}
	return result;
}

/**
 * What a failed item becomes under "Continue On Fail": the error as plain data, so the next
 * node can branch on `error.code` and the user sees the same text as in the error panel.
 */
export function errorToItemJson(error: unknown): IDataObject {
	const e = error as {
		message?: string;
		description?: string | null;
		httpCode?: string | null;
		failure?: { cause?: string };
	};
	const cause = ((error as { context?: IDataObject }).context ?? {}) as IDataObject;
	const json: IDataObject = {
		message: e.message ?? String(error),
	};
	if (e.description) json.description = e.description;
	if (typeof cause.code === 'string') json.code = cause.code;
	if (typeof cause.providerMessage === 'string') json.providerMessage = cause.providerMessage;
	if (typeof cause.httpStatus === 'number') json.httpStatus = cause.httpStatus;
	if (e.failure?.cause) json.cause = e.failure.cause;
	return { success: false, error: json };
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
	return error;
}

/** A credential field the provider needs is empty: said before any request is made. */
export function emptyCredentialField(node: INode, credentialName: string, field: string): NodeOperationError {
	return new NodeOperationError(node, `The ${credentialName} credential has no ${field}`, {
		description: `Open the credential and enter the ${field}; nothing was sent.`,
	});
}
