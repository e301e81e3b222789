import type { IAuthenticate, INodeProperties } from 'n8n-workflow';

import { IHUYI_PRODUCTS } from './products';
import type { IhuyiProduct } from './products';
import { signIhuyiRequest } from './signing';

/**
 * Domestic SMS only: ihuyi adds the signature to every message and bills it. The credential
 * holds it for every send; the send's option of the same name overrides it.
 */
export function signatureProperty(description: string): INodeProperties {
	return { displayName: 'Signature (for Segment Count)', name: 'signature', type: 'string', default: '', placeholder: 'e.g. 互亿无线', description };
}

const SIGNATURE = signatureProperty(
	'Optional: your approved signature (签名) without 【】. ihuyi adds it to every message and bills it, so every send counts it in Segments. It is never sent.',
);

export interface IhuyiCredentialParts {
	properties: INodeProperties[];
	authenticate: IAuthenticate;
}

/**
 * What the three ihuyi credentials share: each product has its own API ID and key, host and
 * error list, but the same fields and the same signing. The Ihuyi node tests them
 * (credentialTest.ts).
 */
export function ihuyiCredential(product: IhuyiProduct): IhuyiCredentialParts {
	const { defaultBaseUrl, path, wording: words } = IHUYI_PRODUCTS[product];
	const properties: INodeProperties[] = [
		{
			displayName: `Find the API ID and API key in the ihuyi console under ${words.console} → 产品总览 (Product Overview). Each product has its own pair.`,
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
			placeholder: `e.g. ${words.idPlaceholder}`,
			description: `The APIID of the ${words.name} product`,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: `The APIKEY of the ${words.name} product`,
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
					description: 'Send the API key as the password, for resellers without dynamic passwords',
				},
			],
			default: 'dynamicPassword',
			description: 'How requests prove they come from you',
		},
		...(product === 'sms' ? [SIGNATURE] : []),
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: defaultBaseUrl,
			placeholder: `e.g. ${defaultBaseUrl}`,
			description: `The ihuyi host for ${words.name}. Change it only for a reseller running the ihuyi platform; the path ${path} is added to it.`,
		},
	];
	return {
		properties,
		authenticate: async (credentials, requestOptions) => await signIhuyiRequest(credentials, requestOptions, defaultBaseUrl),
	};
}
