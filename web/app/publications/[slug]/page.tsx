import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { gql } from '@/lib/graphql';
import { PublicationsQuery } from '@/lib/queries';
import { ApiFailure } from '@/components/states';
import { PublicationTables } from '@/components/publication-tables';
import { failObjectPage } from '@/lib/page-status';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Publication' };

/** Permalink of one paper: /publications/{slug}. */
export default async function PublicationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  let data;
  try {
    data = await gql(PublicationsQuery, {});
  } catch (e) {
    failObjectPage(e);
    return <><h1>Publication</h1><ApiFailure error={e} /></>;
  }
  const p = data.publications.find((x) => x.slug === slug);
  if (!p) notFound();
  return <PublicationTables p={p} heading="h1" />;
}
