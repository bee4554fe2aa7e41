import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { gqlOrNotFound } from '@/lib/graphql';
import { BenchmarkQuery, VerifiedRunDefensesQuery } from '@/lib/queries';
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
  let defenses;
  try {
    [data, defenses] = await Promise.all([gqlOrNotFound(BenchmarkQuery, { slug }), gqlOrNotFound(VerifiedRunDefensesQuery, { slug })]);
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
        A score file holds one suspicion score per unlabeled example of each of the {b.testReplicates} test replicates: detection metrics are
        computed at once, then every replicate is retrained on what your removal leaves, giving the attack&apos;s success after your defense. Make an
        example with <code>frogpond defend --defense pixel-clustering --in DIR --out scores.npy</code>. A verified run names a registered defense
        and its parameters instead; the server runs it on every test replicate (<code>frogpond submit {b.slug} --defense KIND --param key=value</code>).
        Both kinds stay private until you publish them and share the daily quota.
      </p>
      {viewer ? null : <div className="alert info">You are not signed in: the API will refuse the upload. <Link href={`/sign-in?next=/benchmarks/${b.slug}/submit`}>Sign in</Link>.</div>}
      <SubmitForm benchmark={b.slug} replicateIds={b.testReplicateIds} defenses={defenses?.benchmark.verifiedRunDefenses ?? []} />
    </>
  );
}
