import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reproMarkdown } from './repro-report';
import { buildReport, reproTables, REPORT_SEED_BASE, ReproReport } from './repro';
import { seedRanges } from './repro-report-sections';
import { configHash } from '../trial/config-hash';
import type { TrialSummary } from '../trial/matrix';
import type { TrialConfig } from '../trial/trial.types';

const trial = (seed: number, success: boolean, extra: Partial<ReproReport['tables'][number]['trials'][number]>) => ({
  seed, success, targetIndex: 10 + seed, sourceIndex: 1, targetClass: 1, targetLabel: 6, targetPrediction: success ? 6 : 1, targetConfidence: 0.9,
  cleanAccuracy: 0.8, poisonCount: 1, poisonShareAtTarget: 1, configHash: 'h', attackMetrics: {}, seconds: 12, row: 'r', column: 'c', ...extra,
});

const cell = (k: number, n: number, acc: number, seconds: number) => ({ successes: k, trials: n, cell: `${k}/${n}`, wilson95: null, seeds: '0-1', meanCleanAccuracy: acc, meanSeconds: seconds });

function report(): ReproReport {
  return {
    generatedAt: '2026-11-25T18:00:00.000Z', startedAt: '2026-11-25T17:00:00.000Z', complete: true, mode: 'full, parts a,d', trialsRequested: 2,
    seedBase: 0, backend: 'wasm', wallSeconds: 600, workers: 2, keptTrials: 3, overrides: { steps: 3000, maxUnlabeled: 500, model: { kind: 'mlp', hidden: [256, 128] } }, frogsOverrides: {},
    tables: [
      {
        id: 'a', title: '(a) rates', rowLabel: 'Algorithm', columns: ['5%', '20%'], rows: ['FixMatch'],
        cells: { FixMatch: { '5%': cell(0, 2, 0.8, 90), '20%': cell(1, 2, 0.75, 95) } },
        paper: { source: 'paper.json', columns: ['CIFAR-10@0.1%'], rows: { FixMatch: ['7/8'] } }, notes: ['a note'], configs: {},
        trials: [
          trial(0, false, { row: 'FixMatch', column: '5%', poisonCount: 25, poisonShareAtTarget: 0.5 }), trial(1, false, { row: 'FixMatch', column: '5%', poisonCount: 25, poisonShareAtTarget: 0.7 }),
          trial(0, true, { row: 'FixMatch', column: '20%', poisonCount: 100 }), trial(1, false, { row: 'FixMatch', column: '20%', poisonCount: 100, poisonShareAtTarget: 0.6 }),
        ],
      },
      {
        id: 'd', title: '(d) Poison Frogs', rowLabel: 'Attack', columns: ['1 poison'], rows: ['feature collision'],
        cells: { 'feature collision': { '1 poison': cell(1, 2, 0.97, 10) } },
        paper: { source: 'shafahi', text: '100%' }, notes: [], configs: {},
        trials: [
          trial(0, true, { row: 'feature collision', column: '1 poison', attackMetrics: { featureDistanceEnd: 0.105, targetNearestOwnClassDistance: 1.51 } }),
          // A report written before the own-class distance was recorded: the cell reads '-'.
          trial(1, false, { row: 'feature collision', column: '1 poison', attackMetrics: { featureDistanceEnd: 0.5164 } }),
        ],
      },
    ],
  };
}

test('the report shows each measured table, the poison share, the paper beside it, and the collision geometry', () => {
  const md = reproMarkdown(report());
  assert.match(md, /\| FixMatch \| 0\/2 \(0-65\.8 %\) \| 1\/2 \(9\.5-90\.5 %\) \|/, 'every rate with its n and Wilson 95 % interval');
  assert.match(md, /\| FixMatch \| 60% \| 80% \|/, 'mean poison share per cell');
  assert.match(md, /\| FixMatch \| 7\/8 \|/, 'the paper row beside ours');
  assert.match(md, /\| 0 \| 1 -> 6 \| 0\.105 \| 1\.510 \| YES \|/);
  assert.match(md, /\| 1 \| 1 -> 6 \| 0\.516 \| - \| no \|/);
  assert.match(md, /kept 3 trial\(s\) of earlier runs/);
  assert.match(md, /2 trial\(s\) ran at a time/);
  assert.match(md, /3,000 steps \(about 192 passes over 500 unlabeled MNIST digits\) of an MLP 256-128/);
  assert.match(md, /Paper \(shafahi\): 100%\./);
  // Interpolation trials carry no feature distances: only table (d) gets a geometry table.
  assert.equal(md.match(/Collision geometry/g)?.length, 1);
});

