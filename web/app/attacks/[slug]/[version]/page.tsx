import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { gql } from '@/lib/graphql';
import { AttackVersionsQuery } from '@/lib/queries';
import { ApiFailure } from '@/components/states';
import { dateTime, paramItems } from '@/lib/format';
import { failObjectPage } from '@/lib/page-status';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Attack' };

/** Permalink of one attack version: /attacks/{slug}/v{version}. A version never changes once a trial used it. */
export default async function AttackVersionPage({ params }: { params: Promise<{ slug: string; version: string }> }) {
  const { slug, version } = await params;
  const v = /^v(\d{1,6})$/.exec(version);
  if (!v || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) notFound();
  let data;
  try {
    data = await gql(AttackVersionsQuery, { slug });
  } catch (e) {
    failObjectPage(e);
    return <><h1>Attack</h1><ApiFailure error={e} /></>;
  }
  const versions = data.attacks.edges.map((e) => e.node);
  const a = versions.find((x) => x.version === Number(v[1]));
  if (!a) notFound();
  return (
    <>
      <h1>{a.name} <span className="muted">({a.slug} v{a.version})</span></h1>
      <p className="lead">{a.description}</p>
      <dl>
        <dt>Kind</dt><dd>{a.kind}</dd>
        <dt>Created</dt><dd>{dateTime(a.createdAt)}</dd>
        {a.publication ? <><dt>Paper</dt><dd><Link href={`/publications/${a.publication.slug}`}>{a.publication.title}</Link></dd></> : null}
        <dt>Parameters</dt><dd>{paramItems(a.params).length ? <ul>{paramItems(a.params).map((p) => <li key={p}><code>{p}</code></li>)}</ul> : 'defaults'}</dd>
      </dl>
      <p><Link href={`/?${new URLSearchParams({ attack: a.id })}`}>Its results on the leaderboard</Link></p>
      {versions.length > 1 && (
        <p className="small">Other versions: {versions.filter((x) => x.id !== a.id).map((x, i) => (
          <span key={x.id}>{i > 0 && ', '}<Link href={`/attacks/${x.slug}/v${x.version}`}>v{x.version}</Link></span>
        ))}</p>
      )}
    </>
  );
}
