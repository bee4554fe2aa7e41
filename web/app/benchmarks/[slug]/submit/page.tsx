import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { gqlOrNotFound } from '@/lib/graphql';
import { BenchmarkQuery } from '@/lib/queries';
import { getViewer } from '@/lib/session';
import { ApiFailure } from '@/components/states';
import { SubmitForm } from './submit-form';
import { failObjectPage } from '@/lib/page-status';

export const metadata: Metadata = { title: 'Submit a defense' };
export const dynamic = 'force-dynamic';

export default async function SubmitPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const viewer = await getViewer();
  let data;
  try {
    data = await gqlOrNotFound(BenchmarkQuery, { slug });
  } catch (e) {
    failObjectPage(e);
    return <><h1>Submit a defense</h1><ApiFailure error={e} /></>;
  }
  if (!data) notFound();
  const b = data.benchmark;
  return (
    <>
      <h1>Submit a defense to {b.name}</h1>
      <p className="lead">
        One suspicion score per unlabeled example of each of the {b.testReplicates} test replicates. Detection metrics are computed at once;
        then every replicate is retrained on what your removal leaves, giving the attack&apos;s success after your defense. Submissions stay private
        until you publish them. Make an example with <code>frogpond defend --defense pixel-clustering --in DIR --out scores.npy</code>.
      </p>
      {viewer ? null : <div className="alert info">You are not signed in: the API will refuse the upload. <Link href={`/sign-in?next=/benchmarks/${b.slug}/submit`}>Sign in</Link>.</div>}
      <SubmitForm benchmark={b.slug} replicateIds={b.testReplicateIds} />
    </>
  );
}
