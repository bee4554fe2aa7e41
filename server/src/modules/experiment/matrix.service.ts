import { DataSource } from 'typeorm';
import { ReadCache } from '../../common/read-cache';
import { badInput } from '../../common/errors';
import { ExperimentMatrix, MatrixCell, MatrixDimension, MatrixFilter } from './matrix.types';
import { wilsonInterval } from '@frogpond/compute/stats';
import { toDetectionSummary, toWithoutDefense } from './defense-comparison';

/**
 * Defense totals of a cell. 'cells' sums trial_cell's trigger-maintained totals; 'trials' is their definition over
 * every result: the run without the defense (detection.undefended) and the defense's metrics (detection.*), each
 * counted only where the result holds it as a JSON boolean or number.
 */
const U = `r.detection->'undefended'`;
const jnum = (json: string) => `CASE WHEN jsonb_typeof(${json}) = 'number' THEN (${json})::float8 END`;
const REMOVAL = ['removedPoisons', 'poisons', 'cleanRemoved', 'clean'].map((k) => `jsonb_typeof(r.detection->'${k}') = 'number'`).join(' AND ');
const removalSum = (k: string) => `coalesce(sum(CASE WHEN ${REMOVAL} THEN round((r.detection->'${k}')::float8) END), 0)::int`;
const DEFENSE_TOTALS: Record<MatrixSource, string> = {
  cells: `bool_and(t.defense_kind <> 'none') AS defended,
         sum(t.undefended_successes)::int AS u_k, sum(t.undefended_trials)::int AS u_n,
         sum(t.undefended_accuracy_sum) / nullif(sum(t.undefended_accuracy_n), 0) AS u_acc,
         sum(t.roc_auc_sum) / nullif(sum(t.roc_auc_n), 0) AS roc_auc, sum(t.tpr_at_5_fpr_sum) / nullif(sum(t.tpr_at_5_fpr_n), 0) AS tpr5,
         sum(t.removal_trials)::int AS removal_n, sum(t.removed_poisons)::int AS removed_poisons, sum(t.poisons)::int AS poisons,
         sum(t.removed_clean)::int AS removed_clean, sum(t.clean)::int AS clean,`,
  trials: `bool_and(t.defense_kind <> 'none') AS defended,
         count(*) FILTER (WHERE ${U}->'success' = 'true'::jsonb)::int AS u_k,
         count(*) FILTER (WHERE jsonb_typeof(${U}->'success') = 'boolean')::int AS u_n,
         avg(${jnum(`${U}->'cleanAccuracy'`)}) AS u_acc,
         avg(${jnum(`r.detection->'rocAuc'`)}) AS roc_auc, avg(${jnum(`r.detection->'tprAt5Fpr'`)}) AS tpr5,
         count(*) FILTER (WHERE ${REMOVAL})::int AS removal_n, ${removalSum('removedPoisons')} AS removed_poisons,
         ${removalSum('poisons')} AS poisons, ${removalSum('cleanRemoved')} AS removed_clean, ${removalSum('clean')} AS clean,`,
};
const DEFENSE_OUT = ['defended', 'u_k', 'u_n', 'u_acc', 'roc_auc', 'tpr5', 'removal_n', 'removed_poisons', 'poisons', 'removed_clean', 'clean'];

/** SQL of each dimension over `trial t` (whitelisted: never user text). */
const DIM: Record<MatrixDimension, { col: string; key: string }> = {
  DATASET: { col: 't.dataset', key: 't.dataset' },
  LABELS: { col: 't.labels', key: 't.labels::text' },
  ALGORITHM: { col: 't.algorithm', key: 't.algorithm' },
  RATE: { col: 't.rate', key: 't.rate::text' },
  DENSITY: { col: 't.density', key: "coalesce(t.density, 'none')" },
  ATTACK: { col: 't.attack_id', key: "coalesce(t.attack_id::text, 'none')" },
  DEFENSE: { col: 't.defense_id', key: "coalesce(t.defense_id::text, 'none')" },
};

/** Coordinates used to find the paper-reported value: grouped, or constant within the cell. */
const MATCH_COLS = ['dataset', 'labels', 'algorithm', 'rate', 'density', 'attack_kind', 'defense_kind'] as const;
const MATCH_DIM: Partial<Record<(typeof MATCH_COLS)[number], MatrixDimension>> = {
  dataset: MatrixDimension.DATASET, labels: MatrixDimension.LABELS, algorithm: MatrixDimension.ALGORITHM,
  rate: MatrixDimension.RATE, density: MatrixDimension.DENSITY,
};

export interface MatrixQuery { rows: MatrixDimension[]; columns: MatrixDimension[]; filter?: MatrixFilter | null }

