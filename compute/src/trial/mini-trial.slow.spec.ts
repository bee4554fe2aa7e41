import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { runTrial } from './run-trial';

// One real mini-scale trial with the reproduction's schedule (MNIST, 2,000 unlabeled, MLP, 2,000 FixMatch steps):
// about a minute on 2 idle cores. Checks the pipeline end to end, not the attack's success rate (see docs/reproduction.md).
test('mini interpolation trial: poisons appended, propagation observed, poison strip written', async () => {
  const overrides = { maxUnlabeled: 2000, maxTest: 500, mu: 2, steps: 2000, model: { kind: 'mlp' as const, hidden: [256, 128] } };
  const o = await runTrial({ preset: 'mini', dataset: 'mnist', labels: 40, algorithm: 'fixmatch', rate: 0.01, density: '1.5-x', attack: { kind: 'interpolation' }, overrides }, { seed: 0 });
  assert.equal(o.poisonCount, 20);
  assert.ok(o.cleanAccuracy > 0.6, `clean accuracy ${o.cleanAccuracy}`);
  assert.ok(o.propagation.epochs.length >= 10, `${o.propagation.epochs.length} evaluation points`);
  // The path starts at a labeled example of class y*: it is pseudo-labeled y* from the first evaluation on.
  assert.equal(o.propagation.firstEpochAtTarget[0], o.propagation.epochs[0].epoch);
  const strip = o.artifacts.find((a) => a.kind === 'poison-path');
  assert.ok(strip);
  const png = PNG.sync.read(Buffer.from(strip.bytes));
  assert.equal(png.height, 28 * 3);
  assert.equal(png.width, 12 * 28 * 3 + 11 * 2);
});
