import type { IExecuteFunctions, IHttpRequestOptions, IPollFunctions } from 'n8n-workflow';

import { transportError, unexpectedAnswerError } from './requestErrors';
import type { RequestPurpose } from './requestErrors';
import { responseText } from './responseText';

/**
 * One form POST to a provider, signed by the credential's `authenticate` (which also writes
 * the form encoding and the base URL). Both providers answer inside HTTP 200, so any other
 * status is an unexpected answer; a request that got no answer is a transport error. Errors
 * never carry the request (its body holds the credentials), and the secrets are masked in
 * whatever text they do carry.
 */
export interface FormPost {
	provider: string;
	product: string;
	credentialType: string;
	itemIndex: number;
	/** A path: the credential points it at its base URL. */
	url: string;
	/** The fields as the provider's encoding wants them; the credential adds its own. */
	body: string | Record<string, string>;
	timeoutMs: number;
	/** How the provider's answer is written. */
	charset: 'utf8' | 'gbk';
	secrets: string[];
	/** Whether the request sends a message: its failures then say it may have gone out. */
	purpose: RequestPurpose;
	/**
	 * Request options that the credential's `authenticate` reads, typed by the provider (how
	 * it sends a password, say). n8n sends only the request options it knows, so they never travel.
	 */
	forCredential?: object;
}

/** An answer that came with a 2xx status: its text and that status. */
export interface FormAnswer {
	text: string;
	httpStatus: number;
}

export async function postForm(ctx: IExecuteFunctions | IPollFunctions, post: FormPost): Promise<FormAnswer> {
	const options: IHttpRequestOptions = {
		...post.forCredential,
		method: 'POST',
		url: post.url,
		body: post.body,
		timeout: post.timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Bytes, not text: n8n would decode every answer as UTF-8, and a provider may write GBK.
		encoding: 'arraybuffer',
		json: false,
	};
	let response: { statusCode: number; body: unknown };
	try {
		response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, post.credentialType, options)) as {
			statusCode: number;
			body: unknown;
		};
	} catch (error) {
		throw transportError(ctx.getNode(), post.itemIndex, {
			provider: post.provider,
			product: post.product,
			error,
			secrets: post.secrets,
			timeoutMs: post.timeoutMs,
			purpose: post.purpose,
		});
	}
	const text = responseText(response.body, post.charset);
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw unexpectedAnswerError(ctx.getNode(), post.itemIndex, {
			provider: post.provider,
			product: post.product,
			status: response.statusCode,
			body: text,
			secrets: post.secrets,
			purpose: post.purpose,
		});
	}
	return { text, httpStatus: response.statusCode };
}
