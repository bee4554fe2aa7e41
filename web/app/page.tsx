import Link from 'next/link';
import { gql } from '@/lib/graphql';
import { LeaderboardQuery } from '@/lib/queries';
import { ApiFailure, Empty } from '@/components/states';
import { pct, ratePct, shade, wilson } from '@/lib/format';

export const dynamic = 'force-dynamic';

type Search = { dataset?: string; labels?: string; algorithm?: string; rate?: string };

interface Row { attack: string; dataset: string; labels: string; algorithm: string; rate: string; successes: number; trials: number; paper: string | null; experiments: Set<string> }

export default async function Home({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const filter = {
    ...(sp.dataset ? { datasets: [sp.dataset] } : {}),
    ...(sp.labels && Number.isInteger(Number(sp.labels)) ? { labels: [Number(sp.labels)] } : {}),
    ...(sp.algorithm ? { algorithms: [sp.algorithm] } : {}),
    ...(sp.rate && Number.isFinite(Number(sp.rate)) ? { rates: [Number((Number(sp.rate) / 100).toPrecision(12))] } : {}),
  };
  let data;
  try {
    data = await gql(LeaderboardQuery, { filter: Object.keys(filter).length ? filter : null });
  } catch (e) {
    return <><h1>Leaderboard</h1><ApiFailure error={e} /></>;
  }
  // One row per attack and setting, summed over the experiments the viewer may see.
  const byKey = new Map<string, Row>();
  for (const { node: exp } of data.experiments.edges) {
    for (const c of exp.matrix.cells) {
      if (c.trials === 0) continue;
      const [attack, dataset, labels, algorithm, rate] = c.rowLabels;
      const key = c.row.join('\u0000');
      const row = byKey.get(key) ?? { attack, dataset, labels, algorithm, rate, successes: 0, trials: 0, paper: null, experiments: new Set<string>() };
      row.successes += c.successes;
      row.trials += c.trials;
      row.experiments.add(exp.id);
      if (c.paper) row.paper = `${c.paper.successes}/${c.paper.trials}`;
      byKey.set(key, row);
    }
  }
  const rows = [...byKey.values()]
    .map((r) => ({ ...r, rate01: r.successes / r.trials, ci: wilson(r.successes, r.trials) }))
    .sort((a, b) => b.ci[0] - a.ci[0] || b.rate01 - a.rate01);
  return (
    <>
      <h1>Leaderboard</h1>
      <p className="lead">
        Attacks ranked by the lower bound of the Wilson 95% interval of their success rate, per setting, over every finished trial you may see.
        The papers&apos; reported values sit beside the reproduced ones.
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
            <tr><th className="num">#</th><th>Attack</th><th>Dataset</th><th className="num">Labels</th><th>Algorithm</th><th className="num">Rate</th><th className="num">Successes</th><th className="num">Success</th><th>Wilson 95%</th><th className="num">Paper</th></tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.attack}|${r.dataset}|${r.labels}|${r.algorithm}|${r.rate}`}>
                <td className="num">{i + 1}</td>
                <td>{r.attack}</td><td>{r.dataset}</td><td className="num">{r.labels}</td><td>{r.algorithm}</td>
                <td className="num">{Number.isFinite(Number(r.rate)) ? ratePct(Number(r.rate)) : r.rate}</td>
                <td className="num">{r.successes}/{r.trials}</td>
                <td className="num" style={{ background: shade(r.rate01) }}>{pct(r.rate01)}</td>
                <td title={`Wilson 95% interval ${pct(r.ci[0], 1)} – ${pct(r.ci[1], 1)}`}>
                  <svg width="120" height="12" role="img" aria-label={`${pct(r.ci[0])} to ${pct(r.ci[1])}`}>
                    <rect x="0" y="5" width="120" height="2" fill="#e3e7ea" />
                    <rect x={r.ci[0] * 120} y="2" width={Math.max(2, (r.ci[1] - r.ci[0]) * 120)} height="8" fill="#8cc5ae" />
                    <rect x={Math.min(118, r.rate01 * 120 - 1)} y="0" width="2" height="12" fill="#14332b" />
                  </svg>{' '}
                  <span className="small muted">{pct(r.ci[0])}–{pct(r.ci[1])}</span>
                </td>
                <td className="num">{r.paper ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
