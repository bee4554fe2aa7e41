import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { trainSemiSupervised } from './train';
import { makeSslSplit } from '../data/ssl-split';
import { generateMoons } from '../data/toy.generator';
import { ALGORITHM_NAMES } from '../algorithms/algorithm.types';

test('toy FixMatch (moons, 10 labels, MLP) reaches >= 95% test accuracy', async () => {
  const r = await trainSemiSupervised({ preset: 'toy', algorithm: 'fixmatch' }, { seed: 1 });
  assert.ok(r.metrics.finalTestAccuracy >= 0.95, `accuracy ${r.metrics.finalTestAccuracy}`);
  assert.equal(r.metrics.evals.at(-1)?.step, r.config.steps);
  assert.ok(r.metrics.loss.length > 10 && r.metrics.maskRate.length > 10);
  assert.ok(['wasm', 'tensorflow', 'tensorflow-gpu', 'cpu'].includes(r.backend));
  r.model.dispose();
});

test('every algorithm trains on toy data with finite losses and beats chance', async () => {
  for (const algorithm of ALGORITHM_NAMES) {
    const r = await trainSemiSupervised({ preset: 'toy', algorithm, steps: 300, evalEvery: 300 }, { seed: 2 });
    assert.ok(r.metrics.loss.every((l) => Number.isFinite(l.total)), algorithm);
    assert.ok(r.metrics.finalTestAccuracy > 0.7, `${algorithm}: ${r.metrics.finalTestAccuracy}`);
    r.model.dispose();
  }
});

test('same seed gives the same final accuracy and weights; tensors stay flat across steps', async () => {
  const counts: number[] = [];
  const run = () => trainSemiSupervised({ preset: 'toy', algorithm: 'mixmatch', steps: 60, evalEvery: 20 }, {
    seed: 5,
    onProgress: (p) => {
      if (p.phase === 'train') counts.push(tf.memory().numTensors);
    },
  });
  const before = tf.memory().numTensors;
  const a = await run();
  const flat = counts.slice(5);
  assert.ok(flat.every((c) => c === flat[0]), `numTensors per step: ${[...new Set(counts)]}`);
  const b = await run();
  assert.equal(a.metrics.finalTestAccuracy, b.metrics.finalTestAccuracy);
  assert.deepEqual(a.model.emaWeights[0].dataSync(), b.model.emaWeights[0].dataSync());
  assert.deepEqual(a.metrics.loss, b.metrics.loss);
  a.model.dispose();
  b.model.dispose();
  assert.equal(tf.memory().numTensors, before, 'disposing the model releases everything');
});

test('cancellation stops the run within one step with an AbortError, leaking nothing', async () => {
  const before = tf.memory().numTensors;
  const ac = new AbortController();
  let lastStep = 0;
  await assert.rejects(
    trainSemiSupervised({ preset: 'toy', algorithm: 'fixmatch', steps: 1000 }, {
      seed: 1,
      signal: ac.signal,
      onProgress: (p) => {
        lastStep = p.step;
        if (p.step === 7) ac.abort();
      },
    }),
    (e: Error) => e.name === 'AbortError',
  );
  assert.equal(lastStep, 7, 'no step ran after the abort');
  assert.equal(tf.memory().numTensors, before);
  // A timer-driven abort is honoured too (the loop yields to the event loop every step).
  const ac2 = new AbortController();
  setTimeout(() => ac2.abort(), 50);
  await assert.rejects(trainSemiSupervised({ preset: 'toy', steps: 100000 }, { seed: 1, signal: ac2.signal }), { name: 'AbortError' });
});

test('pre-split data, filter and observer hooks', async () => {
  const data = makeSslSplit(generateMoons({ nTrain: 500, nTest: 200, seed: 3 }), { labels: 10, seed: 3 });
  const seen: { step: number; epoch: number; n: number }[] = [];
  const r = await trainSemiSupervised({ preset: 'toy', algorithm: 'fixmatch', steps: 40, evalEvery: 20 }, {
    seed: 3,
    data,
    filter: (d) => [0, 1, 2, d.unlabeled.n - 1],
    observer: {
      indices: [0, 5, 9],
      onEval: (e) => {
        seen.push({ step: e.step, epoch: e.epoch, n: e.probs.length });
        for (let i = 0; i < 3; i++) assert.ok(Math.abs(e.probs[2 * i] + e.probs[2 * i + 1] - 1) < 1e-4);
      },
    },
  });
  assert.deepEqual(r.data.dropped, [0, 1, 2, data.unlabeled.n - 1]);
  assert.equal(r.data.unlabeled, data.unlabeled.n - 4);
  assert.deepEqual(seen.map((s) => s.step), [20, 40]);
  assert.ok(seen.every((s) => s.n === 6));
  assert.ok(seen[1].epoch > seen[0].epoch);
  assert.equal(r.metrics.evals.length, 2);
  r.model.dispose();
});
