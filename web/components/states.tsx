import Link from 'next/link';
import { ApiError } from '@/lib/graphql';

/** Explains an API failure without a stack trace; offers sign-in on UNAUTHENTICATED/FORBIDDEN. */
export function ApiFailure({ error }: { error: unknown }) {
  const code = error instanceof ApiError ? error.code : 'INTERNAL_SERVER_ERROR';
  const message = error instanceof ApiError ? error.message : 'The API could not be reached.';
  return (
    <div className="alert error" role="alert">
      <strong>{code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? 'Not allowed. ' : 'Could not load this page. '}</strong>
      {message} <span className="mono small">({code})</span>
      {code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? (
        <> — <Link href="/sign-in">sign in with a token</Link> of an organization that may see it.</>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <div className="empty-state">{children}</div>;
}

export function StatusBadge({ status }: { status: string }) {
  // A trial's SUCCEEDED means it ran to the end, not that the attack succeeded: say "finished".
  const text = status === 'SUCCEEDED' ? 'finished' : status.toLowerCase();
  return <span className={`badge ${status}`} title={`status ${status}`}>{text}</span>;
}
