import type { Metadata } from 'next';
import Link from 'next/link';
import { gql } from '@/lib/graphql';
import { LaunchOptionsQuery, TrialContractQuery } from '@/lib/queries';
import { getViewer } from '@/lib/session';
import { ApiFailure } from '@/components/states';
import { LaunchForm } from './launch-form';
import { rethrowServerFailure } from '@/lib/page-status';

export const metadata: Metadata = { title: 'Launch an experiment' };
export const dynamic = 'force-dynamic';

/** Fields a clone link may prefill (the experiment page's "Clone" passes the source experiment's matrix). */
const LIST_FIELDS = ['datasets', 'labels', 'algorithms', 'densities', 'attacks', 'defenses'] as const;
const SCALAR_FIELDS = ['name', 'preset', 'visibility', 'seedBase', 'trialsPerCell'] as const;

/** Form values from a clone link's query: lists comma-separated, rates as fractions shown as percentages. */
function cloneValues(q: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const one = (k: string) => { const v = q[k]; return (Array.isArray(v) ? v[0] : v)?.slice(0, 2000); };
  const values: Record<string, string | string[]> = {};
  for (const k of SCALAR_FIELDS) { const v = one(k); if (v !== undefined) values[k] = v; }
  for (const k of LIST_FIELDS) {
    const v = one(k);
    if (v === undefined) continue;
    const items = v.split(',').map((x) => x.trim()).filter(Boolean);
    values[k] = k === 'labels' ? items.join(', ') : items;
  }
  const rates = one('rates');
  if (rates !== undefined) {
    values.rates = rates.split(',').map(Number).filter(Number.isFinite).map((r) => String(Number((r * 100).toPrecision(12)))).join(', ');
  }
  return values;
}

export default async function NewExperimentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const initial = cloneValues(await searchParams);
  const viewer = await getViewer();
  let data;
  let contract;
  try {
    [data, contract] = await Promise.all([gql(LaunchOptionsQuery), gql(TrialContractQuery)]);
  } catch (e) {
    rethrowServerFailure(e);
    return <><h1>Launch an experiment</h1><ApiFailure error={e} /></>;
  }
  const options = {
    datasets: data.datasets.map((d) => ({ value: d.slug, label: d.name })),
    algorithms: data.algorithms.map((a) => ({ value: a.slug, label: a.name })),
    densities: data.densities.edges.map(({ node: d }) => ({ value: d.slug, label: d.label })),
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
      <LaunchForm options={options} organizationId={viewer?.organizationId ?? ''} initial={initial} />
    </>
  );
}
