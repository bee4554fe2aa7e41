import type { Metadata } from 'next';
import { gql } from '@/lib/graphql';
import { DensitiesQuery } from '@/lib/queries';
import { sampleExpression } from '@/lib/densities';
import { DensityPlot } from '@/components/density-plot';
import { ApiFailure, Empty } from '@/components/states';
import { rethrowServerFailure } from '@/lib/page-status';

export const metadata: Metadata = { title: 'Densities' };
export const dynamic = 'force-dynamic';

export default async function DensitiesPage() {
  let data;
  try {
    data = await gql(DensitiesQuery);
  } catch (e) {
    rethrowServerFailure(e);
    return <><h1>Density functions</h1><ApiFailure error={e} /></>;
  }
  return (
    <>
      <h1>Density functions</h1>
      <p className="lead">
        How interpolation poisons are spaced between the source (α = 0) and the target (α = 1): positions are quantiles of the
        normalised density (Carlini 2021, Table 3). Plots are computed on the server with the same safe parser the API uses.
      </p>
      {data.densities.edges.length === 0 ? <Empty>No densities registered.</Empty> : (
        <div className="cards">
          {data.densities.edges.map(({ node: d }) => {
            const samples = sampleExpression(d.expression);
            return (
              <section className="card" key={d.id} aria-labelledby={`den-${d.slug}`} data-testid="density">
                <h3 id={`den-${d.slug}`}><code>{d.label}</code> {d.builtin ? <span className="badge">Table 3</span> : <span className="badge">custom</span>}</h3>
                {samples ? <DensityPlot samples={samples} label={d.label} /> : <p className="muted">cannot plot</p>}
                <p className="small">{d.description}</p>
                <p className="small muted">slug <span className="mono">{d.slug}</span> · ∫ = {d.integral.toFixed(3)}</p>
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
