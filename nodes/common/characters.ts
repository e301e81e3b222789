/** Characters message text may not hold: emoji, and halves of surrogate pairs. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\uFE0F|\u20E3/u;

/** Position (1-based, in characters) and text of the first emoji, if any. */
export function findEmoji(text: string): { position: number; character: string } | undefined {
	let position = 0;
	for (const character of text) {
		position++;
		if (EMOJI.test(character)) return { position, character };
	}
	return undefined;
}

/** Broken text from a bad expression or a cut-off string: half of a surrogate pair. */
export function hasLoneSurrogate(text: string): boolean {
	return LONE_SURROGATE.test(text);
}
