/**
 * What a failed provider request tells about the other side, kept beside the error rather
 * than read from its text: whether its answer was lost (a read may then be asked again)
 * and whether the message it carried is known not to have gone out (n8n's Retry On Fail may
 * then send it again). Errors are marked where they are made, once; n8n's error
 * constructors hand an error of their own class back unchanged, so the mark stays with it.
 */
const lostAnswers = new WeakSet<object>();
const notSent = new WeakSet<object>();

/** The request may have been served, but its answer did not arrive intact. */
export function markAnswerLost<E extends object>(error: E): E {
	lostAnswers.add(error);
	return error;
}

/** Nothing went out: the provider refused the request, or the connection never opened. */
export function markNotSent<E extends object>(error: E): E {
	notSent.add(error);
	return error;
}

/** A read may be repeated after this error: network, timeout, 5xx or an unreadable body. */
export function answerLost(error: unknown): boolean {
	return typeof error === 'object' && error !== null && lostAnswers.has(error);
}

/**
 * A send that failed with this error may still have delivered its message, unless the
 * error proves otherwise. Anything unmarked (a timeout, a 5xx, a reset, a bug) counts as
 * possibly sent: a message sent twice costs money and trust, one not sent is reported.
 */
export function mayHaveBeenSent(error: unknown): boolean {
	return !(typeof error === 'object' && error !== null && notSent.has(error));
}
