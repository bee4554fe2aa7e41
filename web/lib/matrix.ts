import type { CellView } from '@/components/matrix-table';
import { ratePct, wilson } from './format';

/** The dimensions a user may put on rows or columns, in URL form. */
export const DIMENSIONS = ['dataset', 'labels', 'algorithm', 'rate', 'density', 'attack', 'defense'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_LABEL: Record<Dimension, string> = {
  dataset: 'Dataset', labels: 'Labels', algorithm: 'Algorithm', rate: 'Poison rate', density: 'Density', attack: 'Attack', defense: 'Defense',
};

/** Parses `?rows=algorithm&cols=dataset,rate` into valid, non-overlapping dimension lists. */
export function parseAxes(rows: string | string[] | undefined, cols: string | string[] | undefined): { rows: Dimension[]; cols: Dimension[] } {
  const pick = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join(',') : s ?? '').split(',').map((x) => x.trim()).filter((x): x is Dimension => (DIMENSIONS as readonly string[]).includes(x));
  let r = [...new Set(pick(rows))];
  let c = [...new Set(pick(cols))].filter((x) => !r.includes(x));
  if (r.length === 0 && c.length === 0) { r = ['algorithm']; c = ['dataset', 'rate']; }
  return { rows: r, cols: c };
}

export const toEnum = (d: Dimension) => d.toUpperCase() as Uppercase<Dimension>;

export interface ApiCell {
  row: string[]; column: string[]; rowLabels: string[]; columnLabels: string[]; successes: number; trials: number;
  scheduled?: number; wilsonLow?: number | null; wilsonHigh?: number | null; cleanAccuracyMean?: number | null;
  paper?: { successes: number; trials: number } | null;
  withoutDefense?: { successes: number; trials: number; wilsonLow?: number | null; wilsonHigh?: number | null; cleanAccuracyMean?: number | null } | null;
  detection?: {
    rocAucMean?: number | null; tprAt5FprMean?: number | null; poisonsRemoved?: number | null; poisons?: number | null;
    cleanRemoved?: number | null; clean?: number | null;
  } | null;
}

/** Display text of one coordinate: rates as the papers write them (0.005 -> 0.5%), the API's label otherwise. */
export function displayValue(dim: Dimension, label: string): string {
  if (dim === 'rate' && label !== '' && Number.isFinite(Number(label))) return ratePct(Number(label));
  return label;
}

export function toCellViews(cells: ApiCell[], rows: Dimension[], cols: Dimension[]): CellView[] {
  return cells.map((c) => {
    const [low, high] = c.wilsonLow != null && c.wilsonHigh != null ? [c.wilsonLow, c.wilsonHigh] : wilson(c.successes, c.trials);
    return {
      row: rows.map((d, i) => displayValue(d, c.rowLabels[i] ?? c.row[i] ?? '')),
      column: cols.map((d, i) => displayValue(d, c.columnLabels[i] ?? c.column[i] ?? '')),
      successes: c.successes, trials: c.trials, low, high, scheduled: c.scheduled,
      cleanAccuracy: c.cleanAccuracyMean ?? null,
      reported: c.paper ? `${c.paper.successes}/${c.paper.trials}` : null,
      without: c.withoutDefense ? {
        successes: c.withoutDefense.successes, trials: c.withoutDefense.trials,
        low: c.withoutDefense.wilsonLow ?? null, high: c.withoutDefense.wilsonHigh ?? null, cleanAccuracy: c.withoutDefense.cleanAccuracyMean ?? null,
      } : null,
      detection: c.detection ? {
        rocAuc: c.detection.rocAucMean ?? null, tprAt5Fpr: c.detection.tprAt5FprMean ?? null, poisonsRemoved: c.detection.poisonsRemoved ?? null,
        poisons: c.detection.poisons ?? null, cleanRemoved: c.detection.cleanRemoved ?? null, clean: c.detection.clean ?? null,
      } : null,
    };
  });
}
