import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resources, router } from './actions/router';
import { ihuyiCredentialTest } from './transport/credentialTest';
import { IHUYI_PRODUCT_NAMES, IHUYI_PRODUCTS } from './transport/products';

const resourceList = Object.entries(resources).map(([value, resource]) => ({ value, ...resource }));
/** Each credential type, shown for the resources that use it. */
const credentialTypes = [...new Set(resourceList.map((resource) => resource.credentialType))];

/**
 * ihuyi (互亿无线): domestic SMS and its templates, international SMS and voice verification
 * codes. Each product has its own credential, because ihuyi gives each its own API ID and key.
 */
export class Ihuyi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ihuyi',
		name: 'ihuyi',
		icon: { light: 'file:ihuyi.svg', dark: 'file:ihuyi.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send SMS, international SMS and voice verification codes with ihuyi (互亿无线), and submit SMS templates for review. Turn on the Dry Run option of a send to preview it: the normalised number, the content and the billed messages, with nothing sent.',
		defaults: { name: 'Ihuyi' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialTypes.map((name) => ({
			name,
			required: true,
			testedBy: name,
			displayOptions: { show: { resource: resourceList.filter((resource) => resource.credentialType === name).map((resource) => resource.value) } },
		})),
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceList.map(({ displayName, value }) => ({ name: displayName, value })),
				default: 'sms',
			},
			...resourceList.flatMap((resource) => resource.description),
		],
	};

	// A balance query of each product, named by the credential it tests (the testedBy above).
	methods = {
		credentialTest: Object.fromEntries(IHUYI_PRODUCT_NAMES.map((product) => [IHUYI_PRODUCTS[product].credentialType, ihuyiCredentialTest(product)])),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
