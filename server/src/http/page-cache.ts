import crypto from 'node:crypto';
import http from 'node:http';
import { ReadCache } from '../common/read-cache';

/** Pages whose data derives from finished results and the fixed catalogue only: the leaderboard and the papers. */
const RESULT_PAGES = /^\/(publications(\/[a-z0-9-]{1,64})?)?$/;
const MAX_PAGE = 2 * 1024 * 1024;

/** A kept render; `nonce` is the CSP nonce it was rendered with, replaced by a fresh one in every answer. */
interface CachedPage { status: number; headers: Record<string, string>; body: string; nonce: string | null }

const NONCE = /'nonce-([A-Za-z0-9+/=_-]{16,128})'/;

/**
 * The kept page with a fresh CSP nonce: the render's nonce (128 random bits, so it occurs nowhere else) is replaced
 * in the policy and in the page's script tags, so no two answers share a nonce even though the render is reused.
 */
function withFreshNonce(page: CachedPage): { headers: Record<string, string>; body: Buffer } {
  if (!page.nonce) return { headers: page.headers, body: Buffer.from(page.body) };
  const fresh = Buffer.from(crypto.randomUUID()).toString('base64');
  const headers = { ...page.headers, 'content-security-policy': page.headers['content-security-policy'].replaceAll(page.nonce, fresh) };
  return { headers, body: Buffer.from(page.body.replaceAll(page.nonce, fresh)) };
}

/**
 * Serves the anonymous render of result-only pages from memory until a result lands (the read cache's
 * invalidation). Only a request with no cookie and no token is eligible, and only an uncompressed 200 answer without
 * Set-Cookie is kept; its CSP nonce is renewed in every answer. Any other request renders as usual.
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
    const { headers, body } = withFreshNonce(hit);
    res.writeHead(hit.status, { ...headers, 'content-length': String(body.length) });
    res.end(body);
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
    const nonce = NONCE.exec(csp)?.[1] ?? null;
    // A nonce can only be renewed in text: a compressed body is never kept when it carries one.
    const rewritable = !csp.includes('nonce-') || (nonce !== null && !headers['content-encoding']);
    if (res.statusCode === 200 && size <= MAX_PAGE && !headers['set-cookie'] && rewritable && typeof headers['content-type'] === 'string') {
      const kept: Record<string, string> = {};
      for (const [k, v] of Object.entries(headers)) {
        if (v !== undefined && k !== 'content-length' && k !== 'transfer-encoding' && k !== 'date' && k !== 'connection' && k !== 'keep-alive') kept[k] = Array.isArray(v) ? v.join(', ') : String(v);
      }
      cache.put(key, null, { status: 200, headers: kept, body: Buffer.concat(chunks).toString('utf8'), nonce } satisfies CachedPage, generation);
    }
    return end(chunk, ...rest);
  }) as typeof res.end;
  return handler(req, res);
}
