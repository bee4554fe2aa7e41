import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainSemiSupervised } from './train';

// Full mini-preset runs (minutes each): the acceptance comparison on MNIST with 40 labels.
test('mini MNIST-40: FixMatch beats the supervised baseline (same labels, same steps) by >= 10 points', async () => {
  const sup = await trainSemiSupervised({ preset: 'mini', dataset: 'mnist', labels: 40, algorithm: 'supervised' }, { seed: 1 });
  const fix = await trainSemiSupervised({ preset: 'mini', dataset: 'mnist', labels: 40, algorithm: 'fixmatch' }, { seed: 1 });
  const [a, b] = [sup.metrics.finalTestAccuracy, fix.metrics.finalTestAccuracy];
  sup.model.dispose();
  fix.model.dispose();
  assert.ok(b - a >= 0.1, `fixmatch ${b} vs supervised ${a}`);
});
