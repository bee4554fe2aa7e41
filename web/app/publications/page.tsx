import type { Metadata } from 'next';
import Link from 'next/link';
import { gql } from '@/lib/graphql';
import { PublicationsQuery } from '@/lib/queries';
import { ApiFailure, Empty } from '@/components/states';
import { PublicationTables } from '@/components/publication-tables';
import { rethrowServerFailure } from '@/lib/page-status';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Publications' };

export default async function PublicationsPage() {
  let data;
  try {
    data = await gql(PublicationsQuery, {});
  } catch (e) {
    rethrowServerFailure(e);
    return <><h1>Publications</h1><ApiFailure error={e} /></>;
  }
  return (
    <>
      <h1>Publications</h1>
      <p className="lead">Each paper&apos;s tables, cell by cell, beside what the platform reproduced.</p>
      {data.publications.length === 0 ? <Empty>No publications.</Empty> : (
        <>
          <ul>{data.publications.map((p) => <li key={p.slug}><Link href={`/publications/${p.slug}`}>{p.title}</Link> ({p.year})</li>)}</ul>
          {data.publications.map((p) => <PublicationTables key={p.slug} p={p} />)}
        </>
      )}
    </>
  );
}
