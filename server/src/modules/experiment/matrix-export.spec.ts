import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import * as bibtex from 'bibtex-parse';
import { DIMENSION_COLUMN, latexEscape, matrixTable, matrixToCsv, matrixToJson, matrixToLatex, METRIC_COLUMNS } from './matrix-export';
import { citationBibtex, experimentReference } from './citation';
import { ExperimentMatrix, MatrixDimension } from './matrix.types';
import { wilsonInterval } from '@frogpond/compute/stats';
import { csvField } from '@frogpond/compute/csv';

const D = MatrixDimension;
const cell = (row: string[], col: string[], k: number, n: number, paper?: [number, number], labels?: string[]) => {
  const w = wilsonInterval(k, n);
  return {
    row, column: col, rowLabels: labels ?? row, columnLabels: col, successes: k, trials: n, scheduled: 8,
    successRate: n ? k / n : null, wilsonLow: w?.low ?? null, wilsonHigh: w?.high ?? null, cleanAccuracyMean: n ? 0.8872500000000001 : null,
    withoutDefense: null, detection: null,
    paper: paper ? { successes: paper[0], trials: paper[1], rate: paper[0] / paper[1], publication: 'carlini2021', table: 't', rowKey: 'r', columnKey: 'c' } : null,
  };
};
// Rows: algorithm x density (a hostile density label), columns: dataset x poison rate (0.01 and 0.05 must stay apart).
const m: ExperimentMatrix = {
  rows: [D.ALGORITHM, D.DENSITY], columns: [D.DATASET, D.RATE],
  cells: [
    cell(['fixmatch', 'uniform'], ['cifar10', '0.01'], 7, 8, [4, 8]),
    cell(['fixmatch', 'uniform'], ['cifar10', '0.05'], 2, 9),
    cell(['mix_match', 'evil'], ['cifar10', '0.01'], 0, 0, undefined, ['mix_match', '=HYPERLINK("http://x")']),
    cell(['mix_match', 'evil'], ['cifar10', '0.05'], 1, 3, undefined, ['mix_match', '=HYPERLINK("http://x")']),
  ],
};

