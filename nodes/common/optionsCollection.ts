import type { INodeProperties } from 'n8n-workflow';

/** The Options collection of an operation, as n8n shows it: optional settings, added one by one. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}