/**
 * Where the counts come from: 'cells' = the trigger-maintained per-cell totals (trial_cell, a few hundred rows per
 * experiment, what the API uses); 'trials' = every trial left-joined to its result (the definition, used to check
 * the totals and as the benchmark's reference).
 */
export type MatrixSource = 'cells' | 'trials';

/**
 * Builds the ONE SQL statement of a matrix: trials of the experiment grouped by the chosen dimensions, left-joined
 * to their results (k/n, clean accuracy; where every trial ran a defense, the same trials without it and the
 * defense's detection metrics), then a lateral lookup of the paper-reported k/n for the cell.
 * Exported so the benchmark can time the same statement through raw `pg`.
 */
export function buildMatrixSql(experimentId: string, q: MatrixQuery, source: MatrixSource = 'cells'): { sql: string; params: unknown[] } {
  const dims = [...q.rows, ...q.columns];
  if (new Set(dims).size !== dims.length) throw badInput('A dimension may appear only once in rows and columns');
  const params: unknown[] = [experimentId];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };

  const where = source === 'cells' ? ['t.experiment_id = $1', 't.scheduled > 0'] : ['t.experiment_id = $1'];
  const f = q.filter ?? {};
  if (f.datasets?.length) where.push(`t.dataset = ANY(${p(f.datasets)}::text[])`);
  if (f.labels?.length) where.push(`t.labels = ANY(${p(f.labels)}::int[])`);
  if (f.algorithms?.length) where.push(`t.algorithm = ANY(${p(f.algorithms)}::text[])`);
  if (f.rates?.length) where.push(`EXISTS (SELECT 1 FROM unnest(${p(f.rates)}::float8[]) fr WHERE abs(fr - t.rate) < 1e-9)`);
  if (f.densities?.length) where.push(`coalesce(t.density, 'none') = ANY(${p(f.densities)}::text[])`);
  if (f.attacks?.length) { const a = p(f.attacks); where.push(`(coalesce(t.attack_id::text, 'none') = ANY(${a}::text[]) OR t.attack_kind = ANY(${a}::text[]))`); }
  if (f.defenses?.length) { const d = p(f.defenses); where.push(`(coalesce(t.defense_id::text, 'none') = ANY(${d}::text[]) OR t.defense_kind = ANY(${d}::text[]))`); }

  const groupCols = dims.map((d, i) => `${DIM[d].key} AS k${i}, ${DIM[d].col} AS o${i}`);
  // For each paper coordinate: its value when grouped or constant over the cell, else NULL (no paper match).
  const matchCols = MATCH_COLS.map((c) => {
    const dim = MATCH_DIM[c];
    if (dim && dims.includes(dim)) return `min(t.${c}) AS m_${c}`;
    return `CASE WHEN count(t.${c}) = count(*) AND min(t.${c}) = max(t.${c}) THEN min(t.${c}) END AS m_${c}`;
  });
  const groupBy = dims.length ? `GROUP BY ${dims.map((d) => DIM[d].col).join(', ')}` : '';
  // Cells are ordered by the raw dimension values; with no dimension there is a single cell.
  const orderKeys = dims.length ? dims.map((_, i) => `c.o${i}`).join(', ') : 'c.scheduled';
  const distinctOn = orderKeys;
  const labelJoins: string[] = [];
  const labelCols = dims.map((d, i) => {
    if (d === MatrixDimension.ATTACK) { labelJoins.push(`LEFT JOIN attack_definition ad${i} ON ad${i}.id = c.o${i}`); return `coalesce(ad${i}.slug || ' v' || ad${i}.version, 'none') AS l${i}`; }
    if (d === MatrixDimension.DEFENSE) { labelJoins.push(`LEFT JOIN defense_definition dd${i} ON dd${i}.id = c.o${i}`); return `coalesce(dd${i}.slug || ' v' || dd${i}.version, 'none') AS l${i}`; }
    if (d === MatrixDimension.DENSITY) { labelJoins.push(`LEFT JOIN density_function df${i} ON df${i}.slug = c.o${i}`); return `coalesce(df${i}.label, c.k${i}) AS l${i}`; }
    return `c.k${i} AS l${i}`;
  });

  // Only what rowsToMatrix reads leaves the server: the raw values (o*) and paper coordinates (m_*) stay in SQL
  // (fewer columns to send and for pg to parse, 50+ rows per request).
  const outCols = [...dims.map((_, i) => `c.k${i}`), 'c.scheduled', 'c.trials', 'c.successes', 'c.clean_accuracy', ...DEFENSE_OUT.map((o) => `c.${o}`)];
  const totals = DEFENSE_TOTALS[source] + (source === 'cells'
    ? `coalesce(sum(t.scheduled), 0)::int AS scheduled, coalesce(sum(t.trials), 0)::int AS trials,
         coalesce(sum(t.successes), 0)::int AS successes, sum(t.clean_accuracy_sum) / nullif(sum(t.clean_accuracy_n), 0) AS clean_accuracy
    FROM trial_cell t`
    : `count(*)::int AS scheduled, count(r.id)::int AS trials, count(*) FILTER (WHERE r.success)::int AS successes,
         avg(r.clean_accuracy) AS clean_accuracy
    FROM trial t LEFT JOIN trial_result r ON r.trial_id = t.id`);
  const sql = `
WITH c AS (
  SELECT ${[...groupCols, ...matchCols].join(',\n         ')},
         ${totals}
   WHERE ${where.join(' AND ')}
   ${groupBy}
)
SELECT DISTINCT ON (${distinctOn}) ${outCols.join(', ')}${labelCols.length ? ', ' + labelCols.join(', ') : ''},
       rr.successes AS paper_successes, rr.trials AS paper_trials, rr.table_key AS paper_table,
       rr.row_key AS paper_row, rr.column_key AS paper_column, pub.slug AS paper_publication
  FROM c
  ${labelJoins.join('\n  ')}
  -- The paper's k/n for the cell: every coordinate grouped or constant in the cell must match (hash join on the
  -- equalities); DISTINCT ON keeps the most specific row (a density row of Table 3 first, then the table order).
  LEFT JOIN reported_result rr
    ON rr.dataset = c.m_dataset AND rr.labels = c.m_labels AND rr.algorithm = c.m_algorithm AND rr.attack_kind = c.m_attack_kind
   AND c.m_defense_kind = 'none' AND abs(rr.rate - c.m_rate) < 1e-9 AND (rr.density IS NULL OR rr.density = c.m_density)
  LEFT JOIN publication pub ON pub.id = rr.publication_id
 ORDER BY ${orderKeys}, (rr.density IS NULL), rr.table_order`;
  return { sql, params };
}

