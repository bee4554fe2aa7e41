import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runTrial } from '@frogpond/compute';
import { rocAuc } from '@frogpond/compute/defenses';
import { verifiedDetection } from './submission-settle';

// A real defended toy trial: its report's scores are in the trial's own order, where the poisons are the last rows.
test('a verified run reads its detection row from the defended trial\'s report, poisons counted as the last rows', async () => {
  const outcome = await runTrial({
    preset: 'toy', attack: { kind: 'interpolation' }, rate: 0.05, density: '1.5-x', overrides: { steps: 20 },
    defense: { kind: 'pixel-clustering' },
  }, { seed: 3 });
  const report = outcome.defense;
  assert.ok(report.scores && report.poisons, JSON.stringify(Object.keys(report)));
  const row = verifiedDetection(4, report);
  const n = report.scores!.length;
  assert.equal(row.replicate, 'test-04');
  assert.deepEqual([row.poisons, row.clean], [report.poisons, n - report.poisons!]);
  assert.deepEqual([row.removedPoisons, row.removedClean], [report.removedPoisons, report.cleanRemoved]);
  assert.equal(row.histogram.poisons.reduce((a, b) => a + b, 0), report.poisons);
  assert.equal(row.histogram.benign.reduce((a, b) => a + b, 0), n - report.poisons!);
  // The AUC of the stored scores against the last rows is the report's own (computed against the true poison rows).
  const last = Array.from({ length: report.poisons! }, (_, i) => n - report.poisons! + i);
  assert.ok(Math.abs(rocAuc(report.scores!, last)! - report.rocAuc!) < 0.01, `${rocAuc(report.scores!, last)} vs ${report.rocAuc}`);
  assert.equal(row.auc, report.rocAuc);
});

test('in detect mode nothing was removed before retraining', () => {
  const row = verifiedDetection(0, { mode: 'detect', removedPoisons: 7, cleanRemoved: 3, poisons: 10, clean: 90, rocAuc: 0.8, scores: Array.from({ length: 100 }, (_, i) => i / 100) });
  assert.deepEqual([row.removedPoisons, row.removedClean, row.auc], [0, 0, 0.8]);
});
