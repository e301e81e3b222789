import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { emptyCredentialField, providerError, transportError, unexpectedAnswerError } from '../../common/errors';
import { withReadRetries } from '../../common/readRetry';
import { responseText } from '../../common/responseText';
import { lookupCode } from './errorCatalogue';
import { parseIhuyiAnswer } from './parseAnswer';
import type { IhuyiAnswer } from './parseAnswer';
import { IHUYI_PRODUCTS } from './products';
import type { IhuyiProduct } from './products';

export const DEFAULT_TIMEOUT_MS = 15000;

export interface IhuyiCall {
	product: IhuyiProduct;
	method: 'Submit' | 'GetNum';
	itemIndex: number;
	fields?: Record<string, string>;
	timeoutMs?: number;
}

/**
 * One ihuyi call, signed by the product's credential. Resolves with the answer when ihuyi
 * says code 2; otherwise throws a NodeApiError that carries the code, the provider's text
 * and what to do. A Submit is never retried (a repeat can deliver and bill a message
 * twice); a balance query (GetNum) is retried briefly when the answer was lost.
 */
export async function callIhuyi(ctx: IExecuteFunctions, call: IhuyiCall): Promise<IhuyiAnswer> {
	return call.method === 'GetNum' ? await withReadRetries(ctx.getNode(), async () => await callOnce(ctx, call)) : await callOnce(ctx, call);
}

async function callOnce(ctx: IExecuteFunctions, call: IhuyiCall): Promise<IhuyiAnswer> {
	const info = IHUYI_PRODUCTS[call.product];
	const node = ctx.getNode();
	const secrets = await credentialSecrets(ctx, info.credentialType);
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: `${info.path}?method=${call.method}`,
		body: call.fields ?? {},
		timeout: call.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		encoding: 'arraybuffer',
		json: false,
	};

	let response: { statusCode: number; body: unknown };
	try {
		response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			info.credentialType,
			options,
		)) as { statusCode: number; body: unknown };
	} catch (error) {
		throw transportError(node, call.itemIndex, {
			provider: 'ihuyi',
			product: call.product,
			error,
			secrets,
			timeoutMs: options.timeout,
		});
	}

	const text = responseText(response.body, 'utf8');
	const parsed = response.statusCode >= 200 && response.statusCode < 300
		? parseIhuyiAnswer(text, info.idFields)
		: undefined;
	if (!parsed || !parsed.ok) {
		throw unexpectedAnswerError(node, call.itemIndex, {
			provider: 'ihuyi',
			product: call.product,
			status: response.statusCode,
			body: text,
			secrets,
		});
	}
	const { answer } = parsed;
	if (answer.code !== '2') {
		const known = lookupCode(call.product, answer.code, call.method);
		throw providerError(node, call.itemIndex, {
			provider: 'ihuyi',
			product: call.product,
			code: answer.code,
			httpStatus: response.statusCode,
			providerMessage: answer.msg || known?.zh || '',
			explanation: known?.en ?? 'ihuyi refused the request',
			hint: known?.hint ?? `ihuyi answered code ${answer.code}, which its documents do not list; the provider's message is shown as it came.`,
			cause: known?.cause,
		});
	}
	return answer;
}

// One lookup per node execution: n8n decrypts the credential on every getCredentials call.
const secretsByExecution = new WeakMap<IExecuteFunctions, Promise<string[]>>();

/**
 * The values that must never appear in an error: the API key in every form it takes. An
 * empty API ID or key is refused here, before anything is sent.
 */
async function credentialSecrets(ctx: IExecuteFunctions, credentialType: string): Promise<string[]> {
	let secrets = secretsByExecution.get(ctx);
	if (!secrets) {
		secrets = ctx.getCredentials(credentialType).then((credentials) => {
			if (!String(credentials.apiId ?? '').trim()) throw emptyCredentialField(ctx.getNode(), 'ihuyi', 'API ID');
			const apiKey = String(credentials.apiKey ?? '');
			if (!apiKey.trim()) throw emptyCredentialField(ctx.getNode(), 'ihuyi', 'API key');
			return [apiKey.trim(), apiKey];
		});
		secretsByExecution.set(ctx, secrets);
	}
	return await secrets;
}
