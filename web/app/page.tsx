import Link from 'next/link';
import { gql } from '@/lib/graphql';
import { LeaderboardQuery } from '@/lib/queries';
import { ApiFailure, Empty } from '@/components/states';
import { pct, shade } from '@/lib/format';

export const dynamic = 'force-dynamic';

type Search = { dataset?: string; labels?: string; algorithm?: string; rate?: string };

export default async function Home({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const filter = {
    dataset: sp.dataset || null,
    labels: sp.labels ? Number(sp.labels) : null,
    algorithm: sp.algorithm || null,
    rate: sp.rate ? Number(sp.rate) / 100 : null,
  };
  let data;
  try {
    data = await gql(LeaderboardQuery, { filter });
  } catch (e) {
    return <><h1>Leaderboard</h1><ApiFailure error={e} /></>;
  }
  const rows = [...data.leaderboard].sort((a, b) => b.wilsonLow - a.wilsonLow || b.successes / Math.max(1, b.trials) - a.successes / Math.max(1, a.trials));
  return (
    <>
      <h1>Leaderboard</h1>
      <p className="lead">
        Attacks ranked by the lower bound of their success rate&apos;s Wilson 95% interval over finished trials; the papers&apos; reported values sit beside the reproduced ones.
      </p>
      <form method="get" className="inline panel" aria-label="Filter the leaderboard">
        <div className="field">
          <label htmlFor="f-dataset">Dataset</label>
          <select id="f-dataset" name="dataset" defaultValue={sp.dataset ?? ''}>
            <option value="">any</option>
            {data.datasets.map((d) => <option key={d.slug} value={d.slug}>{d.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-labels">Labels</label>
          <input id="f-labels" name="labels" type="number" min={1} placeholder="any" defaultValue={sp.labels ?? ''} style={{ width: 100 }} />
        </div>
        <div className="field">
          <label htmlFor="f-algorithm">Algorithm</label>
          <select id="f-algorithm" name="algorithm" defaultValue={sp.algorithm ?? ''}>
            <option value="">any</option>
            {data.algorithms.map((a) => <option key={a.slug} value={a.slug}>{a.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-rate">Poison rate (%)</label>
          <input id="f-rate" name="rate" type="number" step="any" min={0} placeholder="any" defaultValue={sp.rate ?? ''} style={{ width: 110 }} />
        </div>
        <button type="submit">Filter</button>
        <Link href="/" className="small">Reset</Link>
      </form>
      {rows.length === 0 ? (
        <Empty>No finished trials match. <Link href="/experiments/new">Launch an experiment</Link> to fill the board.</Empty>
      ) : (
        <table className="data" data-testid="leaderboard">
          <thead>
            <tr><th className="num">#</th><th>Attack</th><th>Kind</th><th className="num">Successes</th><th className="num">Rate</th><th>Wilson 95%</th><th className="num">Paper</th></tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const rate = r.trials ? r.successes / r.trials : 0;
              return (
                <tr key={r.attack.id}>
                  <td className="num">{i + 1}</td>
                  <td>{r.attack.name} <span className="muted small">v{r.attack.version}</span></td>
                  <td><span className="badge">{String(r.attack.kind).toLowerCase().replace(/_/g, ' ')}</span></td>
                  <td className="num">{r.successes}/{r.trials}</td>
                  <td className="num" style={{ background: shade(rate) }}>{pct(rate)}</td>
                  <td title={`Wilson 95% interval ${pct(r.wilsonLow, 1)} – ${pct(r.wilsonHigh, 1)}`}>
                    <svg width="120" height="12" role="img" aria-label={`${pct(r.wilsonLow)} to ${pct(r.wilsonHigh)}`}>
                      <rect x="0" y="5" width="120" height="2" fill="#e3e7ea" />
                      <rect x={r.wilsonLow * 120} y="2" width={Math.max(2, (r.wilsonHigh - r.wilsonLow) * 120)} height="8" fill="#8cc5ae" />
                      <rect x={rate * 120 - 1} y="0" width="2" height="12" fill="#14332b" />
                    </svg>{' '}
                    <span className="small muted">{pct(r.wilsonLow)}–{pct(r.wilsonHigh)}</span>
                  </td>
                  <td className="num">{r.reported ? `${r.reported.successes}/${r.reported.trials}` : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
