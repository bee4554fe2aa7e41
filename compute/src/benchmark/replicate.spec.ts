import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeBenchmarkReplicate, toCanonicalIndices } from './replicate';
import { runTrial } from '../trial/run-trial';
import { TrialConfig } from '../trial/trial.types';

const config: TrialConfig = {
  preset: 'toy', dataset: 'moons', labels: 4, algorithm: 'fixmatch', rate: 0.1, density: '1.5-x',
  attack: { kind: 'interpolation', params: { source: 'nearest' } }, overrides: { steps: 20 },
};

test('a replicate holds the same split, target, source and poisons that runTrial uses for the seed', async () => {
  const rep = makeBenchmarkReplicate(config, { seed: 3, orderSeed: 11, withholdTarget: false });
  const outcome = await runTrial(config, { seed: 3 });
  assert.equal(rep.truth.targetIndex, outcome.targetIndex);
  assert.equal(rep.truth.targetLabel, outcome.targetLabel);
  assert.equal(rep.truth.sourceIndex, outcome.sourceIndex);
  assert.equal(rep.truth.poisonIndices.length, outcome.poisonCount);
  const clean = rep.unlabeled.n - outcome.poisonCount;
  // Canonical order: clean examples first, poisons appended (as runTrial appends them).
  assert.deepEqual(toCanonicalIndices(rep.truth.poisonIndices, rep.truth.canonicalIndex), Array.from({ length: outcome.poisonCount }, (_, i) => clean + i));
});

test('replicates are deterministic; the order seed shuffles only the order; the target can be withheld', () => {
  const a = makeBenchmarkReplicate(config, { seed: 5, orderSeed: 1, withholdTarget: false });
  const b = makeBenchmarkReplicate(config, { seed: 5, orderSeed: 1, withholdTarget: false });
  const c = makeBenchmarkReplicate(config, { seed: 5, orderSeed: 2, withholdTarget: true });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.truth.poisonIndices, c.truth.poisonIndices);
  const d = 2;
  const rows = (x: Uint8Array) => Array.from({ length: x.length / d }, (_, i) => `${x[i * d]},${x[i * d + 1]}`).sort();
  assert.deepEqual(rows(a.unlabeled.x), rows(c.unlabeled.x), 'same examples, other order');
  assert.equal(c.test.n, a.test.n - 1);
  assert.deepEqual(Array.from(a.labeled.y), Array.from(c.labeled.y));
  assert.throws(() => toCanonicalIndices([a.unlabeled.n], a.truth.canonicalIndex), RangeError);
  assert.throws(() => makeBenchmarkReplicate({ ...config, attack: { kind: 'feature-collision' } }, { seed: 1, orderSeed: 1, withholdTarget: true }), /interpolation/);
});
