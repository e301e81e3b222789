import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import { CREDENTIAL_TEST_CODES, lookupCode } from './errorCatalogue';
import { IHUYI_PRODUCTS } from './products';
import type { IhuyiProduct } from './products';

/** The fields of each ihuyi credential: the three differ only in product, host and wording. */
export function ihuyiCredentialProperties(product: IhuyiProduct): INodeProperties[] {
	const info = IHUYI_PRODUCTS[product];
	return [
		{
			displayName: `Find the API ID and API key in the ihuyi console under ${info.consoleModule} → 产品总览 (Product Overview). Each product has its own pair.`,
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API ID',
			name: 'apiId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. C12345678',
			description: `The APIID of the ${info.label} product`,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: `The APIKEY of the ${info.label} product`,
		},
		{
			displayName: 'Signing',
			name: 'signing',
			type: 'options',
			options: [
				{
					name: 'Dynamic Password',
					value: 'dynamicPassword',
					description: 'Sign every request with an MD5 of the API key and a timestamp; the key itself never leaves n8n',
				},
				{
					name: 'Plain API Key',
					value: 'plainApiKey',
					description: 'Send the API key as the password, for resellers that do not support dynamic passwords',
				},
			],
			default: 'dynamicPassword',
			description: 'How requests prove they come from you',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: info.defaultBaseUrl,
			placeholder: `e.g. ${info.defaultBaseUrl}`,
			description: `The ihuyi host for ${info.label}. Change it only for a reseller running the ihuyi platform; the path ${info.path} is added to it.`,
		},
	];
}

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
