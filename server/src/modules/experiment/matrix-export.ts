import { ExperimentMatrix, MatrixCell } from './matrix.types';
import { csvField, csvRows } from '@frogpond/compute/csv';

export { csvField };

/** Escapes LaTeX specials in table text. */
export function latexEscape(text: string): string {
  return text.replace(/[\\&%$#_{}~^]/g, (c) => ({
    '\\': '\\textbackslash{}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_', '{': '\\{', '}': '\\}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
  })[c]!);
}

const cellText = (c: MatrixCell | undefined, withPaper: boolean) => {
  if (!c) return '--';
  const own = c.trials ? `${c.successes}/${c.trials}` : '--';
  return withPaper && c.paper ? `${own} (${c.paper.successes}/${c.paper.trials})` : own;
};

/** Row and column headers in cell order (cells come sorted by row, then column). */
function axes(m: ExperimentMatrix) {
  const rows = new Map<string, string>();
  const cols = new Map<string, string>();
  for (const c of m.cells) {
    rows.set(JSON.stringify(c.row), c.rowLabels.join(' / ') || 'all');
    cols.set(JSON.stringify(c.column), c.columnLabels.join(' / ') || 'all');
  }
  const byKey = new Map(m.cells.map((c) => [JSON.stringify([c.row, c.column]), c]));
  return { rows, cols, at: (r: string, c: string) => byKey.get(`[${r},${c}]`) };
}

/**
 * The matrix as a booktabs LaTeX table, paper style: k/n per cell, the paper's k/n in parentheses when reported.
 */
export function matrixToLatex(m: ExperimentMatrix, caption = ''): string {
  const { rows, cols, at } = axes(m);
  const head = [m.rows.join(' / ').toLowerCase() || '', ...[...cols.values()]].map(latexEscape);
  const lines = [
    '\\begin{table}[t]', '\\centering',
    ...(caption ? [`\\caption{${latexEscape(caption)}}`] : []),
    `\\begin{tabular}{l${'c'.repeat(cols.size)}}`, '\\toprule', `${head.join(' & ')} \\\\`, '\\midrule',
    ...[...rows].map(([rk, rl]) => `${[latexEscape(rl), ...[...cols.keys()].map((ck) => cellText(at(rk, ck), true))].join(' & ')} \\\\`),
    '\\bottomrule', '\\end{tabular}', '\\end{table}',
  ];
  return lines.join('\n') + '\n';
}

/** RFC 4180 CSV, one line per cell. */
export function matrixToCsv(m: ExperimentMatrix): string {
  const header = [...m.rows, ...m.columns, 'successes', 'trials', 'scheduled', 'success_rate', 'wilson_low', 'wilson_high', 'clean_accuracy_mean', 'paper_successes', 'paper_trials'];
  const lines = m.cells.map((c) => [...c.rowLabels, ...c.columnLabels, c.successes, c.trials, c.scheduled, c.successRate, c.wilsonLow, c.wilsonHigh,
    c.cleanAccuracyMean, c.paper?.successes, c.paper?.trials]);
  return csvRows([header, ...lines]);
}
