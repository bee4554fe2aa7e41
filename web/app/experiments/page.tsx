import type { Metadata } from 'next';
import Link from 'next/link';
import { gql } from '@/lib/graphql';
import { ExperimentsQuery } from '@/lib/queries';
import { getViewer } from '@/lib/session';
import { ApiFailure, Empty, StatusBadge } from '@/components/states';
import { dateTime } from '@/lib/format';
import { progressFrom } from '@/components/progress';
import { rethrowServerFailure } from '@/lib/page-status';

export const metadata: Metadata = { title: 'Experiments' };
export const dynamic = 'force-dynamic';

const PAGE = 25;
const STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'CANCELLED'] as const;
type Status = (typeof STATUSES)[number];
type Search = { q?: string; org?: string; attack?: string; dataset?: string; status?: string; after?: string };

const one = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 200) : '');

export default async function ExperimentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const f = { q: one(sp.q), org: one(sp.org), attack: one(sp.attack), dataset: one(sp.dataset), status: one(sp.status).toUpperCase(), after: one(sp.after) };
  const status = (STATUSES as readonly string[]).includes(f.status) ? (f.status as Status) : null;
  const viewer = await getViewer();
  let data;
  try {
    data = await gql(ExperimentsQuery, {
      first: PAGE, after: f.after || null, search: f.q || null, organizationId: f.org || null,
      attack: f.attack || null, dataset: f.dataset || null, status,
    });
  } catch (e) {
    rethrowServerFailure(e);
    return <><h1>Experiments</h1><ApiFailure error={e} /><p><Link href="/experiments">Clear the filters</Link></p></>;
  }
  const list = data.experiments.edges.map((e) => e.node);
  const filtered = !!(f.q || f.org || f.attack || f.dataset || status);
  const keep = new URLSearchParams(Object.entries({ q: f.q, org: f.org, attack: f.attack, dataset: f.dataset, status: status ?? '' }).filter(([, v]) => v));
  const next = new URLSearchParams(keep);
  next.set('after', data.experiments.pageInfo.endCursor ?? '');
  return (
    <>
      <h1>Experiments</h1>
      <p className="lead">
        {viewer ? `Public experiments and the private ones of ${viewer.organization}.` : 'Public experiments. Sign in to see your organization\'s private ones.'}{' '}
        <Link href="/experiments/new">Launch an experiment</Link>
      </p>
      <form method="get" className="panel filters" role="search" aria-label="Find experiments">
        <div className="field"><label htmlFor="f-q">Name</label><input id="f-q" type="text" name="q" defaultValue={f.q} placeholder="words in the name" /></div>
        <FilterSelect name="org" label="Organization" value={f.org} options={data.organizations.map((o) => [o.id, o.name])} />
        <FilterSelect name="attack" label="Attack" value={f.attack} options={data.trialContract.attacks.map((k) => [k.kind, k.kind])} />
        <FilterSelect name="dataset" label="Dataset" value={f.dataset} options={data.datasets.map((d) => [d.slug, d.name])} />
        <FilterSelect name="status" label="Status" value={status ?? ''} options={STATUSES.map((x) => [x, x.toLowerCase()])} />
        <div className="actions"><button type="submit">Find</button>{filtered ? <Link href="/experiments">Clear</Link> : null}</div>
      </form>
      {list.length === 0 ? (
        filtered || f.after ? <Empty>No experiment matches these filters. <Link href="/experiments">Show all</Link>.</Empty>
          : <Empty>No experiments yet. <Link href="/experiments/new">Launch the first one</Link>.</Empty>
      ) : (
        <div className="scroll" tabIndex={0} role="region" aria-label="Experiments">
          <table className="data" data-testid="experiments">
            <thead><tr><th>Name</th><th>Status</th><th>Visibility</th><th>Preset</th><th className="num">Trials</th><th>Progress</th><th>Created</th></tr></thead>
            <tbody>
              {list.map((x) => {
                const progress = progressFrom(x.statusCounts, x.trialCount);
                const done = progress.succeeded + progress.failed + progress.cancelled;
                return (
                  <tr key={x.id}>
                    <td><Link href={`/experiments/${x.id}`}>{x.name}</Link> <span className="muted small">{x.organization.name}</span></td>
                    <td><StatusBadge status={String(x.status)} /></td>
                    <td>{String(x.visibility).toLowerCase()}</td><td className="mono">{x.preset}</td>
                    <td className="num">{x.trialCount}</td>
                    <td><span className="bar" style={{ width: `${Math.round((done / Math.max(1, progress.total)) * 80)}px` }} /> <span className="small muted">{done}/{progress.total}</span></td>
                    <td className="small">{dateTime(x.createdAt as string)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Pages">
        {f.after ? <Link href={`/experiments${keep.size ? `?${keep}` : ''}`}>← First page</Link> : null}
        {data.experiments.pageInfo.hasNextPage ? <Link href={`/experiments?${next}`} data-testid="next-page">Next {PAGE} →</Link> : null}
      </nav>
    </>
  );
}

/** One filter of the search form: "any" or one of the options, each [value, label]. */
function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: [string, string][] }) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value}><option value="">any</option>{options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}</select>
    </div>
  );
}
