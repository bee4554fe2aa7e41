import type { Metadata } from 'next';
import Link from 'next/link';
import './globals.css';
import { getViewer } from '@/lib/session';

export const metadata: Metadata = {
  title: { default: 'frogpond', template: '%s · frogpond' },
  description: 'Data-poisoning attacks and defenses: reproduced results beside the papers.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">Skip to content</a>
        <header className="site">
          <Link href="/" className="brand">frogpond</Link>
          <nav aria-label="Main">
            <Link href="/">Leaderboard</Link>
            <Link href="/experiments">Experiments</Link>
            <Link href="/datasets">Datasets</Link>
            <Link href="/algorithms">Algorithms</Link>
            <Link href="/densities">Densities</Link>
            <Link href="/attacks">Attacks</Link>
            <Link href="/defenses">Defenses</Link>
            <Link href="/publications">Publications</Link>
            <Link href="/benchmarks">Benchmarks</Link>
          </nav>
          <div className="who">
            {viewer ? (
              <>
                <span data-testid="viewer">{viewer.label}</span>
                <form action="/sign-in/out" method="post"><button type="submit" className="link">Sign out</button></form>
              </>
            ) : (
              <Link href="/sign-in">Sign in</Link>
            )}
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="site">frogpond · reproduced results are shown beside the values the papers report</footer>
      </body>
    </html>
  );
}
