import type { ICredentialTestFunction, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { CREDENTIAL_TEST_CODES, lookupCode } from './errorCatalogue';
import { parseIhuyiAnswer } from './parseAnswer';
import { IHUYI_PRODUCTS } from './products';
import type { IhuyiProduct } from './products';
import { signIhuyiRequest } from './signing';

const TIMEOUT_MS = 30000;

interface FullResponse {
	statusCode: number;
	statusMessage?: string;
	body: unknown;
}

/**
 * The credential test: a balance query (GetNum) of the same product, signed by the same code
 * as every call. It is a node method (the Ihuyi node's `testedBy`), not a declarative `test`,
 * because n8n's declarative rules only compare fields of a JSON answer, and hosts that answer
 * XML whatever `format` asks for (older hosts, resellers) would fail it even with the right
 * key. A credential test gets one HTTP helper from n8n, `request`, in n8n 1.x and 2.x alike.
 */
export function ihuyiCredentialTest(product: IhuyiProduct): ICredentialTestFunction {
	const { defaultBaseUrl, path } = IHUYI_PRODUCTS[product];
	return async function (this: ICredentialTestFunctions, credential): Promise<INodeCredentialTestResult> {
		const signed = await signIhuyiRequest(credential.data ?? {}, { method: 'POST', url: `${path}?method=GetNum` }, defaultBaseUrl);
		let response: FullResponse;
		try {
			response = (await this.helpers.request({
				method: 'POST',
				uri: signed.url,
				headers: signed.headers,
				body: signed.body,
				resolveWithFullResponse: true,
				simple: false,
				timeout: TIMEOUT_MS,
			})) as FullResponse;
		} catch (error) {
			return { status: 'Error', message: networkMessage(error) };
		}
		const { statusCode, statusMessage, body } = response;
		// What n8n's declarative test reported, kept: the status text, else the code.
		if (statusCode < 200 || statusCode > 299) return { status: 'Error', message: statusMessage || `Received HTTP status code: ${statusCode}` };
		return verdict(product, typeof body === 'string' ? body : JSON.stringify(body));
	};
}

function verdict(product: IhuyiProduct, text: string): INodeCredentialTestResult {
	const parsed = parseIhuyiAnswer(text, []);
	if (!parsed.ok) {
		const { defaultBaseUrl } = IHUYI_PRODUCTS[product];
		return {
			status: 'Error',
			message: `The base URL did not answer like ihuyi (no status code in the answer). Check the Base URL: it should be ${defaultBaseUrl} or your reseller's ihuyi host.`,
		};
	}
	const { code } = parsed.answer;
	if (code === '2') return { status: 'OK', message: 'Connection successful!' };
	// Any other code fails too: a test that passes must mean the next call can go through.
	const known = lookupCode(product, code, 'GetNum');
	if (known) return { status: 'Error', message: `ihuyi ${code} ${known.zh}: ${known.en}. ${known.hint}` };
	return {
		status: 'Error',
		message: CREDENTIAL_TEST_CODES.includes(code)
			? `ihuyi refused the credential with code ${code}`
			: `ihuyi answered the balance query with code ${code} instead of a balance`,
	};
}

/** The network code only (ECONNREFUSED…), as n8n reports it: the error carries the request. */
function networkMessage(error: unknown): string {
	const { cause, code, message } = error as { cause?: { code?: string }; code?: string; message?: string };
	return cause?.code ?? code ?? String(message ?? 'The request failed');
}
