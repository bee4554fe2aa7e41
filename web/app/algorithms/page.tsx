import type { Metadata } from 'next';
import { gql } from '@/lib/graphql';
import { AlgorithmsQuery } from '@/lib/queries';
import { ApiFailure, Empty } from '@/components/states';
import { rethrowServerFailure } from '@/lib/page-status';

export const metadata: Metadata = { title: 'Algorithms' };
export const dynamic = 'force-dynamic';

export default async function AlgorithmsPage() {
  let data;
  try {
    data = await gql(AlgorithmsQuery);
  } catch (e) {
    rethrowServerFailure(e);
    return <><h1>Algorithms</h1><ApiFailure error={e} /></>;
  }
  return (
    <>
      <h1>Algorithms</h1>
      <p className="lead">Semi-supervised learners under attack, with their default hyper-parameters.</p>
      {data.algorithms.length === 0 ? <Empty>No algorithms registered.</Empty> : (
        <div className="cards">
          {data.algorithms.map((a) => (
            <section className="card" key={a.id} aria-labelledby={`alg-${a.slug}`}>
              <h3 id={`alg-${a.slug}`}>{a.name} <span className="mono muted small">{a.slug}</span></h3>
              <p className="small">{a.description}</p>
              <dl className="kv small">
                {Object.entries(a.defaults ?? {}).map(([k, v]) => (
                  <div key={k} style={{ display: 'contents' }}><dt>{k}</dt><dd className="mono">{JSON.stringify(v)}</dd></div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
