'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { ApiError, gql } from '@/lib/graphql';
import { viewerForToken } from '@/lib/session';
import { TOKEN_COOKIE } from '@/lib/constants';
import { CreateSessionMutation } from '@/lib/queries';
import { secureCookies } from '@/lib/public-origin';
import { safeNextPath } from '@/lib/safe-redirect';
import type { FormState } from '@/lib/form-errors';

/**
 * Checks the token with the API and exchanges it for a short-lived session token, which an httpOnly cookie keeps
 * (never readable by page scripts; the API token itself is never stored by the browser).
 */
export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const token = String(form.get('token') ?? '').trim();
  const next = safeNextPath(form.get('next'));
  if (!token) return { errors: { token: 'Paste an API token.' }, values: { next } };
  let session;
  try {
    const viewer = await viewerForToken(token);
    if (!viewer) return { errors: { token: 'Token refused: the API does not know it.' }, values: { next } };
    session = (await gql(CreateSessionMutation, {}, { token })).createSession;
  } catch (e) {
    const msg = e instanceof ApiError ? e.message : 'The API could not be reached.';
    return { errors: { token: `Token refused: ${msg}` }, values: { next } };
  }
  const jar = await cookies();
  jar.set(TOKEN_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookies(),
    expires: new Date(session.expiresAt),
  });
  redirect(next);
}
