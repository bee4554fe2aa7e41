import type { Metadata } from 'next';
import { gql } from '@/lib/graphql';
import { DatasetsQuery } from '@/lib/queries';
import { ApiFailure, Empty } from '@/components/states';
import { rethrowServerFailure } from '@/lib/page-status';

export const metadata: Metadata = { title: 'Datasets' };
export const dynamic = 'force-dynamic';

export default async function DatasetsPage() {
  let data;
  try {
    data = await gql(DatasetsQuery);
  } catch (e) {
    rethrowServerFailure(e);
    return <><h1>Datasets</h1><ApiFailure error={e} /></>;
  }
  return (
    <>
      <h1>Datasets</h1>
      <p className="lead">Data the trials train on. Toy and mini data ship with frogpond; paper-scale files are supplied by the user.</p>
      {data.datasets.length === 0 ? <Empty>No datasets registered.</Empty> : (
        <div className="scroll" tabIndex={0} role="region" aria-label="Datasets"><table className="data">
          <thead>
            <tr><th>Dataset</th><th>Slug</th><th className="num">Classes</th><th>Shape</th><th className="num">Train</th><th className="num">Test</th><th>Source</th><th>Description</th></tr>
          </thead>
          <tbody>
            {data.datasets.map((d) => (
              <tr key={d.id}>
                <td>{d.name}</td><td className="mono">{d.slug}</td><td className="num">{d.numClasses}</td>
                <td className="mono">{d.shape.join('×')}</td><td className="num">{d.trainSize.toLocaleString('en')}</td>
                <td className="num">{d.testSize.toLocaleString('en')}</td><td><span className="badge">{d.source}</span></td><td>{d.description}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </>
  );
}
