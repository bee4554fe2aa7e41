import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, latexEscape, matrixToCsv, matrixToLatex } from './matrix-export';
import { ExperimentMatrix, MatrixDimension } from './matrix.types';

const cell = (row: string, col: string, k: number, n: number, paper?: [number, number]) => ({
  row: [row], column: [col], rowLabels: [row], columnLabels: [col], successes: k, trials: n, scheduled: 8,
  successRate: n ? k / n : null, wilsonLow: null, wilsonHigh: null, cleanAccuracyMean: null,
  paper: paper ? { successes: paper[0], trials: paper[1], rate: paper[0] / paper[1], publication: 'carlini2021', table: 't', rowKey: 'r', columnKey: 'c' } : null,
});
const m: ExperimentMatrix = {
  rows: [MatrixDimension.ALGORITHM], columns: [MatrixDimension.RATE],
  cells: [cell('fixmatch', '0.001', 7, 8, [7, 8]), cell('fixmatch', '0.005', 8, 8), cell('mix_match', '0.001', 0, 0)],
};

describe('matrix export', () => {
  it('renders a booktabs table with k/n and the paper value, missing cells as --', () => {
    const tex = matrixToLatex(m, '50% of 8');
    assert.match(tex, /\\caption\{50\\% of 8\}/);
    assert.match(tex, /\\begin\{tabular\}\{lcc\}\n\\toprule\nalgorithm & 0.001 & 0.005 \\\\\n\\midrule/);
    assert.match(tex, /fixmatch & 7\/8 \(7\/8\) & 8\/8 \\\\/);
    assert.match(tex, /mix\\_match & -- & -- \\\\/);
    assert.match(tex, /\\bottomrule\n\\end\{tabular\}/);
  });
  it('escapes LaTeX specials', () => {
    assert.equal(latexEscape('a_b & 5% #1 {x}'), 'a\\_b \\& 5\\% \\#1 \\{x\\}');
  });
  it('writes one CSV line per cell', () => {
    const csv = matrixToCsv(m).split('\r\n');
    assert.equal(csv[0], 'ALGORITHM,RATE,successes,trials,scheduled,success_rate,wilson_low,wilson_high,clean_accuracy_mean,paper_successes,paper_trials');
    assert.equal(csv[1], 'fixmatch,0.001,7,8,8,0.875,,,,7,8');
    assert.equal(csv.length, 5);
  });
  it('never writes a cell a spreadsheet would run as a formula', () => {
    for (const payload of ['=1+1', '+1', '-1+1', '@SUM(A1)', '=HYPERLINK("http://evil.example")', '\t=1', '\r=1', '=cmd|\' /C calc\'!A0']) {
      const out = csvField(payload);
      assert.ok(!/^"?[=+\-@\t\r]/.test(out), `${JSON.stringify(payload)} -> ${out}`);
    }
    assert.equal(csvField(-0.5), '-0.5', 'numbers stay numbers');
    assert.equal(csvField('a,b'), '"a,b"');
  });
});
