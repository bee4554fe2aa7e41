import { runTrial } from './run-trial';
import { TrialEngine } from './engine.types';
import { TrialConfig, TrialOutcome, TrialProgress } from './trial.types';
import { csvField } from '../util/csv';

/** A small experiment: every combination of algorithm x rate x density, `trials` seeded trials each. */
export interface MatrixSpec {
  base: Omit<TrialConfig, 'algorithm' | 'rate' | 'density'>;
  algorithms: string[];
  rates: number[];
  densities: string[];
  trials: number;
  /** Trial t of every cell uses seed seedBase + t, so cells are paired (same targets and labels). */
  seedBase: number;
}

/** The compact record of one trial kept in matrix results: the outcome's scalar fields (no artifacts). */
export type TrialSummary = Pick<TrialOutcome,
  'seed' | 'success' | 'targetIndex' | 'sourceIndex' | 'targetClass' | 'targetLabel' | 'targetPrediction' | 'targetConfidence'
  | 'cleanAccuracy' | 'poisonCount' | 'poisonShareAtTarget' | 'configHash' | 'attackMetrics'> & { seconds: number; defense?: DefenseSummary };

/**
 * A defended trial's measurement in scalars: detection quality against the true poison indices, what was removed,
 * and the same seed's outcome without the defense (success and clean accuracy are the trial's own, with it).
 */
export interface DefenseSummary {
  kind: string;
  rocAuc: number | null;
  tprAt1Fpr: number | null;
  tprAt5Fpr: number | null;
  removedPoisons: number;
  poisons: number;
  cleanRemoved: number;
  clean: number;
  undefendedSuccess: boolean | null;
  undefendedCleanAccuracy: number | null;
  /** What the defense added to an undefended trial (judging plus any retraining), seconds. */
  extraSeconds: number;
}

export interface MatrixCell {
  algorithm: string;
  rate: number;
  density: string;
  successes: number;
  trials: number;
  outcomes: TrialSummary[];
}

export interface MatrixResult {
  spec: MatrixSpec;
  cells: MatrixCell[];
  backend: string;
  seconds: number;
}

/** Reduces an outcome to what tables and reports need. */
export function summarize(o: TrialOutcome): TrialSummary {
  return {
    seed: o.seed, success: o.success, targetIndex: o.targetIndex, sourceIndex: o.sourceIndex, targetClass: o.targetClass,
    targetLabel: o.targetLabel, targetPrediction: o.targetPrediction, targetConfidence: round(o.targetConfidence, 4),
    cleanAccuracy: round(o.cleanAccuracy, 4), poisonCount: o.poisonCount, poisonShareAtTarget: round(o.poisonShareAtTarget, 4),
    seconds: round(o.timings.totalMs / 1000, 2), configHash: o.configHash, attackMetrics: o.attackMetrics,
    ...(o.defense.kind === 'none' ? {} : { defense: summarizeDefense(o) }),
  };
}

function summarizeDefense(o: TrialOutcome): DefenseSummary {
  const d = o.defense;
  const r4 = (v: number | null | undefined) => (v === null || v === undefined ? null : round(v, 4));
  return {
    kind: d.kind, rocAuc: r4(d.rocAuc), tprAt1Fpr: r4(d.tprAt1Fpr), tprAt5Fpr: r4(d.tprAt5Fpr),
    removedPoisons: d.removedPoisons, poisons: d.poisons ?? 0, cleanRemoved: d.cleanRemoved ?? d.removed - d.removedPoisons, clean: d.clean ?? 0,
    undefendedSuccess: d.undefended?.success ?? null, undefendedCleanAccuracy: d.undefended ? round(d.undefended.cleanAccuracy, 4) : null,
    extraSeconds: round((o.timings.defenseExtraMs ?? o.timings.defenseMs) / 1000, 2),
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * Runs a matrix trial by trial (sequentially: one trial already uses the machine). `onTrial` sees each finished
 * trial and the cells so far, so callers can write partial results as they go.
 */
export async function runMatrix(
  spec: MatrixSpec,
  opts: {
    signal?: AbortSignal;
    engine?: TrialEngine;
    onTrial?: (cell: MatrixCell, outcome: TrialOutcome, done: number, total: number, cells: MatrixCell[]) => void | Promise<void>;
    onProgress?: (cell: MatrixCell, trial: number, p: TrialProgress) => void;
  } = {},
): Promise<MatrixResult> {
  const t0 = Date.now();
  const cells: MatrixCell[] = [];
  for (const algorithm of spec.algorithms) for (const density of spec.densities) for (const rate of spec.rates) {
    cells.push({ algorithm, rate, density, successes: 0, trials: 0, outcomes: [] });
  }
  const total = cells.length * spec.trials;
  let done = 0;
  let backend = '';
  // Trial-major order: after t rounds every cell has t trials, so a partial run still fills the whole table.
  for (let t = 0; t < spec.trials; t++) {
    for (const cell of cells) {
      const config: TrialConfig = { ...spec.base, algorithm: cell.algorithm, rate: cell.rate, density: cell.density };
      const outcome = await runTrial(config, { seed: spec.seedBase + t, signal: opts.signal, onProgress: (p) => opts.onProgress?.(cell, t, p) }, opts.engine);
      backend = outcome.backend;
      cell.trials++;
      if (outcome.success) cell.successes++;
      cell.outcomes.push(summarize(outcome));
      done++;
      await opts.onTrial?.(cell, outcome, done, total, cells);
    }
  }
  return { spec, cells, backend, seconds: (Date.now() - t0) / 1000 };
}

/** Formats a rate as the paper does: 0.005 -> "0.5%". */
export function formatRate(rate: number): string {
  return `${round(rate * 100, 3)}%`;
}

/**
 * A k/n table laid out like the paper's: one row per algorithm (or density), one column per poisoning rate.
 */
export function formatTable(cells: MatrixCell[], rowKey: 'algorithm' | 'density', title = ''): string {
  const rows = [...new Set(cells.map((c) => c[rowKey]))];
  const rates = [...new Set(cells.map((c) => c.rate))].sort((a, b) => a - b);
  const header = [rowKey === 'algorithm' ? 'Algorithm' : 'Density', ...rates.map(formatRate)];
  const body = rows.map((r) => [r, ...rates.map((rate) => {
    const group = cells.filter((c) => c[rowKey] === r && c.rate === rate);
    const k = group.reduce((a, c) => a + c.successes, 0);
    const n = group.reduce((a, c) => a + c.trials, 0);
    return n ? `${k}/${n}` : '-';
  })]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].filter(Boolean).join('\n');
}

/** One CSV line per trial. */
export function matrixCsv(result: MatrixResult): string {
  const head = 'algorithm,rate,density,seed,success,target_index,source_index,target_class,target_label,target_prediction,target_confidence,clean_accuracy,poison_count,poison_share_at_target,seconds,config_hash';
  const lines = result.cells.flatMap((c) => c.outcomes.map((o) => [
    c.algorithm, c.rate, csvField(c.density), o.seed, o.success, o.targetIndex, o.sourceIndex, o.targetClass, o.targetLabel,
    o.targetPrediction, o.targetConfidence, o.cleanAccuracy, o.poisonCount, o.poisonShareAtTarget, o.seconds, o.configHash,
  ].join(',')));
  return [head, ...lines].join('\n') + '\n';
}
