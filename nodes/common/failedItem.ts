import type { IDataObject } from 'n8n-workflow';

/**
 * What a failed item becomes under "Continue On Fail": the error as plain data, so the next
 * node can branch on `error.code` and the user sees the same text as in the error panel.
 *
 * "Continue (regular output)" keeps the item on the main output beside the successes:
 * `success: false`, the error, and what the operation adds (what of the item went out).
 * "Continue (using error output)": n8n moves an item to the error output only when its
 * `json` holds nothing but `error` (n8n-core's handleNodeErrorOutput), so everything is
 * inside `error` there.
 */
export function failedItemJson(error: unknown, extras: IDataObject | undefined, errorOutput: boolean): IDataObject {
	const json = errorJson(error);
	return errorOutput ? { error: { ...json, ...extras } } : { success: false, error: json, ...extras };
}

function errorJson(error: unknown): IDataObject {
	const e = error as {
		message?: string;
		description?: string | null;
		httpCode?: string | null;
		failure?: { cause?: string };
	};
	const cause = ((error as { context?: IDataObject }).context ?? {}) as IDataObject;
	const json: IDataObject = {
		message: e.message ?? String(error),
	};
	if (e.description) json.description = e.description;
	if (typeof cause.code === 'string') json.code = cause.code;
	if (typeof cause.providerMessage === 'string') json.providerMessage = cause.providerMessage;
	if (typeof cause.httpStatus === 'number') json.httpStatus = cause.httpStatus;
	if (e.failure?.cause) json.cause = e.failure.cause;
	// Quiet Hours: when sending opens, for a Wait node.
	if (typeof cause.opensAt === 'string') json.opensAt = cause.opensAt;
	return json;
}
