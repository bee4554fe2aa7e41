import { NextResponse } from 'next/server';
import { TOKEN_COOKIE } from '@/lib/constants';
import { currentToken, gql } from '@/lib/graphql';
import { EndSessionMutation } from '@/lib/queries';
import { publicOrigin, secureCookies } from '@/lib/public-origin';

/**
 * Sign out (POST from the header's form): revoke the session on the server, forget the cookie, and go home on the
 * configured public origin (a relative redirect when none is configured; never a host taken from the request).
 */
export async function POST() {
  if (await currentToken()) {
    // An expired or already revoked session is fine: the cookie goes either way.
    await gql(EndSessionMutation, {}).catch(() => undefined);
  }
  const origin = publicOrigin();
  const res = new NextResponse(null, { status: 303, headers: { location: origin ? `${origin}/` : '/' } });
  res.cookies.set(TOKEN_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0, secure: secureCookies() });
  return res;
}
