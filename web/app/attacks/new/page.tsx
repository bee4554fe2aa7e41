import type { Metadata } from 'next';
import { gql } from '@/lib/graphql';
import { DensitiesQuery, TrialContractQuery } from '@/lib/queries';
import { sampleExpression } from '@/lib/densities';
import { getViewer } from '@/lib/session';
import { ApiFailure } from '@/components/states';
import { AttackForm } from './attack-form';
import Link from 'next/link';
import { rethrowServerFailure } from '@/lib/page-status';

export const metadata: Metadata = { title: 'Define an attack' };
export const dynamic = 'force-dynamic';

export default async function NewAttackPage() {
  const viewer = await getViewer();
  let data;
  let contract;
  try {
    [data, contract] = await Promise.all([gql(DensitiesQuery), gql(TrialContractQuery)]);
  } catch (e) {
    rethrowServerFailure(e);
    return <><h1>Define an attack</h1><ApiFailure error={e} /></>;
  }
  const densities = data.densities.edges.map(({ node: d }) => ({ slug: d.slug, label: d.label, expression: d.expression, samples: sampleExpression(d.expression) }));
  const { attacks, densityAttackKinds } = contract.trialContract;
  return (
    <>
      <h1>Define an attack</h1>
      <p className="lead">A versioned attack definition your organization can use in experiments. The API validates every parameter.</p>
      {viewer ? null : <div className="alert info">You are not signed in: the API will refuse to save. <Link href="/sign-in?next=/attacks/new">Sign in</Link>.</div>}
      <AttackForm densities={densities} kinds={attacks} densityKinds={densityAttackKinds} organizationId={viewer?.organizationId ?? ''} />
    </>
  );
}
