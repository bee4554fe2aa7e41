import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend';
import { createRng } from '../data/prng';
import { craftFeatureCollision, watermark } from './feature-collision.attack';

before(async () => {
  await selectBackend('cpu');
});

test('watermark blends gamma*t + (1-gamma)*b', () => {
  const b = Float32Array.from([0, 1, 0.5, 0.2]);
  const t = Float32Array.from([1, 0, 0.5, 0.6]);
  const w = watermark(b, t, 0.3);
  [0.3, 0.7, 0.5, 0.32].forEach((v, i) => assert.ok(Math.abs(w[i] - v) < 1e-6));
  assert.deepEqual(watermark(b, t, 0), b);
  assert.throws(() => watermark(b, t, 1.5), RangeError);
});

test('feature collision decreases the feature distance and stays close to the base', () => {
  // A fixed random 2-layer network as the feature extractor: 8x8x1 input, 16 features.
  const rng = createRng(3, 'fc-test');
  const d = 64;
  const w1 = tf.tensor2d(Float32Array.from({ length: d * 32 }, () => rng.normal() / 8), [d, 32]);
  const w2 = tf.tensor2d(Float32Array.from({ length: 32 * 16 }, () => rng.normal() / 5), [32, 16]);
  const f = (x: tf.Tensor): tf.Tensor => tf.tanh(tf.relu(x.reshape([-1, d]).matMul(w1)).matMul(w2));
  const base = Float32Array.from({ length: d }, () => rng.next());
  const target = Float32Array.from({ length: d }, () => rng.next());
  let baseToTarget = 0;
  for (let i = 0; i < d; i++) baseToTarget += (base[i] - target[i]) ** 2;
  const r = craftFeatureCollision(f, base, target, [8, 8, 1], { beta0: 0.25, learningRate: 0.5, iterations: 200 });
  assert.ok(r.featureDistanceEnd < 0.2 * r.featureDistanceStart, `feature distance ${r.featureDistanceStart} -> ${r.featureDistanceEnd}`);
  assert.ok(r.inputDistanceToBase < Math.sqrt(baseToTarget), `poison is ${r.inputDistanceToBase} from the base, target is ${Math.sqrt(baseToTarget)}`);
  for (const v of r.poison) assert.ok(v >= 0 && v <= 1);
  // beta scaled by feature and input dimensions as in the paper: beta0 * 16^2 / 64^2.
  assert.ok(Math.abs(r.beta - 0.25 * 256 / 4096) < 1e-9);
  tf.dispose([w1, w2]);
});

test('the proximal step pulls towards the base: a larger beta0 keeps the poison closer', () => {
  const rng = createRng(5, 'fc-test-2');
  const d = 64;
  const w1 = tf.tensor2d(Float32Array.from({ length: d * 16 }, () => rng.normal() / 8), [d, 16]);
  const f = (x: tf.Tensor): tf.Tensor => tf.tanh(x.reshape([-1, d]).matMul(w1));
  const base = Float32Array.from({ length: d }, () => rng.next());
  const target = Float32Array.from({ length: d }, () => rng.next());
  const loose = craftFeatureCollision(f, base, target, [8, 8, 1], { beta0: 0.01, learningRate: 0.5, iterations: 100 });
  const tight = craftFeatureCollision(f, base, target, [8, 8, 1], { beta0: 2000, learningRate: 0.5, iterations: 100 });
  assert.ok(tight.inputDistanceToBase < loose.inputDistanceToBase, `${tight.inputDistanceToBase} vs ${loose.inputDistanceToBase}`);
  tf.dispose(w1);
});

test("stepRule 'fixed' always steps and returns the best iterate: never worse than the base, even when lambda is too large", () => {
  const rng = createRng(7, 'fc-test-3');
  const d = 64;
  const w1 = tf.tensor2d(Float32Array.from({ length: d * 32 }, () => rng.normal() / 8), [d, 32]);
  const w2 = tf.tensor2d(Float32Array.from({ length: 32 * 16 }, () => rng.normal() / 5), [32, 16]);
  const f = (x: tf.Tensor): tf.Tensor => tf.relu(x.reshape([-1, d]).matMul(w1)).matMul(w2);
  const base = Float32Array.from({ length: d }, () => rng.next());
  const target = Float32Array.from({ length: d }, () => rng.next());
  const losses: number[] = [];
  const wild = craftFeatureCollision(f, base, target, [8, 8, 1], { beta0: 0.25, learningRate: 50, iterations: 40, stepRule: 'fixed' }, { onStep: (_, l) => losses.push(l) });
  assert.equal(wild.iterations, 40, 'a fixed step never stops early');
  assert.ok(losses.some((l, i) => i > 0 && l > losses[i - 1]), 'lambda 50 makes the objective rise somewhere (else this test proves nothing)');
  const objective = wild.featureDistanceEnd + wild.beta * wild.inputDistanceToBase ** 2;
  assert.ok(objective <= Math.min(wild.featureDistanceStart, ...losses) + 1e-4, `returned ${objective}, best seen ${Math.min(...losses)}`);
  const fine = craftFeatureCollision(f, base, target, [8, 8, 1], { beta0: 0.25, learningRate: 0.5, iterations: 200, stepRule: 'fixed' });
  assert.ok(fine.featureDistanceEnd < 0.2 * fine.featureDistanceStart, `${fine.featureDistanceStart} -> ${fine.featureDistanceEnd}`);
  tf.dispose([w1, w2]);
});