describe('matrix exports', () => {
  it('names every dimension and metric with distinct, stable columns', () => {
    const { columns } = matrixTable(m);
    assert.equal(new Set(columns).size, columns.length);
    assert.deepEqual(columns.slice(0, 4), ['algorithm', 'density', 'dataset', 'poison_rate']);
    assert.deepEqual(columns.slice(4), [...METRIC_COLUMNS]);
    const all = Object.values(DIMENSION_COLUMN);
    assert.equal(new Set([...all, ...METRIC_COLUMNS]).size, all.length + METRIC_COLUMNS.length);
  });

  it('round-trips the CSV through a CSV parser: the same matrix, rounded to what the trials support, no formula cell', () => {
    const csv = matrixToCsv(m);
    const records: string[][] = parse(csv);
    for (const rec of records) for (const c of rec) assert.ok(!/^[=+\-@]/.test(c), `formula cell ${c}`);
    const [header, ...rows] = records;
    assert.deepEqual(header, matrixTable(m).columns);
    const objs = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    assert.deepEqual(objs.map((o) => [o.algorithm, o.dataset, Number(o.poison_rate), Number(o.successes), Number(o.trials)]),
      m.cells.map((c) => [c.rowLabels[0], c.column[0], Number(c.column[1]), c.successes, c.trials]));
    assert.equal(objs[2].density, `'=HYPERLINK("http://x")`);
    assert.equal(objs[3].density, `'=HYPERLINK("http://x")`);
    assert.equal(objs[0].success_rate, '0.875');
    assert.equal(objs[0].clean_accuracy_mean, '0.8873');
    for (const [o, c] of objs.map((o, i) => [o, m.cells[i]] as const)) {
      if (!c.trials) { assert.equal(o.success_rate, ''); continue; }
      assert.ok(Math.abs(Number(o.wilson_low) - c.wilsonLow!) < 1e-3 && Math.abs(Number(o.wilson_high) - c.wilsonHigh!) < 1e-3);
    }
    assert.deepEqual([objs[0].paper_successes, objs[0].paper_trials, objs[0].paper_success_rate], ['4', '8', '0.5']);
  });

  it('writes JSON with the CSV columns', () => {
    const j = JSON.parse(matrixToJson(m, { experiment: 'x' }));
    assert.deepEqual(j.fields, matrixTable(m).columns);
    assert.deepEqual(j.rows, ['algorithm', 'density']);
    assert.deepEqual(j.columns, ['dataset', 'poison_rate']);
    assert.deepEqual(j.cells.map((c: any) => c.poison_rate), [0.01, 0.05, 0.01, 0.05]);
    assert.equal(j.cells[0].success_rate, 0.875);
  });

  it('renders booktabs LaTeX with a header per dimension, k/n, Wilson interval, paper value and rates in percent', () => {
    const tex = matrixToLatex(m, 'Table 1');
    const begins = [...tex.matchAll(/\\begin\{(\w+)\}/g)].map((x) => x[1]);
    const ends = [...tex.matchAll(/\\end\{(\w+)\}/g)].map((x) => x[1]);
    assert.deepEqual(ends, [...begins].reverse());
    for (const rule of ['\\toprule', '\\midrule', '\\bottomrule']) assert.ok(tex.includes(rule), rule);
    for (const title of ['Algorithm', 'Density', 'Dataset', 'Poison rate']) assert.ok(tex.includes(title), title);
    assert.match(tex, /& 1\\% & 5\\% \\\\/);
    assert.match(tex, /fixmatch & uniform & 7\/8 \{\\scriptsize\[52\.9, 97\.8\]\} \(4\/8\) & 2\/9/);
    assert.match(tex, /mix\\_match & =HYPERLINK\("http:\/\/x"\) & -- &/);
    // every line of the tabular has as many cells as the column spec
    const spec = /\\begin\{tabular\}\{(\w+)\}/.exec(tex)![1].length;
    const lines = tex.split('\n').filter((l) => l.endsWith('\\\\'));
    for (const l of lines) {
      const span = /\\multicolumn\{(\d+)\}/.exec(l);
      assert.equal(l.split(' & ').length + (span ? Number(span[1]) - 1 : 0), spec, l);
    }
    // braces balance
    const stripped = tex.replace(/\\[{}]/g, '');
    assert.equal((stripped.match(/\{/g) ?? []).length, (stripped.match(/\}/g) ?? []).length);
  });

  it('writes the defended cells with the same trials without the defense and the detection metrics; other cells empty', () => {
    const uw = wilsonInterval(6, 8)!;
    const defended: ExperimentMatrix = {
      rows: [D.DEFENSE], columns: [],
      cells: [
        { ...cell(['none'], [], 7, 8), withoutDefense: null, detection: null },
        {
          ...cell(['pixel-clustering v1'], [], 1, 8), cleanAccuracyMean: 0.80125,
          withoutDefense: { successes: 6, trials: 8, successRate: 0.75, wilsonLow: uw.low, wilsonHigh: uw.high, cleanAccuracyMean: 0.8237500000000001 },
          detection: { rocAucMean: 0.98765, tprAt5FprMean: 0.875, poisonsRemoved: 76, poisons: 80, poisonRemovalRate: 0.95, cleanRemoved: 12, clean: 1520, cleanRemovalRate: 12 / 1520 },
        },
      ],
    };
    const [header, none, pixel] = parse(matrixToCsv(defended)) as string[][];
    const o = (r: string[]) => Object.fromEntries(header.map((h, i) => [h, r[i]]));
    assert.deepEqual(header.slice(0, 1), ['defense']);
    assert.deepEqual([o(pixel).successes, o(pixel).trials, o(pixel).undefended_successes, o(pixel).undefended_trials, o(pixel).undefended_success_rate], ['1', '8', '6', '8', '0.75']);
    assert.deepEqual([o(pixel).undefended_wilson_low, o(pixel).undefended_wilson_high], [String(Number(uw.low.toFixed(3))), String(Number(uw.high.toFixed(3)))]);
    assert.deepEqual([o(pixel).clean_accuracy_mean, o(pixel).undefended_clean_accuracy_mean], ['0.8013', '0.8238']);
    assert.deepEqual([o(pixel).defense_roc_auc_mean, o(pixel).defense_tpr_at_5_fpr_mean, o(pixel).defense_poisons_removed, o(pixel).defense_poisons,
      o(pixel).defense_poison_removal_rate, o(pixel).defense_clean_removed, o(pixel).defense_clean, o(pixel).defense_clean_removal_rate],
    ['0.9877', '0.875', '76', '80', '0.95', '12', '1520', '0.0079']);
    // The undefended cell: every defense column empty (null in JSON), not zero.
    for (const c of header.filter((h) => h.startsWith('undefended_') || h.startsWith('defense_'))) assert.equal(o(none)[c], '', c);
    const j = JSON.parse(matrixToJson(defended));
    assert.equal(j.cells[0].undefended_trials, null);
    assert.equal(j.cells[1].undefended_successes, 6);
    assert.match(matrixToLatex(defended), /pixel-clustering v1 & 1\/8 \{\\scriptsize\[[\d.]+, [\d.]+\]\} \{\\scriptsize without defense 6\/8\} \\\\/);
  });

  it('escapes LaTeX specials', () => {
    assert.equal(latexEscape('a_b & 5% #1 {x}'), 'a\\_b \\& 5\\% \\#1 \\{x\\}');
  });

  it('writes BibTeX that a BibTeX parser reads: the experiment, the platform and the papers', () => {
    const papers = [{ slug: 'carlini2021', citation: 'c', bibtex: '@inproceedings{carlini2021poisoning,\n  title = {Poisoning the Unlabeled Dataset},\n  year = {2021}\n}' }];
    const e = { id: '0b5e8c1e-5d4f-4f6a-9d2b-1c3e5f7a9b0d', name: 'Table 1 {slice} 50% & more', organizationName: 'Lab_A', createdAt: new Date('2026-11-29T12:00:00Z') };
    const bib = citationBibtex('https://frogpond.example', e, papers);
    const entries = bibtex.entries(bib);
    assert.deepEqual(entries.map((x: any) => x.key), ['frogpond-0b5e8c1e5d4f', 'frogpond', 'carlini2021poisoning']);
    assert.equal(String(entries[0].YEAR), '2026');
    assert.match(entries[0].HOWPUBLISHED, /https:\/\/frogpond\.example\/experiments\/0b5e8c1e-5d4f-4f6a-9d2b-1c3e5f7a9b0d/);
    assert.match(experimentReference('https://frogpond.example', e), /^Lab_A \(2026\)\. Table 1 \{slice\} 50% & more\. frogpond experiment, 2026-11-29\. https:/);
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
