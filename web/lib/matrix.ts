import type { CellView } from '@/components/matrix-table';

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

interface ApiCell {
  row: string[]; column: string[]; successes: number; trials: number; wilsonLow: number; wilsonHigh: number;
  cleanAccuracy?: number | null; reported?: { successes: number; trials: number } | null;
}

export function toCellViews(cells: ApiCell[]): CellView[] {
  return cells.map((c) => ({
    row: c.row, column: c.column, successes: c.successes, trials: c.trials, low: c.wilsonLow, high: c.wilsonHigh,
    cleanAccuracy: c.cleanAccuracy ?? null,
    reported: c.reported ? `${c.reported.successes}/${c.reported.trials}` : null,
  }));
}

/** Flat rows of the shown table, for CSV/JSON export. */
export function exportRows(cells: CellView[], rows: Dimension[], cols: Dimension[]) {
  return cells.map((c) => {
    const out: Record<string, string | number | null> = {};
    rows.forEach((d, i) => (out[d] = c.row[i] ?? null));
    cols.forEach((d, i) => (out[d] = c.column[i] ?? null));
    out.successes = c.successes;
    out.trials = c.trials;
    out.rate = c.trials ? c.successes / c.trials : null;
    out.wilsonLow = c.low;
    out.wilsonHigh = c.high;
    out.cleanAccuracy = c.cleanAccuracy ?? null;
    out.paper = c.reported ?? null;
    return out;
  });
}
