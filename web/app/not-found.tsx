import Link from 'next/link';

export default function NotFound() {
  return (
    <div>
      <h1>Not found</h1>
      <p className="lead">There is nothing here, or your organization may not see it.</p>
      <p><Link href="/">Back to the leaderboard</Link> · <Link href="/sign-in">Sign in</Link></p>
    </div>
  );
}
