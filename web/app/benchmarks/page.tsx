import type { Metadata } from 'next';
import Link from 'next/link';
import { gql } from '@/lib/graphql';
import { BenchmarksQuery } from '@/lib/queries';
import { ApiFailure, Empty } from '@/components/states';
import { rethrowServerFailure } from '@/lib/page-status';

export const metadata: Metadata = { title: 'Benchmarks' };
export const dynamic = 'force-dynamic';

export default async function BenchmarksPage() {
  let data;
  try {
    data = await gql(BenchmarksQuery);
  } catch (e) {
    rethrowServerFailure(e);
    return <><h1>Benchmarks</h1><ApiFailure error={e} /></>;
  }
  return (
    <>
      <h1>Benchmarks</h1>
      <p className="lead">
        Frozen sets of poisoned semi-supervised tasks. Build your defense on the development replicates (poison indices included), then
        score the sequestered test replicates: one suspicion score per unlabeled example. The server computes detection and retrains.
      </p>
      {data.benchmarks.length === 0 ? <Empty>No benchmarks yet.</Empty> : (
        <table className="data">
          <thead><tr><th>Benchmark</th><th className="num">Version</th><th className="num">Dev</th><th className="num">Test</th></tr></thead>
          <tbody>
            {data.benchmarks.map((b) => (
              <tr key={b.id}>
                <td><Link href={`/benchmarks/${b.slug}`}>{b.name}</Link><div className="muted small mono">{b.slug}</div></td>
                <td className="num">v{b.version}</td><td className="num">{b.devSeeds.length}</td><td className="num">{b.testReplicates}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