/** Maps the SQL rows of buildMatrixSql to cells (Wilson interval computed here from k/n). */
export function rowsToMatrix(q: MatrixQuery, rows: Record<string, any>[]): ExperimentMatrix {
  const nr = q.rows.length;
  const dims = nr + q.columns.length;
  const cells: MatrixCell[] = rows.map((r) => {
    const keys: string[] = []; const labels: string[] = [];
    for (let i = 0; i < dims; i++) { keys.push(String(r[`k${i}`])); labels.push(String(r[`l${i}`])); }
    const w = wilsonInterval(r.successes, r.trials);
    return {
      row: keys.slice(0, nr), column: keys.slice(nr), rowLabels: labels.slice(0, nr), columnLabels: labels.slice(nr),
      successes: r.successes, trials: r.trials, scheduled: r.scheduled,
      successRate: r.trials ? r.successes / r.trials : null,
      wilsonLow: w?.low ?? null, wilsonHigh: w?.high ?? null,
      cleanAccuracyMean: r.clean_accuracy === null || r.clean_accuracy === undefined ? null : Number(r.clean_accuracy),
      withoutDefense: toWithoutDefense(r.defended, r.u_k, r.u_n, r.u_acc),
      detection: toDetectionSummary(r.defended, {
        rocAucMean: r.roc_auc, tprAt5FprMean: r.tpr5, removalTrials: r.removal_n, removedPoisons: r.removed_poisons, poisons: r.poisons,
        removedClean: r.removed_clean, clean: r.clean,
      }),
      paper: r.paper_trials == null ? null : {
        successes: r.paper_successes, trials: r.paper_trials, rate: r.paper_successes / r.paper_trials,
        publication: r.paper_publication, table: r.paper_table, rowKey: r.paper_row, columnKey: r.paper_column,
      },
    };
  });
  return { rows: q.rows, columns: q.columns, cells };
}

export class MatrixService {
  constructor(private readonly ds: DataSource, private readonly cache?: ReadCache) {}

  /**
   * One SQL statement per matrix, however many cells. Cached per experiment and query until a result of the
   * experiment lands (the recount source 'trials' never is: it is the reference the cache is checked against).
   */
  async matrix(experimentId: string, q: MatrixQuery, source: MatrixSource = 'cells'): Promise<ExperimentMatrix> {
    const compute = async () => {
      const { sql, params } = buildMatrixSql(experimentId, q, source);
      return rowsToMatrix(q, await this.ds.query(sql, params));
    };
    if (source !== 'cells' || !this.cache) return compute();
    const key = `matrix:${experimentId}:${JSON.stringify([q.rows, q.columns, q.filter ?? null])}`;
    return this.cache.getOrCompute(key, experimentId, compute);
  }
}
