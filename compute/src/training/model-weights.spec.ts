import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend';
import { generateMoons } from '../data/toy.generator';
import { decodeWeights, encodeWeights, exportWeights, restoreTrainedModel } from './model-weights';
import { trainSemiSupervised } from './train';

before(async () => {
  await selectBackend();
});

const probe = (): Float32Array => Float32Array.from(generateMoons({ nTrain: 64, nTest: 1, seed: 77 }).train.x as ArrayLike<number>);
const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

test('warm start: one step at a negligible learning rate reproduces the pre-trained model; a cold start does not', async () => {
  const pre = await trainSemiSupervised({ preset: 'toy', algorithm: 'supervised', steps: 300, evalEvery: 300 }, { seed: 3 });
  const x = probe();
  const want = pre.model.predict(x, 64);
  const tiny = { preset: 'toy' as const, algorithm: 'supervised' as const, steps: 1, lr: 1e-9, evalEvery: 1 };
  // Same seed, hence the same data and the same random initialisation, which the warm start must override.
  const warm = await trainSemiSupervised(tiny, { seed: 3, initialWeights: exportWeights(pre.model) });
  const cold = await trainSemiSupervised(tiny, { seed: 3 });
  assert.ok(maxAbsDiff(warm.model.predict(x, 64), want) < 1e-4, `warm start differs by ${maxAbsDiff(warm.model.predict(x, 64), want)}`);
  assert.ok(maxAbsDiff(cold.model.predict(x, 64), want) > 0.1, 'the probe cannot tell the pre-trained model from a fresh one');
  assert.equal(warm.metrics.finalTestAccuracy, pre.metrics.finalTestAccuracy);
  // A real warm start keeps training from there: the pre-trained accuracy is not lost in a few steps.
  const more = await trainSemiSupervised({ ...tiny, steps: 50, lr: 0.01, evalEvery: 50 }, { seed: 3, initialWeights: exportWeights(pre.model) });
  assert.ok(more.metrics.finalTestAccuracy >= pre.metrics.finalTestAccuracy - 0.05, `${more.metrics.finalTestAccuracy} vs ${pre.metrics.finalTestAccuracy}`);
  [pre, warm, cold, more].forEach((r) => r.model.dispose());
});

test('warm start refuses weights of another architecture', async () => {
  const pre = await trainSemiSupervised({ preset: 'toy', algorithm: 'supervised', steps: 5, evalEvery: 5 }, { seed: 1 });
  const before = tf.memory().numTensors;
  await assert.rejects(
    trainSemiSupervised({ preset: 'toy', algorithm: 'supervised', steps: 5, model: { kind: 'mlp', hidden: [32] } }, { seed: 1, initialWeights: exportWeights(pre.model) }),
    (e: Error & { code?: string }) => e.code === 'BAD_USER_INPUT' && /warm start/.test(e.message),
  );
  assert.equal(tf.memory().numTensors, before, 'the refused model is disposed');
  pre.model.dispose();
});

test('weights survive encode/decode bit for bit; a restored model predicts like the original', async () => {
  const pre = await trainSemiSupervised({ preset: 'toy', algorithm: 'supervised', steps: 100, evalEvery: 100 }, { seed: 2 });
  const w = exportWeights(pre.model);
  const bytes = encodeWeights(w);
  const back = decodeWeights(bytes);
  assert.deepEqual(back.variables.map((t) => t.shape), w.variables.map((t) => t.shape));
  back.variables.forEach((t, i) => assert.deepEqual(t.values, w.variables[i].values));
  const restored = restoreTrainedModel({ preset: 'toy' }, pre.model.inputShape, pre.model.numClasses, back);
  const x = probe();
  assert.deepEqual(restored.predict(x, 64), pre.model.predict(x, 64));
  assert.throws(() => decodeWeights(bytes.subarray(0, bytes.length - 3)), /truncated|trailing/);
  assert.throws(() => decodeWeights(Buffer.from('not weights at all')), /not a frogpond weights file/);
  restored.dispose();
  pre.model.dispose();
});
