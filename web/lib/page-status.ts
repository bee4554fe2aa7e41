import { notFound } from 'next/navigation';
import { ApiError } from './graphql';

/**
 * HTTP statuses of pages whose data did not load. Pages render in the response's first chunk (no loading boundary
 * streams ahead of them), so what they throw still sets the status: `notFound()` answers 404, any other error the
 * error page with 500.
 */

const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * For list and form pages: an API that could not be reached, answered without JSON or failed on its side is
 * rethrown (500). Returns for the caller's own client errors (bad filters, a refused token), which the page explains.
 */
export function rethrowServerFailure(e: unknown): void {
  if (e instanceof ApiError && CLIENT_CODES.has(e.code)) return;
  throw e;
}

/**
 * For pages of one object: an unknown or malformed id (or one the viewer may not see) answers 404, an API failure
 * 500. Returns only for a refused token, which the page explains with a way to sign in.
 */
export function failObjectPage(e: unknown): void {
  if (e instanceof ApiError && (e.code === 'NOT_FOUND' || e.code === 'BAD_USER_INPUT')) notFound();
  rethrowServerFailure(e);
}
