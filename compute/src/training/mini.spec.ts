import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainSemiSupervised } from './train';

test('a tiny real mini run (MNIST, FixMatch, small CNN) rises well above chance', async () => {
  const r = await trainSemiSupervised(
    { preset: 'mini', dataset: 'mnist', algorithm: 'fixmatch', labels: 100, steps: 100, mu: 2, maxUnlabeled: 1000, maxTest: 500, evalEvery: 50 },
    { seed: 1 },
  );
  const [first, last] = [r.metrics.evals[0], r.metrics.evals.at(-1)!];
  assert.equal(last.step, 100);
  // Chance is 10 %; 100 steps with 100 labels land far above it.
  assert.ok(last.testAccuracy >= 0.5, `accuracy ${last.testAccuracy}`);
  assert.ok(last.testAccuracy >= first.testAccuracy - 0.05, 'no collapse between evaluations');
  assert.equal(r.data.test, 500);
  assert.equal(r.data.unlabeled, 1000);
  r.model.dispose();
});
