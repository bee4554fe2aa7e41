/**
 * The default pivot: every dimension sits on rows or columns, so no cell ever merges different attacks, densities,
 * defenses or settings. Attack, density and defense lead the rows; the paper's settings are the columns.
 */
export const DEFAULT_ROWS = ['attack', 'density', 'defense', 'algorithm'] as const;
export const DEFAULT_COLS = ['dataset', 'labels', 'rate'] as const;

export interface PivotAxes<D extends string> { rows: D[]; cols: D[]; ignored: string[] }

const words = (s: string | string[] | undefined) =>
  (Array.isArray(s) ? s.join(',') : s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

/**
 * Parses `?rows=ALGORITHM&cols=dataset,Rate` case-insensitively into non-overlapping lists of the `known` dimensions.
 * Unknown names come back in `ignored` (the page says so). A side absent from the URL gets its default less the
 * dimensions the other side took; nothing valid on either side gives the default pivot.
 */
export function parsePivot<D extends string>(
  rows: string | string[] | undefined, cols: string | string[] | undefined, known: readonly D[],
): PivotAxes<D> {
  const ignored: string[] = [];
  const isKnown = (d: string): d is D => (known as readonly string[]).includes(d);
  const defRows: D[] = (DEFAULT_ROWS as readonly string[]).filter(isKnown);
  const defCols: D[] = (DEFAULT_COLS as readonly string[]).filter(isKnown);
  const pick = (s: string | string[] | undefined) => {
    const out: D[] = [];
    for (const w of words(s)) {
      const d = w.toLowerCase();
      if (!isKnown(d)) ignored.push(w);
      else if (!out.includes(d)) out.push(d);
    }
    return out;
  };
  let r = pick(rows);
  let c = pick(cols).filter((d) => !r.includes(d));
  if (rows === undefined && cols !== undefined) r = defRows.filter((d) => !c.includes(d));
  if (cols === undefined && rows !== undefined) c = defCols.filter((d) => !r.includes(d));
  if (r.length === 0 && c.length === 0) { r = defRows; c = defCols; }
  return { rows: r, cols: c, ignored };
}

/** The query string of a pivot, lower case (what the page's links and the export use). */
export function pivotQuery(p: { rows: readonly string[]; cols: readonly string[] }): string {
  return `rows=${p.rows.join(',')}&cols=${p.cols.join(',')}`;
}
