import type { INode } from 'n8n-workflow';

import { invalidInput } from './errors';
import { hasLoneSurrogate } from './characters';
import { characterCount } from './segments';

/** What one provider accepts as message text. */
export interface ContentRules {
	provider: string;
	maxCharacters: number;
	/** The fix for text that is `over` characters too long. */
	tooLongFix(over: number): string;
	/** The first character the provider cannot take, with why and the fix. */
	refuse?(content: string): { problem: string; fix: string } | undefined;
}

/**
 * The checks of message text both providers share, before anything is sent: not empty, no
 * broken character from an expression, not longer than the provider takes, and nothing
 * the provider refuses or would garble (its `refuse` rule, e.g. emoji or characters outside GBK).
 */
export function checkContent(node: INode, itemIndex: number, content: string, label: string, rules: ContentRules): void {
	if (content.trim() === '') {
		throw invalidInput(node, itemIndex, label, 'is empty', `Enter the text to send in "${label}".`);
	}
	if (hasLoneSurrogate(content)) {
		throw invalidInput(
			node,
			itemIndex,
			label,
			'contains a broken character (half of a surrogate pair)',
			'The text was probably cut in the middle of an emoji or a rare character by an expression; fix the expression that builds it.',
		);
	}
	const length = characterCount(content);
	if (length > rules.maxCharacters) {
		throw invalidInput(
			node,
			itemIndex,
			label,
			`is ${length} characters long; ${rules.provider} accepts at most ${rules.maxCharacters}`,
			rules.tooLongFix(length - rules.maxCharacters),
		);
	}
	const refused = rules.refuse?.(content);
	if (refused) throw invalidInput(node, itemIndex, label, refused.problem, refused.fix);
}
