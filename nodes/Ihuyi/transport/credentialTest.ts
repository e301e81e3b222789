import type { ICredentialTestRequest } from 'n8n-workflow';

import { CREDENTIAL_TEST_CODES, lookupCode } from './errorCatalogue';
import { IHUYI_PRODUCTS } from './products';
import type { IhuyiProduct } from './products';

/** The credential test: a balance query (GetNum) of the same product. */
export function ihuyiCredentialTest(product: IhuyiProduct): ICredentialTestRequest {
	const info = IHUYI_PRODUCTS[product];
	return {
		request: {
			method: 'POST',
			url: `${info.path}?method=GetNum`,
		},
		// n8n fails the test when a rule's key equals its value. ihuyi answers HTTP 200 with a
		// code; resellers sometimes send the code as text, so each code is listed both ways.
		rules: [
			{
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'code',
					value: undefined,
					message: `The base URL did not answer like ihuyi (no status code in the answer). Check the Base URL: it should be ${info.defaultBaseUrl} or your reseller's ihuyi host.`,
				},
			},
			...CREDENTIAL_TEST_CODES.flatMap((code) => {
			const known = lookupCode(product, code, 'GetNum');
			const message = known
				? `ihuyi ${code} ${known.zh}: ${known.en}. ${known.hint}`
				: `ihuyi refused the credential with code ${code}`;
			return [
				{ type: 'responseSuccessBody' as const, properties: { key: 'code', value: Number(code), message } },
				{ type: 'responseSuccessBody' as const, properties: { key: 'code', value: code, message } },
			];
			}),
		],
	};
}
