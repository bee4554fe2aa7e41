import type { Metadata } from 'next';
import Link from 'next/link';
import { gql } from '@/lib/graphql';
import { LaunchOptionsQuery, TrialContractQuery } from '@/lib/queries';
import { getViewer } from '@/lib/session';
import { ApiFailure } from '@/components/states';
import { LaunchForm } from './launch-form';

export const metadata: Metadata = { title: 'Launch an experiment' };
export const dynamic = 'force-dynamic';

export default async function NewExperimentPage() {
  const viewer = await getViewer();
  let data;
  let contract;
  try {
    [data, contract] = await Promise.all([gql(LaunchOptionsQuery), gql(TrialContractQuery)]);
  } catch (e) {
    return <><h1>Launch an experiment</h1><ApiFailure error={e} /></>;
  }
  const options = {
    datasets: data.datasets.map((d) => ({ value: d.slug, label: d.name })),
    algorithms: data.algorithms.map((a) => ({ value: a.slug, label: a.name })),
    densities: data.densities.map((d) => ({ value: d.slug, label: d.label })),
    attacks: data.attacks.edges.map(({ node: a }) => ({ value: a.id, label: `${a.name} v${a.version}` })),
    defenses: data.defenses.edges.map(({ node: d }) => ({ value: d.id, label: `${d.name} v${d.version}` })),
    overrides: contract.trialContract.overrides,
    defaultAttack: data.attacks.edges.find(({ node }) => node.slug === 'interpolation')?.node.id,
  };
  return (
    <>
      <h1>Launch an experiment</h1>
      <p className="lead">Every combination of the chosen values becomes a cell; each cell runs the given number of trials with seeds derived from the seed base.</p>
      {viewer ? null : <div className="alert info">You are not signed in: the API will refuse to launch. <Link href="/sign-in?next=/experiments/new">Sign in</Link>.</div>}
      <LaunchForm options={options} organizationId={viewer?.organizationId ?? ''} />
    </>
  );
}
