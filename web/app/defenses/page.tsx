import type { Metadata } from 'next';
import { gql } from '@/lib/graphql';
import { DefensesQuery } from '@/lib/queries';
import { ApiFailure, Empty } from '@/components/states';
import { paramItems } from '@/lib/format';
import { rethrowServerFailure } from '@/lib/page-status';

export const metadata: Metadata = { title: 'Defenses' };
export const dynamic = 'force-dynamic';

export default async function DefensesPage() {
  let data;
  try {
    data = await gql(DefensesQuery, { first: 100 });
  } catch (e) {
    rethrowServerFailure(e);
    return <><h1>Defenses</h1><ApiFailure error={e} /></>;
  }
  return (
    <>
      <h1>Defenses</h1>
      <p className="lead">Defense definitions applied before training; each reports detection (TPR, FPR, AUC) and the attack's success after it.</p>
      {data.defenses.edges.length === 0 ? <Empty>No defenses visible.</Empty> : (
        <div className="scroll" tabIndex={0} role="region" aria-label="Defenses"><table className="data">
          <thead><tr><th>Name</th><th>Slug</th><th className="num">Version</th><th>Kind</th><th>Parameters</th></tr></thead>
          <tbody>
            {data.defenses.edges.map(({ node: d }) => (
              <tr key={d.id}>
                <td>{d.name}{d.description ? <div className="muted small">{d.description}</div> : null}</td>
                <td className="mono">{d.slug}</td><td className="num">v{d.version}</td>
                <td><span className="badge">{String(d.kind).toLowerCase().replace(/_/g, ' ')}</span></td>
                <td className="small"><ul className="params">{paramItems(d.params).map((p) => <li key={p} className="mono">{p}</li>)}</ul></td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </>
  );
}
