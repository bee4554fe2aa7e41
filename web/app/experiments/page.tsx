import type { Metadata } from 'next';
import Link from 'next/link';
import { gql } from '@/lib/graphql';
import { ExperimentsQuery } from '@/lib/queries';
import { getViewer } from '@/lib/session';
import { ApiFailure, Empty, StatusBadge } from '@/components/states';
import { dateTime } from '@/lib/format';
import { progressFrom } from '@/components/progress';

export const metadata: Metadata = { title: 'Experiments' };
export const dynamic = 'force-dynamic';

export default async function ExperimentsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const viewer = await getViewer();
  let data;
  try {
    data = await gql(ExperimentsQuery, { first: 50, after: after ?? null });
  } catch (e) {
    return <><h1>Experiments</h1><ApiFailure error={e} /></>;
  }
  const list = data.experiments.edges.map((e) => e.node);
  return (
    <>
      <h1>Experiments</h1>
      <p className="lead">
        {viewer ? `Public experiments and the private ones of ${viewer.organization}.` : 'Public experiments. Sign in to see your organization\'s private ones.'}{' '}
        <Link href="/experiments/new">Launch an experiment</Link>
      </p>
      {list.length === 0 ? <Empty>No experiments yet. <Link href="/experiments/new">Launch the first one</Link>.</Empty> : (
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
      )}
      {data.experiments.pageInfo.hasNextPage ? <p><Link href={`/experiments?after=${encodeURIComponent(data.experiments.pageInfo.endCursor ?? '')}`}>Older experiments →</Link></p> : null}
    </>
  );
}
