import type { IncomingMessage, ServerResponse } from 'http';

/** One request as the simulator received it: raw bytes kept, so tests assert on the wire. */
export interface LoggedRequest {
	seq: number;
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	remoteAddress: string;
	rawBody: Buffer;
	/** The form fields as the provider would decode them (UTF-8 for ihuyi, GBK for Jiazhiyuan). */
	form: Record<string, string>;
	/** Which simulated provider handled it, e.g. "ihuyi:sms:Submit" or "jiazhiyuan:sendSMS". */
	route: string;
}

export interface SimRequest {
	/** Takes a pending provider-answer fault (unknown code, success without id) for this route. */
	takeAnswerFault?: () => { kind: FaultKind } | undefined;
	req: IncomingMessage;
	path: string;
	query: URLSearchParams;
	rawBody: Buffer;
	remoteAddress: string;
	log: LoggedRequest;
}

/** What a provider handler answers; the server writes it, unless a fault intervenes. */
export interface SimAnswer {
	status: number;
	contentType: string;
	body: Buffer;
}

export type ProviderHandler = (request: SimRequest) => Promise<SimAnswer | undefined> | SimAnswer | undefined;

export type FaultKind =
	| 'http500'
	| 'http502'
	| 'http503'
	| 'html'
	| 'empty'
	| 'truncated'
	| 'reset'
	| 'timeout'
	| 'wrongCharset'
	/** An error page that repeats the request's parameters, as some gateways' pages do. */
	| 'echo'
	/** A JSON answer, as another provider's API gives (a Base URL pointing elsewhere). */
	| 'json'
	| 'unknownCode'
	| 'successWithoutId'
	/** A refusal that a second try passes: ihuyi 4080 (too frequent), Jiazhiyuan "busy". */
	| 'refusal';

export interface Fault {
	kind: FaultKind;
	/** Requests it applies to (default 1). */
	times?: number;
	/** Only requests whose route starts with this, e.g. "ihuyi:sms" or "jiazhiyuan". */
	route?: string;
	/** Matching requests let through untouched before it applies (default 0). */
	skip?: number;
}

export type RawResponder = (res: ServerResponse) => void;
