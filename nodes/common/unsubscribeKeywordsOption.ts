import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { unsubscribeKeywords } from './unsubscribe';

/** The option of every node that emits replies: the user's own opt-out answers. */
export const unsubscribeKeywordsOption: INodeProperties = {
	displayName: 'Unsubscribe Keywords',
	name: 'unsubscribeKeywords',
	type: 'string',
	default: '',
	placeholder: 'e.g. STOP, 不要再发',
	description:
		'More replies that set unsubscribe to true, comma-separated, on top of T, TD, N, R, 退订, 取消 and 退. Compared like those: in any letter case, full-width or not, with spaces and punctuation around ignored; the whole reply must be the keyword.',
};

/**
 * The keywords to compare replies with, from the node's Options. An expression may give a
 * list instead of a text: String() joins it with commas, which reads the same.
 */
export function readUnsubscribeKeywords(options: IDataObject): ReadonlySet<string> {
	const custom = options.unsubscribeKeywords;
	return unsubscribeKeywords(custom === undefined || custom === null ? '' : String(custom));
}
