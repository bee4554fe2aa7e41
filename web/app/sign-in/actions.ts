'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { ApiError } from '@/lib/graphql';
import { viewerForToken } from '@/lib/session';
import { TOKEN_COOKIE } from '@/lib/constants';
import type { FormState } from '@/lib/form-errors';

/** Checks the token with the API, then keeps it in an httpOnly cookie (never readable by page scripts). */
export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const token = String(form.get('token') ?? '').trim();
  const next = String(form.get('next') ?? '/');
  if (!token) return { errors: { token: 'Paste an API token.' }, values: { next } };
  let viewer;
  try {
    viewer = await viewerForToken(token);
  } catch (e) {
    const msg = e instanceof ApiError ? e.message : 'The API could not be reached.';
    return { errors: { token: `Token refused: ${msg}` }, values: { next } };
  }
  if (!viewer) return { errors: { token: 'Token refused: the API does not know it.' }, values: { next } };
  const jar = await cookies();
  jar.set(TOKEN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: process.env.FROGPOND_SECURE_COOKIES === 'true',
    maxAge: 60 * 60 * 24 * 30,
  });
  redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');
}
