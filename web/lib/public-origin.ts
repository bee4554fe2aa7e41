/**
 * Server-side URLs of the web app, from configuration only (the server process that hosts the app sets both when
 * they are not configured). Never from Host or X-Forwarded-* headers: a request must not choose where the server
 * sends the user's token or where a redirect leads.
 */

/** The GraphQL endpoint the web app calls (FROGPOND_API_URL, an absolute http(s) URL). */
export function apiUrl(): string {
  const url = process.env.FROGPOND_API_URL;
  if (!url || !/^https?:\/\/[^/\\]/.test(url)) throw new Error('FROGPOND_API_URL is not configured (absolute http(s) URL of /graphql)');
  return url;
}

/** The origin users reach the app on (FROGPOND_PUBLIC_ORIGIN), or undefined when not configured. */
export function publicOrigin(): string | undefined {
  const origin = process.env.FROGPOND_PUBLIC_ORIGIN;
  if (!origin) return undefined;
  try {
    const u = new URL(origin);
    return /^https?:$/.test(u.protocol) ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Cookies are `Secure` whenever the public origin is https. */
export const secureCookies = () => publicOrigin()?.startsWith('https:') ?? false;

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Origins whose browser writes (server actions, sign-out, any method but GET/HEAD/OPTIONS) the app accepts: the
 * configured public origin and, when that is a loopback http origin (a local install), the other loopback names of
 * its port. Empty when no public origin is configured: then no browser write is accepted. From configuration only,
 * never from Host or X-Forwarded-* (which a request may forge together with its Origin).
 */
export function writeOrigins(): Set<string> {
  const origin = publicOrigin();
  if (!origin) return new Set();
  const u = new URL(origin);
  if (u.protocol !== 'http:' || !LOOPBACK.includes(u.hostname)) return new Set([origin]);
  const port = u.port ? `:${u.port}` : '';
  return new Set(LOOPBACK.map((h) => `http://${h}${port}`));
}
