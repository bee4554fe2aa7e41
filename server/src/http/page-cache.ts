import http from 'node:http';
import { ReadCache } from '../common/read-cache';

/** Pages whose data derives from finished results and the fixed catalogue only: the leaderboard and the papers. */
const RESULT_PAGES = /^\/(publications(\/[a-z0-9-]{1,64})?)?$/;
const MAX_PAGE = 2 * 1024 * 1024;

interface CachedPage { status: number; headers: Record<string, string>; body: Buffer }

/**
 * Serves the anonymous render of result-only pages from memory until a result lands (the read cache's
 * invalidation). Only a request with no cookie and no token is eligible, and only a 200 answer without Set-Cookie or
 * a per-request CSP nonce is kept; any other request renders as usual.
 */
export function servePageCached(cache: ReadCache, handler: (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>,
  req: http.IncomingMessage, res: http.ServerResponse, url: URL): void | Promise<void> {
  // Client navigations (RSC payloads, prefetches, server actions) answer the same URL differently: never kept.
  const special = Object.keys(req.headers).some((h) => h === 'rsc' || h.startsWith('next-'));
  if (req.method !== 'GET' || special || req.headers.cookie || req.headers.authorization || !RESULT_PAGES.test(url.pathname) || !cache.enabled) {
    return handler(req, res);
  }
  const key = `page:${url.pathname}${url.search}`;
  const hit = cache.lookup<CachedPage>(key);
  if (hit) {
    res.writeHead(hit.status, { ...hit.headers, 'content-length': String(hit.body.length) });
    res.end(hit.body);
    return;
  }
  const generation = cache.begin();
  const chunks: Buffer[] = [];
  let size = 0;
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => http.ServerResponse;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > MAX_PAGE) return;
    const b = Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    size += b.length;
    chunks.push(b);
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => { keep(chunk, rest[0]); return write(chunk, ...rest); }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    const headers = res.getHeaders();
    const csp = String(headers['content-security-policy'] ?? '');
    if (res.statusCode === 200 && size <= MAX_PAGE && !headers['set-cookie'] && !csp.includes('nonce-') && typeof headers['content-type'] === 'string') {
      const kept: Record<string, string> = {};
      for (const [k, v] of Object.entries(headers)) {
        if (v !== undefined && k !== 'content-length' && k !== 'transfer-encoding' && k !== 'date' && k !== 'connection' && k !== 'keep-alive') kept[k] = Array.isArray(v) ? v.join(', ') : String(v);
      }
      cache.put(key, null, { status: 200, headers: kept, body: Buffer.concat(chunks) } satisfies CachedPage, generation);
    }
    return end(chunk, ...rest);
  }) as typeof res.end;
  return handler(req, res);
}
