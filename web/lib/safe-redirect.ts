/**
 * Where to go after sign-in: a path on this site, or `/`. Refuses everything a browser could read as another host:
 * `//evil.example`, `/\evil.example` (browsers treat `\` as `/`), schemes, control characters and encoded slashes.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return '/';
  if (!next.startsWith('/') || next.startsWith('//')) return '/';
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  if (/%(2f|5c)/i.test(next.slice(0, 3)) || /^\/%(2f|5c)/i.test(next)) return '/';
  try {
    const base = 'http://frogpond.invalid';
    const url = new URL(next, base);
    const path = `${url.pathname}${url.search}${url.hash}`;
    // `/..//evil.example` normalises to `//evil.example`: check what the browser will actually see.
    if (url.origin !== base || path.startsWith('//') || path.includes('\\')) return '/';
    return path;
  } catch {
    return '/';
  }
}
