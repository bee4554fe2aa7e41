import type { Metadata } from 'next';
import { getViewer } from '@/lib/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const viewer = await getViewer();
  return (
    <>
      <h1>Sign in</h1>
      <p className="lead">Public results need no token. Sign in with an API token to see your organization's private experiments and to write.</p>
      {viewer ? <div className="alert info" role="status">Signed in as {viewer.label}.</div> : null}
      <SignInForm next={next ?? '/'} />
    </>
  );
}
