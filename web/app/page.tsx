import Link from 'next/link';
import { gql } from '@/lib/graphql';
import { LeaderboardQuery } from '@/lib/queries';
import { ApiFailure, Empty } from '@/components/states';
import { pct, ratePct, shade, SHADE_TEXT } from '@/lib/format';
import { rethrowServerFailure } from '@/lib/page-status';

export const dynamic = 'force-dynamic';

type Search = { dataset?: string; labels?: string; algorithm?: string; rate?: string; preset?: string; attack?: string; sort?: string; near?: string; after?: string };

const SORTS = { RANK: 'Wilson lower bound', SUCCESS_RATE: 'Success rate', TRIALS: 'Trials', POISON_RATE: 'Poison rate', EXPERIMENTS: 'Experiments' } as const;
type Sort = keyof typeof SORTS;

export default async function Home({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const filter = {
    ...(sp.dataset ? { datasets: [sp.dataset] } : {}),
    ...(sp.labels && Number.isInteger(Number(sp.labels)) ? { labels: [Number(sp.labels)] } : {}),
    ...(sp.algorithm ? { algorithms: [sp.algorithm] } : {}),
    ...(sp.rate && Number.isFinite(Number(sp.rate)) ? { rates: [Number((Number(sp.rate) / 100).toPrecision(12))] } : {}),
    ...(sp.preset ? { presets: [sp.preset] } : {}),
    ...(sp.attack ? { attacks: [sp.attack] } : {}),
  };
  const sort: Sort = sp.sort && sp.sort in SORTS ? (sp.sort as Sort) : 'RANK';
  const near = sp.near === '1';
  let data;
  try {
    data = await gql(LeaderboardQuery, {
      filter: Object.keys(filter).length ? filter : null, sort, direction: sort === 'POISON_RATE' ? 'ASC' : 'DESC',
      after: sp.after || null, includeNearChance: near,
    });
  } catch (e) {
    rethrowServerFailure(e);
    return <><h1>Leaderboard</h1><ApiFailure error={e} /></>;
  }
  const board = data.leaderboard;
  const rows = board.edges.map((e) => e.node);
  const nextHref = board.pageInfo.hasNextPage && board.pageInfo.endCursor
    ? `/?${new URLSearchParams({ ...Object.fromEntries(Object.entries(sp).filter(([, v]) => typeof v === 'string' && v !== '')), after: board.pageInfo.endCursor })}`
    : null;
  return (
    <>
      <h1>Leaderboard</h1>
      <p className="lead">
        Attacks ranked by the lower bound of the Wilson 95% interval of their success rate, one row per complete setting
        (attack version, dataset, labels, algorithm, poison rate, density, defense, preset), over every finished trial you may see in every experiment.
        Trials whose clean accuracy is near chance are counted apart and never ranked. A setting with a defense shows its success with the
        defense beside the same trials&apos; success without it (each defended trial also trains without the defense, from the same seed).
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
        <div className="field">
          <label htmlFor="f-preset">Preset</label>
          <select id="f-preset" name="preset" defaultValue={sp.preset ?? ''}>
            <option value="">any</option>
            {['toy', 'mini', 'paper'].map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sort">Sort by</label>
          <select id="f-sort" name="sort" defaultValue={sort}>
            {Object.entries(SORTS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-near"><input id="f-near" name="near" type="checkbox" value="1" defaultChecked={near} /> Show near-chance-only settings</label>
        </div>
        <button type="submit">Filter</button>
        <Link href="/" className="small">Reset</Link>
      </form>
      {rows.length === 0 ? (
        <Empty>No finished trials match. <Link href="/experiments/new">Launch an experiment</Link> to fill the board.</Empty>
      ) : (
        <>
          <p className="small muted" data-testid="leaderboard-count">{board.totalCount} setting{board.totalCount === 1 ? '' : 's'}</p>
          <div className="scroll" tabIndex={0} role="region" aria-label="Leaderboard">
            <table className="data" data-testid="leaderboard">
              <thead>
                <tr>
                  <th className="num">#</th><th>Attack</th><th>Dataset</th><th className="num">Labels</th><th>Algorithm</th><th className="num">Rate</th>
                  <th>Density</th><th>Defense</th><th>Preset</th><th className="num">Successes</th><th className="num">Success</th><th className="num">Without defense</th><th>Wilson 95%</th>
                  <th className="num">Paper</th><th>Evidence</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <td className="num">{r.rank ?? '–'}</td>
                    <td>{r.attackSlug && r.attackVersion ? <Link href={`/attacks/${r.attackSlug}/v${r.attackVersion}`}>{r.attack}</Link> : r.attack}</td>
                    <td>{r.dataset}</td><td className="num">{r.labels}</td><td>{r.algorithm}</td>
                    <td className="num">{ratePct(r.rate)}</td>
                    <td>{r.densityLabel ?? '–'}</td><td>{r.defense}</td><td>{r.preset}</td>
                    <td className="num">
                      {r.successes}/{r.trials}
                      {r.nearChanceTrials > 0 && (
                        <span className="small muted" title={`${r.nearChanceTrials} more trial(s) with clean accuracy near chance: flagged, not ranked`}> +{r.nearChanceTrials} flagged</span>
                      )}
                    </td>
                    <td className="num" style={r.successRate != null ? { background: shade(r.successRate), color: SHADE_TEXT } : undefined}>
                      {pct(r.successRate)}{r.withoutDefense ? <span className="small"> with defense</span> : null}
                    </td>
                    <WithoutDefenseCell without={r.withoutDefense} />
                    <td title={r.wilsonLow == null ? 'no ranked trial' : `Wilson 95% interval ${pct(r.wilsonLow, 1)} – ${pct(r.wilsonHigh, 1)}`}>
                      {r.wilsonLow != null && r.wilsonHigh != null && r.successRate != null ? (
                        <>
                          <svg width="120" height="12" role="img" aria-label={`${pct(r.wilsonLow)} to ${pct(r.wilsonHigh)}`}>
                            <rect x="0" y="5" width="120" height="2" fill="#e3e7ea" />
                            <rect x={r.wilsonLow * 120} y="2" width={Math.max(2, (r.wilsonHigh - r.wilsonLow) * 120)} height="8" fill="#8cc5ae" />
                            <rect x={Math.min(118, r.successRate * 120 - 1)} y="0" width="2" height="12" fill="#14332b" />
                          </svg>{' '}
                          <span className="small muted">{pct(r.wilsonLow)}–{pct(r.wilsonHigh)}</span>
                        </>
                      ) : '–'}
                    </td>
                    <td className="num" title={r.paper ? `${r.paper.publication}, ${r.paper.table}` : undefined}>{r.paper ? `${r.paper.successes}/${r.paper.trials}` : '–'}</td>
                    <td className="small">
                      {r.experiments.map((x, i) => (
                        <span key={x.id}>{i > 0 && ', '}<Link href={`/experiments/${x.id}`} title={`${x.name} (${x.organization})`}>{x.name}</Link></span>
                      ))}
                      {r.experimentCount > r.experiments.length && <span className="muted"> +{r.experimentCount - r.experiments.length} more</span>}
                      <span className="muted"> · {r.organizationCount} org{r.organizationCount === 1 ? '' : 's'}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {nextHref && <p><Link href={nextHref} data-testid="leaderboard-next">Next page</Link></p>}
        </>
      )}
    </>
  );
}

/** The same ranked trials without their defense: k/n and rate, the Wilson interval in the title; a dash without a defense. */
function WithoutDefenseCell({ without }: { without: { successes: number; trials: number; successRate?: number | null; wilsonLow?: number | null; wilsonHigh?: number | null } | null | undefined }) {
  if (!without) return <td className="num muted" title="no defense">–</td>;
  if (!without.trials) return <td className="num muted" title="no trial recorded its run without the defense">–</td>;
  const title = `without the defense ${without.successes}/${without.trials}` +
    (without.wilsonLow != null && without.wilsonHigh != null ? `; Wilson 95% interval ${pct(without.wilsonLow, 1)} – ${pct(without.wilsonHigh, 1)}` : '');
  return (
    <td className="num" data-testid="without-defense" title={title} style={{ background: shade(without.successRate), color: SHADE_TEXT }}>
      {pct(without.successRate)} <span className="small">{without.successes}/{without.trials}</span>
    </td>
  );
}
