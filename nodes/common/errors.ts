import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { markNotSent } from './failureKinds';

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
	// A refusal is final: nothing was sent, and asking again gets the same answer.
	return markNotSent(error);
}

/**
 * The error's `context` is where n8n keeps node-specific data (the editor shows it and it
 * survives serialisation in both n8n 1.x and 2.x), so the provider's code lives there too.
 */
export function attachContext(error: NodeApiError, data: IDataObject): void {
	error.context = { ...(error.context ?? {}), ...data };
}

/** n8n-workflow before 2.x has no `failure` option; set it so readers find it on either. */
export function attachFailure(error: NodeApiError, cause: FailureCause | undefined): void {
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

/** A credential field the provider needs is empty: said before any request is made. */
export function emptyCredentialField(node: INode, credentialName: string, field: string): NodeOperationError {
	const error = new NodeOperationError(node, `The ${credentialName} credential has no ${field}`, {
		description: `Open the credential and enter the ${field}; nothing was sent.`,
	});
	return markNotSent(error);
}
