import type { IExecuteFunctions } from 'n8n-workflow';

import { credentialSecrets } from '../../common/credentials';
import type { SecretsReader } from '../../common/credentials';
import { emptyCredentialField, providerError } from '../../common/errors';
import { postForm } from '../../common/formPost';
import { withReadRetries } from '../../common/readRetry';
import { unexpectedAnswerError } from '../../common/requestErrors';
import { lookupCode } from './errorCatalogue';
import { parseIhuyiAnswer } from './parseAnswer';
import type { IhuyiAnswer } from './parseAnswer';
import { IHUYI_PRODUCTS } from './products';
import type { IhuyiMethod, IhuyiProduct } from './products';
import { templatePassword } from './signing';

export const DEFAULT_TIMEOUT_MS = 15000;


export interface IhuyiCall {
	product: IhuyiProduct;
	method: IhuyiMethod;
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
	const secrets = await credentialSecrets(ctx, info.credentialType, readSecrets);
	// A template filed twice is two templates to review: AddTemplate is never repeated either.
	const purpose = call.method === 'GetNum' ? 'read' : 'send';
	// ihuyi's form is UTF-8: the credential writes it from these fields as it signs them.
	const reply = await postForm(ctx, {
		provider: 'ihuyi',
		product: call.product,
		credentialType: info.credentialType,
		itemIndex: call.itemIndex,
		url: `${info.path}?method=${call.method}`,
		body: call.fields ?? {},
		timeoutMs: call.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		charset: 'utf8',
		secrets,
		purpose,
	});
	const parsed = parseIhuyiAnswer(reply.text, call.method === 'AddTemplate' ? ['templateid'] : info.idFields);
	if (!parsed.ok) {
		throw unexpectedAnswerError(ctx.getNode(), call.itemIndex, {
			provider: 'ihuyi',
			product: call.product,
			status: reply.httpStatus,
			body: reply.text,
			secrets,
			purpose,
		});
	}
	const { answer } = parsed;
	if (answer.code !== '2') {
		const known = lookupCode(call.product, answer.code, call.method);
		throw providerError(ctx.getNode(), call.itemIndex, {
			provider: 'ihuyi',
			product: call.product,
			code: answer.code,
			httpStatus: reply.httpStatus,
			providerMessage: answer.msg || known?.zh || '',
			explanation: known?.en ?? 'ihuyi refused the request',
			hint: known?.hint ?? `ihuyi answered code ${answer.code}, which its documents do not list; the provider's message is shown as it came.`,
			cause: known?.cause,
		});
	}
	return answer;
}

/**
 * The values that must never appear in an error: the API key in every form it takes, its
 * MD5 included (AddTemplate's password). An empty API ID or key is refused here, before
 * anything is sent.
 */
const readSecrets: SecretsReader = (credentials, ctx) => {
	if (!String(credentials.apiId ?? '').trim()) throw emptyCredentialField(ctx.getNode(), 'ihuyi', 'API ID');
	const apiKey = String(credentials.apiKey ?? '');
	if (!apiKey.trim()) throw emptyCredentialField(ctx.getNode(), 'ihuyi', 'API key');
	return [apiKey.trim(), apiKey, templatePassword(apiKey.trim())];
};
