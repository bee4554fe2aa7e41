import { NextResponse, type NextRequest } from 'next/server';
import { TOKEN_COOKIE } from '@/lib/constants';

/** Sign out: forget the token cookie (POST from the header's form). */
export async function POST(req: NextRequest) {
  const res = NextResponse.redirect(new URL('/', req.url), 303);
  res.cookies.set(TOKEN_COOKIE, '', { httpOnly: true, path: '/', maxAge: 0 });
  return res;
}
