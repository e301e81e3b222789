/** How the note on a partial failure names what went out: items by index, calls by batch id. */
export interface SentNaming {
	noun: string;
	listName: string;
}

/**
 * Tells the user what went out before the failure, so that a re-run does not surprise them:
 * nothing is ever sent twice by the node itself, but running the workflow again would.
 */
export function noteAlreadySent(error: unknown, naming: SentNaming, ids: string[]): void {
	if (!error || typeof error !== 'object' || ids.length === 0) return;
	const list = ids.length > 10 ? `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more` : ids.join(', ');
	const note = `${ids.length} ${naming.noun}(s) were already sent before this failure (${naming.listName} ${list}). Running the workflow again sends them again; turn on "Continue On Fail" (node settings → On Error) to get one result per item instead.`;
	const target = error as { description?: string | null };
	target.description = target.description ? `${target.description} ${note}` : note;
}
