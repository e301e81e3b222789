/**
 * Points a request path at a credential's base URL. A URL that already names its host is
 * left alone, so a credential's `authenticate` can run twice on the same request (n8n may
 * sign again after a retry) without doubling the host.
 */
export function joinBaseUrl(baseUrl: string, url: string): string {
	if (/^https?:\/\//i.test(url)) return url;
	return `${baseUrl.trim().replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

/** The credential's base URL, or the provider's own host when the field is left empty. */
export function baseUrlOf(credentials: { baseUrl?: unknown }, defaultBaseUrl: string): string {
	return String(credentials.baseUrl ?? '').trim() || defaultBaseUrl;
}
