import { toCsv } from '../../common/csv';
import { ExperimentMatrix, MatrixCell, MatrixDimension } from './matrix.types';

/**
 * The one implementation of matrix exports (GraphQL fields and download routes call these). Column names are
 * distinct and stable: a dimension is named by what it is (`poison_rate`, never a bare `rate`), a metric by what it
 * measures (`success_rate`).
 */
export const DIMENSION_COLUMN: Record<MatrixDimension, string> = {
  DATASET: 'dataset', LABELS: 'labels', ALGORITHM: 'algorithm', RATE: 'poison_rate', DENSITY: 'density', ATTACK: 'attack', DEFENSE: 'defense',
};
export const DIMENSION_TITLE: Record<MatrixDimension, string> = {
  DATASET: 'Dataset', LABELS: 'Labels', ALGORITHM: 'Algorithm', RATE: 'Poison rate', DENSITY: 'Density', ATTACK: 'Attack', DEFENSE: 'Defense',
};
export const METRIC_COLUMNS = [
  'successes', 'trials', 'scheduled', 'success_rate', 'wilson_low', 'wilson_high', 'clean_accuracy_mean',
  // Where every trial of the cell ran a defense (empty otherwise): the same trials without it, and what it detected.
  'undefended_successes', 'undefended_trials', 'undefended_success_rate', 'undefended_wilson_low', 'undefended_wilson_high',
  'undefended_clean_accuracy_mean', 'defense_roc_auc_mean', 'defense_tpr_at_5_fpr_mean', 'defense_poisons_removed', 'defense_poisons',
  'defense_poison_removal_rate', 'defense_clean_removed', 'defense_clean', 'defense_clean_removal_rate',
  'paper_successes', 'paper_trials', 'paper_success_rate', 'paper_publication', 'paper_table',
] as const;

export type ExportValue = string | number | null;
export interface ExportTable { columns: string[]; rows: Record<string, ExportValue>[] }

/** Decimals a rate over n trials supports: its steps are 1/n, so one digit past the order of n (at least 3). */
export function rateDecimals(n: number): number {
  return n > 0 ? Math.max(3, Math.ceil(Math.log10(n)) + 1) : 3;
}
const round = (x: number | null | undefined, decimals: number): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(decimals));
/** A stored poison rate without float noise (0.1 + 0.2 style artefacts never reach a file). */
export const cleanRate = (rate: number) => Number(rate.toPrecision(12));

function dimensionValue(d: MatrixDimension, key: string, label: string): ExportValue {
  if (d === MatrixDimension.RATE) return Number.isFinite(Number(key)) ? cleanRate(Number(key)) : label;
  if (d === MatrixDimension.LABELS) return Number.isFinite(Number(key)) ? Number(key) : label;
  return label;
}

/** The matrix as flat rows, one per cell, values rounded to what the trials support. */
export function matrixTable(m: ExperimentMatrix): ExportTable {
  const dims = [...m.rows, ...m.columns];
  const columns = [...dims.map((d) => DIMENSION_COLUMN[d]), ...METRIC_COLUMNS];
  const rows = m.cells.map((c) => {
    const out: Record<string, ExportValue> = {};
    const keys = [...c.row, ...c.column];
    const labels = [...c.rowLabels, ...c.columnLabels];
    dims.forEach((d, i) => { out[DIMENSION_COLUMN[d]] = dimensionValue(d, keys[i], labels[i]); });
    const dec = rateDecimals(c.trials);
    Object.assign(out, {
      successes: c.successes, trials: c.trials, scheduled: c.scheduled,
      success_rate: round(c.successRate, dec), wilson_low: round(c.wilsonLow, dec), wilson_high: round(c.wilsonHigh, dec),
      clean_accuracy_mean: round(c.cleanAccuracyMean, 4),
      ...defenseValues(c),
      paper_successes: c.paper?.successes ?? null, paper_trials: c.paper?.trials ?? null,
      paper_success_rate: c.paper ? round(c.paper.rate, rateDecimals(c.paper.trials)) : null,
      paper_publication: c.paper?.publication ?? null, paper_table: c.paper?.table ?? null,
    });
    return out;
  });
  return { columns, rows };
}

function defenseValues(c: MatrixCell): Record<string, ExportValue> {
  const u = c.withoutDefense; const d = c.detection;
  const dec = rateDecimals(u?.trials ?? 0);
  return {
    undefended_successes: u?.successes ?? null, undefended_trials: u?.trials ?? null,
    undefended_success_rate: round(u?.successRate, dec), undefended_wilson_low: round(u?.wilsonLow, dec), undefended_wilson_high: round(u?.wilsonHigh, dec),
    undefended_clean_accuracy_mean: round(u?.cleanAccuracyMean, 4),
    defense_roc_auc_mean: round(d?.rocAucMean, 4), defense_tpr_at_5_fpr_mean: round(d?.tprAt5FprMean, 4),
    defense_poisons_removed: d?.poisonsRemoved ?? null, defense_poisons: d?.poisons ?? null, defense_poison_removal_rate: round(d?.poisonRemovalRate, 4),
    defense_clean_removed: d?.cleanRemoved ?? null, defense_clean: d?.clean ?? null, defense_clean_removal_rate: round(d?.cleanRemovalRate, 4),
  };
}

