import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiError, gql } from '@/lib/graphql';
import { ExperimentQuery, ExperimentTrialPairsQuery } from '@/lib/queries';
import { DIMENSIONS, DIMENSION_LABEL, parseAxes, toCellViews, toEnum } from '@/lib/matrix';
import { MatrixTable } from '@/components/matrix-table';
import { ClassHeatmap, type PairCell } from '@/components/heatmap';
import { ProgressBar, progressFrom } from '@/components/progress';
import { AutoRefresh } from '@/components/auto-refresh';
import { ApiFailure, StatusBadge } from '@/components/states';
import { CitePanel } from '@/components/cite-panel';
import { dateTime, ratePct } from '@/lib/format';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Experiment' };

const PAIR_TRIALS_MAX = 1000;

type Search = { rows?: string | string[]; cols?: string | string[] };

export default async function ExperimentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { id } = await params;
  const sp = await searchParams;
  const axes = parseAxes(sp.rows, sp.cols);
  let data;
  try {
    data = await gql(ExperimentQuery, { id, rows: axes.rows.map(toEnum), columns: axes.cols.map(toEnum) });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NOT_FOUND') notFound();
    return <><h1>Experiment</h1><ApiFailure error={e} /></>;
  }
  const exp = data.experiment;
  if (!exp) notFound();
  const trials = exp.trials.edges.map((e) => e.node);
  const cells = toCellViews(exp.matrix.cells, axes.rows, axes.cols);
  const progress = progressFrom(exp.statusCounts, exp.trialCount);
  const live = exp.status === 'QUEUED' || exp.status === 'RUNNING';
  const query = `rows=${axes.rows.join(',')}&cols=${axes.cols.join(',')}`;
  // Class-pair grid from the trials themselves (the API has no class dimension): every trial of an experiment of
  // up to PAIR_TRIALS_MAX trials, else the first page only (said under the grid).
  const pairTrials: { targetClass?: number | null; targetLabel?: number | null; result?: { success: boolean } | null }[] = [...trials];
  let pageInfo = exp.trials.pageInfo;
  if (exp.trialCount <= PAIR_TRIALS_MAX) {
    while (pageInfo.hasNextPage && pageInfo.endCursor) {
      const next = await gql(ExperimentTrialPairsQuery, { id, after: pageInfo.endCursor });
      pairTrials.push(...next.experiment.trials.edges.map((e) => e.node));
      pageInfo = next.experiment.trials.pageInfo;
    }
  }
  const pairMap = new Map<string, PairCell>();
  for (const t of pairTrials) {
    if (!t.result || t.targetLabel == null || t.targetClass == null) continue;
    const k = `${t.targetLabel},${t.targetClass}`;
    const cell = pairMap.get(k) ?? { source: t.targetLabel, target: t.targetClass, successes: 0, trials: 0 };
    cell.trials += 1;
    if (t.result.success) cell.successes += 1;
    pairMap.set(k, cell);
  }
  // Grid size: the most classes among the experiment's datasets (10 for the image sets, 2-3 for toy data).
  const used = new Set(trials.map((t) => t.dataset));
  const classes = Math.max(2, ...data.datasets.filter((d) => used.has(d.slug)).map((d) => d.numClasses));
  const rowTitle = axes.rows.map((d) => DIMENSION_LABEL[d]).join(' · ');
  return (
    <>
      <AutoRefresh active={live} />
      {live ? <noscript><meta httpEquiv="refresh" content="5" /></noscript> : null}
      <p className="small"><Link href="/experiments">← Experiments</Link></p>
      <h1>{exp.name} <StatusBadge status={String(exp.status)} /></h1>
      <p className="lead">
        {exp.organization.name} · {exp.visibility === 'PRIVATE' ? 'private' : 'public'} · preset <span className="mono">{exp.preset}</span> · {exp.trialCount} trials · seed base {exp.seedBase} · created {dateTime(exp.createdAt as string)}
      </p>
      {exp.description ? <p>{exp.description}</p> : null}
      <ProgressBar p={progress} />

      <h2>Results</h2>
      <form method="get" className="inline panel" aria-label="Table layout">
        <fieldset>
          <legend>Rows</legend>
          <div className="choices">
            {DIMENSIONS.map((d) => (
              <label key={d}><input type="checkbox" name="rows" value={d} defaultChecked={axes.rows.includes(d)} /> {DIMENSION_LABEL[d]}</label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Columns</legend>
          <div className="choices">
            {DIMENSIONS.map((d) => (
              <label key={d}><input type="checkbox" name="cols" value={d} defaultChecked={axes.cols.includes(d)} /> {DIMENSION_LABEL[d]}</label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="secondary">Show table</button>
        <span className="small">
          Download this table: <a href={`/experiments/${exp.id}/export?format=csv&${query}`} download data-testid="csv">CSV</a> · <a href={`/experiments/${exp.id}/export?format=json&${query}`} download data-testid="json">JSON</a> · <a href={`/experiments/${exp.id}/export?format=tex&${query}`} download data-testid="latex">LaTeX</a>
        </span>
      </form>
      <MatrixTable cells={cells} rowTitle={rowTitle} caption="Successes / finished trials per cell, shaded by success rate; hover a cell for its Wilson 95% interval. The paper's value sits below where the paper reports that cell." />

      <CitePanel citation={exp.citation} bibHref={exp.visibility === 'PUBLIC' ? `/api/experiments/${exp.id}/citation.bib` : null} />

      <h2>Target label × true class</h2>
      <ClassHeatmap cells={[...pairMap.values()]} classes={Math.min(classes, 20)} />
      {pageInfo.hasNextPage ? <p className="small muted">Grid drawn from the first {pairTrials.length} of {exp.trialCount} trials.</p> : null}

      <h2>Trials</h2>
      {trials.length === 0 ? <p className="muted">No trials.</p> : (
        <table className="data" data-testid="trials">
          <thead><tr><th className="num">#</th><th>Dataset</th><th className="num">Labels</th><th>Algorithm</th><th className="num">Rate</th><th>Density</th><th>Attack</th><th>Defense</th><th className="num">Seed</th><th>Status</th><th>Outcome</th></tr></thead>
          <tbody>
            {trials.slice(0, 50).map((t) => (
              <tr key={t.id}>
                <td className="num"><Link href={`/trials/${t.id}`}>#{t.ordinal}</Link></td>
                <td>{t.dataset}</td><td className="num">{t.labels}</td><td>{t.algorithm}</td><td className="num">{ratePct(t.rate)}</td>
                <td className="mono small">{t.density ?? '–'}</td><td>{t.attackKind}</td><td>{t.defenseKind}</td><td className="num mono">{t.seed}</td>
                <td><StatusBadge status={String(t.status)} /></td>
                <td>{t.result ? (t.result.success ? <span className="badge bad">poisoned</span> : <span className="badge ok">resisted</span>) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {exp.trialCount > Math.min(50, trials.length) ? <p className="small muted">Showing the first {Math.min(50, trials.length)} of {exp.trialCount} trials.</p> : null}
    </>
  );
}
