import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { gql } from '@/lib/graphql';
import { ExperimentQuery, ExperimentTrialPairsQuery } from '@/lib/queries';
import { DIMENSIONS, DIMENSION_LABEL, toCellViews, toEnum } from '@/lib/matrix';
import { parsePivot, pivotQuery } from '@/lib/pivot-params';
import { PivotTable } from '@/components/pivot-table';
import { ClassHeatmap, type PairCell } from '@/components/heatmap';
import { ExperimentLive } from '@/components/experiment-live';
import { ActionButton } from '@/components/action-button';
import { ApiFailure, StatusBadge } from '@/components/states';
import { CitePanel } from '@/components/cite-panel';
import { dateTime, ratePct } from '@/lib/format';
import { getViewer } from '@/lib/session';
import { cancelExperimentAction, reproduceTrialAction, retryFailedAction } from './actions';
import { failObjectPage } from '@/lib/page-status';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Experiment' };

const PAIR_TRIALS_MAX = 1000;

type Search = { rows?: string | string[]; cols?: string | string[] };

export default async function ExperimentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { id } = await params;
  const sp = await searchParams;
  const axes = parsePivot(sp.rows, sp.cols, DIMENSIONS);
  let data;
  let viewer;
  try {
    [data, viewer] = await Promise.all([gql(ExperimentQuery, { id, rows: axes.rows.map(toEnum), columns: axes.cols.map(toEnum) }), getViewer()]);
  } catch (e) {
    failObjectPage(e);
    return <><h1>Experiment</h1><ApiFailure error={e} /></>;
  }
  const exp = data.experiment;
  if (!exp) notFound();
  const trials = exp.trials.edges.map((e) => e.node);
  const cells = toCellViews(exp.matrix.cells, axes.rows, axes.cols);
  const progress = exp.progress;
  const live = progress.queued + progress.running > 0;
  const query = pivotQuery(axes);
  // Writes need a member (or admin) token; cancel and retry also need the experiment's own organization.
  const canWrite = !!viewer && viewer.role !== 'viewer';
  const owns = canWrite && viewer!.organizationId === exp.organization.id;
  const failed = exp.failedTrials.edges.map((e) => e.node);
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
      <p className="small"><Link href="/experiments">← Experiments</Link></p>
      <h1>{exp.name} <StatusBadge status={String(exp.status)} /></h1>
      <p className="lead">
        {exp.organization.name} · {exp.visibility === 'PRIVATE' ? 'private' : 'public'} · preset <span className="mono">{exp.preset}</span> · {exp.trialCount} {exp.trialCount === 1 ? 'trial' : 'trials'} · seed base {exp.seedBase} · created {dateTime(exp.createdAt as string)}
      </p>
      {exp.description ? <p>{exp.description}</p> : null}
      {live ? <noscript><meta httpEquiv="refresh" content="10" /></noscript> : null}
      <ExperimentLive id={exp.id} initial={progress} />
      {canWrite ? (
        <div className="actions" data-testid="actions">
          {owns && live ? <ActionButton action={cancelExperimentAction} fields={{ experimentId: exp.id }} label="Cancel experiment" pending="Cancelling…" className="danger" testId="cancel" /> : null}
          {owns && progress.failed > 0 ? <ActionButton action={retryFailedAction} fields={{ experimentId: exp.id }} label={`Retry ${progress.failed} failed ${progress.failed === 1 ? 'trial' : 'trials'}`} pending="Queueing…" className="secondary" testId="retry" /> : null}
          <Link className="button secondary" href={cloneHref(exp)} data-testid="clone">Clone into a new experiment</Link>
        </div>
      ) : null}

      <h2>Results</h2>
      {axes.ignored.length ? <p className="alert info" role="status">Ignored unknown table {axes.ignored.length === 1 ? 'dimension' : 'dimensions'} {axes.ignored.map((w) => `“${w}”`).join(', ')}; known: {DIMENSIONS.join(', ')}.</p> : null}
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
      <p className="muted small">Successes / finished trials per cell with its Wilson 95% interval, shaded by success rate; the paper&apos;s value sits below where the paper reports that cell. Click a header to sort.</p>
      <PivotTable cells={cells} rowDims={axes.rows.map((d) => DIMENSION_LABEL[d])} live={live} />

      {failed.length ? (
        <>
          <h2>Failed trials</h2>
          <ul data-testid="failed-trials">
            {failed.map((t) => (
              <li key={t.id}><Link href={`/trials/${t.id}`}>#{t.ordinal}</Link> {t.dataset} · {t.algorithm} · {t.attackKind}: <span className="fail-reason">{t.error ?? 'no reason recorded'}</span></li>
            ))}
          </ul>
        </>
      ) : null}

      <CitePanel citation={exp.citation} bibHref={exp.visibility === 'PUBLIC' ? `/api/experiments/${exp.id}/citation.bib` : null} />

      <h2>Target label × true class</h2>
      <ClassHeatmap cells={[...pairMap.values()]} classes={Math.min(classes, 20)} />
      {pageInfo.hasNextPage ? <p className="small muted">Grid drawn from the first {pairTrials.length} of {exp.trialCount} trials.</p> : null}

      <h2>Trials</h2>
      {trials.length === 0 ? <p className="muted">No trials.</p> : (
        <div className="scroll" tabIndex={0} role="region" aria-label="Trials">
          <table className="data" data-testid="trials">
            <thead><tr><th className="num">#</th><th>Dataset</th><th className="num">Labels</th><th>Algorithm</th><th className="num">Rate</th><th>Density</th><th>Attack</th><th>Defense</th><th className="num">Seed</th><th>Status</th><th>Outcome</th>{canWrite ? <th><span className="visually-hidden">Actions</span></th> : null}</tr></thead>
            <tbody>
              {trials.slice(0, 50).map((t) => (
                <tr key={t.id}>
                  <td className="num"><Link href={`/trials/${t.id}`}>#{t.ordinal}</Link></td>
                  <td>{t.dataset}</td><td className="num">{t.labels}</td><td>{t.algorithm}</td><td className="num">{ratePct(t.rate)}</td>
                  <td className="mono small">{t.density ?? '–'}</td><td>{t.attackKind}</td><td>{t.defenseKind}</td><td className="num mono">{t.seed}</td>
                  <td><StatusBadge status={String(t.status)} />{t.status === 'FAILED' && t.error ? <div className="fail-reason">{t.error}</div> : null}</td>
                  <td>{t.result ? (t.result.success ? <span className="badge bad">poisoned</span> : <span className="badge ok">resisted</span>) : '–'}</td>
                  {canWrite ? <td>{t.status === 'SUCCEEDED' ? <ActionButton action={reproduceTrialAction} fields={{ trialId: t.id }} label={`Reproduce #${t.ordinal}`} pending="Creating…" className="secondary small" /> : null}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {exp.trialCount > Math.min(50, trials.length) ? <p className="small muted">Showing the first {Math.min(50, trials.length)} of {exp.trialCount} trials.</p> : null}
    </>
  );
}

/** The launch form, prefilled from this experiment's normalised matrix (lists comma-separated). */
function cloneHref(exp: { name: string; preset: string; seedBase: number; visibility: unknown; spec: unknown; description: string }): string {
  const q = new URLSearchParams({ from: 'clone', name: `${exp.name} (copy)`, preset: exp.preset, seedBase: String(exp.seedBase), visibility: String(exp.visibility) });
  if (exp.description) q.set('description', exp.description);
  for (const [k, v] of Object.entries((exp.spec ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(v)) q.set(k, v.map(String).join(','));
    else if (typeof v === 'number' || typeof v === 'string') q.set(k, String(v));
  }
  return `/experiments/new?${q.toString()}`;
}
