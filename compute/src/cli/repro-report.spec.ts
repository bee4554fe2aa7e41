import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reproMarkdown } from './repro-report';
import type { ReproReport } from './repro';

const trial = (seed: number, success: boolean, extra: Partial<ReproReport['tables'][number]['trials'][number]>) => ({
  seed, success, targetIndex: 10 + seed, sourceIndex: 1, targetClass: 1, targetLabel: 6, targetPrediction: success ? 6 : 1, targetConfidence: 0.9,
  cleanAccuracy: 0.8, poisonCount: 1, poisonShareAtTarget: 1, configHash: 'h', attackMetrics: {}, seconds: 12, row: 'r', column: 'c', ...extra,
});

function report(): ReproReport {
  return {
    generatedAt: '2026-11-25T18:00:00.000Z', startedAt: '2026-11-25T17:00:00.000Z', complete: true, mode: 'full, parts a,d', trialsRequested: 2,
    seedBase: 0, backend: 'wasm', wallSeconds: 600, workers: 2, keptTrials: 3, overrides: { steps: 3000, maxUnlabeled: 500, model: { kind: 'mlp', hidden: [256, 128] } }, frogsOverrides: {},
    tables: [
      {
        id: 'a', title: '(a) rates', rowLabel: 'Algorithm', columns: ['5%', '20%'], rows: ['FixMatch'],
        cells: { FixMatch: { '5%': { successes: 0, trials: 2, cell: '0/2', meanCleanAccuracy: 0.8, meanSeconds: 90 }, '20%': { successes: 1, trials: 2, cell: '1/2', meanCleanAccuracy: 0.75, meanSeconds: 95 } } },
        paper: { source: 'paper.json', columns: ['CIFAR-10@0.1%'], rows: { FixMatch: ['7/8'] } }, notes: ['a note'], configs: {},
        trials: [
          trial(0, false, { row: 'FixMatch', column: '5%', poisonCount: 25, poisonShareAtTarget: 0.5 }), trial(1, false, { row: 'FixMatch', column: '5%', poisonCount: 25, poisonShareAtTarget: 0.7 }),
          trial(0, true, { row: 'FixMatch', column: '20%', poisonCount: 100 }), trial(1, false, { row: 'FixMatch', column: '20%', poisonCount: 100, poisonShareAtTarget: 0.6 }),
        ],
      },
      {
        id: 'd', title: '(d) Poison Frogs', rowLabel: 'Attack', columns: ['1 poison'], rows: ['feature collision'],
        cells: { 'feature collision': { '1 poison': { successes: 1, trials: 2, cell: '1/2', meanCleanAccuracy: 0.97, meanSeconds: 10 } } },
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
  assert.match(md, /\| FixMatch \| 0\/2 \| 1\/2 \|/);
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