/** RFC 4180 CSV, one line per cell, formula cells neutralised (common/csv). */
export function matrixToCsv(m: ExperimentMatrix): string {
  const t = matrixTable(m);
  return toCsv(t.columns, t.rows.map((r) => t.columns.map((c) => r[c])));
}

/** JSON with the same columns as the CSV, plus the dimensions on rows and columns. */
export function matrixToJson(m: ExperimentMatrix, meta: Record<string, unknown> = {}): string {
  const t = matrixTable(m);
  return JSON.stringify({
    ...meta, rows: m.rows.map((d) => DIMENSION_COLUMN[d]), columns: m.columns.map((d) => DIMENSION_COLUMN[d]), fields: t.columns, cells: t.rows,
  }, null, 2) + '\n';
}

/** Escapes LaTeX specials in table text. */
export function latexEscape(text: string): string {
  return text.replace(/[\\&%$#_{}~^]/g, (c) => ({
    '\\': '\\textbackslash{}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_', '{': '\\{', '}': '\\}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
  })[c]!);
}

const pct = (x: number) => `${Number((x * 100).toFixed(1))}`;
function latexValue(d: MatrixDimension, key: string, label: string): string {
  if (d === MatrixDimension.RATE && Number.isFinite(Number(key))) return `${Number((Number(key) * 100).toPrecision(6))}\\%`;
  return latexEscape(label);
}
const cellText = (c: MatrixCell | undefined) => {
  if (!c || !c.trials) return c?.paper ? `-- (${c.paper.successes}/${c.paper.trials})` : '--';
  const ci = c.wilsonLow !== null && c.wilsonHigh !== null ? ` {\\scriptsize[${pct(c.wilsonLow)}, ${pct(c.wilsonHigh)}]}` : '';
  const u = c.withoutDefense;
  const without = u ? ` {\\scriptsize without defense ${u.trials ? `${u.successes}/${u.trials}` : '--'}}` : '';
  return `${c.successes}/${c.trials}${ci}${c.paper ? ` (${c.paper.successes}/${c.paper.trials})` : ''}${without}`;
};

/**
 * The matrix as a booktabs table, paper style: one leading column per row dimension and one header line per column
 * dimension, each named; k/n per cell with its Wilson 95% interval in percent, the paper's k/n in parentheses, and
 * for a defended cell the same trials' k/n without the defense; poison rates in percent.
 */
export function matrixToLatex(m: ExperimentMatrix, caption = ''): string {
  const rowDims = m.rows.length ? m.rows : null;
  const lead = rowDims ? rowDims.length : 1;
  const rowKeys = new Map<string, string[]>();
  const colKeys = new Map<string, string[]>();
  const byKey = new Map<string, MatrixCell>();
  for (const c of m.cells) {
    const rk = JSON.stringify(c.row); const ck = JSON.stringify(c.column);
    rowKeys.set(rk, m.rows.map((d, i) => latexValue(d, c.row[i], c.rowLabels[i])));
    colKeys.set(ck, m.columns.map((d, i) => latexValue(d, c.column[i], c.columnLabels[i])));
    byKey.set(`${rk}|${ck}`, c);
  }
  const cols = [...colKeys.entries()];
  if (cols.length === 0) cols.push(['[]', []]);
  const header: string[] = [];
  // One header line per column dimension: its name over the leading columns, its value over each data column.
  m.columns.forEach((d, level) => {
    header.push(`\\multicolumn{${lead}}{r}{${DIMENSION_TITLE[d]}} & ${cols.map(([, v]) => v[level]).join(' & ')} \\\\`);
  });
  const lastTitles = rowDims ? rowDims.map((d) => DIMENSION_TITLE[d]) : [''];
  header.push(`${lastTitles.join(' & ')} & ${cols.map(() => 'k/n [95\\% CI] (paper)').join(' & ')} \\\\`);
  const body = [...rowKeys.entries()].map(([rk, labels]) =>
    `${(rowDims ? labels : ['all']).join(' & ')} & ${cols.map(([ck]) => cellText(byKey.get(`${rk}|${ck}`))).join(' & ')} \\\\`);
  const lines = [
    '\\begin{table}[t]', '\\centering',
    `\\caption{${latexEscape(caption || 'Attack success')}: successes/trials, Wilson 95\\% interval in percent, the paper's k/n in parentheses; for defended cells, the same trials without the defense.}`,
    `\\begin{tabular}{${'l'.repeat(lead)}${'c'.repeat(cols.length)}}`, '\\toprule', ...header, '\\midrule', ...body,
    '\\bottomrule', '\\end{tabular}', '\\end{table}',
  ];
  return lines.join('\n') + '\n';
}
