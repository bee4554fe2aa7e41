import http from 'node:http';
import type { Config } from '../config/config';

/**
 * Headers every response carries, API and web alike. Pages replace the CSP with their own (nonce-based) policy; the
 * default below is for JSON and other non-document responses: nothing may load, nothing may frame it.
 */
export function baseSecurityHeaders(publicOrigin: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
  if (publicOrigin?.startsWith('https:')) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

/**
 * Origins whose browser requests may change state on the web app (server actions, form posts). The configured
 * public origin when there is one; otherwise the loopback names of the listening port (a local install).
 */
export function allowedOrigins(config: Pick<Config, 'publicOrigin'>, port: number): Set<string> {
  if (config.publicOrigin) return new Set([config.publicOrigin]);
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]);
}

/** Set by this server, never by a client, on the requests it hands to the web app's GraphQL explorer page. */
export const EXPLORER_HEADER = 'x-frogpond-explorer';

/**
 * A browser opening `/graphql` (a page load or the app's own client navigation, without a `query` parameter) while
 * the explorer is switched on: the web app answers it with GraphiQL instead of the API answering with an error.
 * Read at each request, so the switch of a running server applies at once.
 */
export function isExplorerVisit(config: Pick<Config, 'graphqlExplorer'>, req: http.IncomingMessage, url: URL): boolean {
  if (!config.graphqlExplorer || (req.method !== 'GET' && req.method !== 'HEAD') || url.searchParams.has('query')) return false;
  return String(req.headers.accept ?? '').includes('text/html') || req.headers.rsc === '1';
}

/** Marks a request as an explorer visit for the web app (after stripSpoofableHeaders removed any client copy). */
export function markExplorerVisit(req: http.IncomingMessage): void {
  req.headers[EXPLORER_HEADER] = '1';
  req.rawHeaders.push(EXPLORER_HEADER, '1');
}

/**
 * Request headers a client could use to make the web app believe it is served on another host. Nothing downstream
 * may derive a URL from them; they are removed before the web app sees the request.
 */
const SPOOFABLE = [EXPLORER_HEADER, 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-forwarded-for', 'forwarded', 'x-original-url', 'x-rewrite-url', 'x-middleware-subrequest', 'x-invoke-path', 'x-invoke-query', 'x-now-route-matches'];
export function stripSpoofableHeaders(req: http.IncomingMessage): void {
  for (const h of SPOOFABLE) delete req.headers[h];
  // rawHeaders too: Next reads some headers from there
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (SPOOFABLE.includes(raw[i].toLowerCase())) raw.splice(i, 2);
}

/** True for methods that may change state: they need an allowed Origin when they reach the web app. */
export const isUnsafeMethod = (method: string | undefined) => !['GET', 'HEAD', 'OPTIONS'].includes((method ?? 'GET').toUpperCase());

/** Answers header blocks that are too large with 431 and other unparseable requests with 400 (instead of a reset). */
export function answerClientErrors(server: http.Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) { socket.destroy(); return; }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = JSON.stringify({ errors: [{ message: tooLarge ? 'Request headers too large' : 'Bad request', extensions: { code: 'BAD_USER_INPUT' } }] });
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`);
  });
}