test('report seeds and development seeds are counted apart, and defense cells show both outcomes with intervals', () => {
  const tables = reproTables(null, { steps: 10 }, {});
  const a = tables.find((t) => t.id === 'a')!;
  const f = tables.find((t) => t.id === 'f')!;
  const top = a.cells[2];
  const influence = f.cells.find((c) => c.row === 'training-dynamics influence')!;
  const results = new Map<string, TrialSummary>();
  const base = trial(0, false, {});
  const add = (config: TrialConfig, seed: number, success: boolean, extra: Partial<TrialSummary> = {}) => {
    const { row: _r, column: _c, ...s } = { ...base, seed, success, ...extra };
    results.set(`${configHash(config)}:${seed}`, s);
  };
  // Development seeds succeed, report seeds mostly fail: the report cell must count only the latter.
  for (const seed of [0, 1, 2]) add(top.config, seed, true);
  for (const seed of [1000, 1001, 1002, 1003]) add(top.config, seed, seed === 1000);
  const defense = (removed: number, before: boolean) => ({ kind: 'training-dynamics-influence', rocAuc: 0.9, tprAt1Fpr: 0.1, tprAt5Fpr: 0.5, removedPoisons: removed, poisons: 100, cleanRemoved: 10, clean: 500, undefendedSuccess: before, undefendedCleanAccuracy: 0.8, extraSeconds: 100 });
  add(influence.config, 1000, false, { defense: defense(90, true), cleanAccuracy: 0.79 });
  add(influence.config, 1001, true, { defense: defense(30, true), cleanAccuracy: 0.77 });
  const rep = buildReport(tables.filter((t) => t.id === 'a' || t.id === 'f'), results, {
    started: new Date(0), seconds: 1, backend: 'cpu', done: true, kept: 0,
    opts: { trials: 4, seedBase: REPORT_SEED_BASE, parts: ['a', 'f'], jsonPath: '', mdPath: '', paperPath: '', mode: 'test', overrides: {}, frogsOverrides: {} },
  });
  const ta = rep.tables.find((t) => t.id === 'a')!;
  assert.equal(ta.cells.FixMatch['20%'].cell, '1/4');
  assert.equal(ta.cells.FixMatch['20%'].seeds, '1000-1003');
  assert.equal(ta.developmentCells!.FixMatch['20%'].cell, '3/3');
  assert.equal(ta.developmentCells!.FixMatch['20%'].seeds, '0-2');
  const md = reproMarkdown(rep);
  assert.match(md, /Measured on the report seeds, successes\/trials \(Wilson 95 % interval\); seeds 1000-1003:/);
  assert.match(md, /\| FixMatch \| - \| - \| 1\/4 \(4\.6-69\.9 %\) \|/);
  assert.match(md, /development seeds \(configurations were chosen on these; not report results\), successes\/trials \(Wilson 95 % interval\); seeds 0-2:/);
  assert.match(md, /\| training-dynamics influence \| interpolation 20% \| 1000-1001 \| 0\.900 \| 0\.100 \/ 0\.500 \| 120\/200 \(53\.1-66\.5 %\) \| 20\/1000 \(1\.3-3\.1 %\) \| 2\/2 \(34\.2-100 %\) -> 1\/2 \(9\.5-90\.5 %\) \| 80\.0 % -> 78\.0 % \(-2\.0 points\) \| 100 of 12 \|/);
  assert.equal(seedRanges([5, 0, 1, 2, 7, 8]), '0-2, 5, 7-8');
  // A table measured on the development seeds only still shows its rows there.
  const devOnly = { ...rep, tables: [{ ...ta, cells: {}, trials: ta.trials.filter((x) => x.seed < REPORT_SEED_BASE) }] };
  const md2 = reproMarkdown(devOnly);
  assert.match(md2, /No trials on the report seeds yet\./);
  assert.match(md2, /\| FixMatch \| - \| - \| 3\/3 \(43\.9-100 %\) \|/);
});
