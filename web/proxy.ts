import { NextResponse, type NextRequest } from 'next/server';
import { writeOrigins } from './lib/public-origin';

/**
 * Content Security Policy for every page: scripts only from this origin or carrying this response's nonce (Next.js
 * puts the nonce on its own inline bootstrap scripts when it finds it in the request's CSP), no plugins, no base
 * rewriting, no framing. Inline style attributes stay allowed: charts set positions through them.
 */
function policy(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:", // GraphiQL's stylesheet embeds its fonts
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function proxy(request: NextRequest) {
  // Next.js' own check of server actions compares Origin with Host or X-Forwarded-Host, which a forged request sets
  // to match; the app checks Origin against its configured origin instead, wherever it is hosted.
  if (!SAFE_METHODS.has(request.method) && !writeOrigins().has(request.headers.get('origin') ?? '')) {
    return NextResponse.json({ errors: [{ message: 'Cross-origin request refused', extensions: { code: 'FORBIDDEN' } }] }, { status: 403 });
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = policy(nonce, (process.env.FROGPOND_PUBLIC_ORIGIN ?? '').startsWith('https:'));
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Pages only: static assets and artifact downloads carry their own headers.
  matcher: [{ source: '/((?!_next/static|_next/image|icon.svg|trials/[^/]+/artifacts/).*)' }],
};
