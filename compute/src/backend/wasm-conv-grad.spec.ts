import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from './select-backend';
import { batchNormTrain } from './batch-norm.op';
import { createRng } from '../data/prng';

interface Case { x: number[]; f: number[]; s: number; pad: 'same' | 'valid' }
const CASES: Case[] = [
  { x: [2, 8, 8, 3], f: [3, 3, 3, 4], s: 1, pad: 'same' },
  { x: [2, 8, 8, 3], f: [3, 3, 3, 4], s: 2, pad: 'same' },
  { x: [2, 9, 7, 2], f: [3, 3, 2, 5], s: 2, pad: 'same' },
  { x: [2, 9, 7, 2], f: [3, 3, 2, 5], s: 2, pad: 'valid' },
  { x: [1, 10, 10, 4], f: [1, 1, 4, 6], s: 2, pad: 'valid' },
  { x: [3, 7, 7, 3], f: [5, 5, 3, 2], s: 1, pad: 'valid' },
  { x: [2, 11, 11, 3], f: [5, 5, 3, 2], s: 3, pad: 'same' },
  { x: [2, 7, 7, 4], f: [3, 3, 4, 3], s: 2, pad: 'same' },
  { x: [2, 6, 9, 2], f: [4, 2, 2, 3], s: 2, pad: 'same' },
];

function randArray(n: number, seed: number): Float32Array {
  const r = createRng(seed);
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = r.normal();
  return a;
}

function grads(c: Case, xs: Float32Array, fs: Float32Array, ws: Float32Array): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.tensor4d(xs, c.x as [number, number, number, number]);
    const f = tf.tensor4d(fs, c.f as [number, number, number, number]);
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => {
      const y = tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.s, c.pad);
      // A non-uniform upstream gradient so every output position is weighted differently.
      return tf.sum(tf.mul(y, tf.reshape(tf.tensor1d(ws.subarray(0, y.size)), y.shape)));
    });
    return g([x, f]).map((t) => t.dataSync() as Float32Array);
  });
}

function maxRelErr(a: Float32Array, b: Float32Array): number {
  let m = 0;
  let scale = 1e-6;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m / scale;
}

test('WASM conv2d gradients (via forward kernels) match the CPU backend, every strided-dx variant', async () => {
  // Default (phase-stacked), the phased and the zero-dilated dx, chosen by FROGPOND_WASM_DX at call time.
  const before = process.env.FROGPOND_WASM_DX;
  for (const variant of [undefined, 'phased', 'dilate']) {
    if (variant) process.env.FROGPOND_WASM_DX = variant;
    else delete process.env.FROGPOND_WASM_DX;
    await checkCases(variant ?? 'stacked');
  }
  if (before === undefined) delete process.env.FROGPOND_WASM_DX;
  else process.env.FROGPOND_WASM_DX = before;
});

async function checkCases(variant: string): Promise<void> {
  for (const [i, c] of CASES.entries()) {
    const xs = randArray(c.x.reduce((p, q) => p * q, 1), 10 + i);
    const fs = randArray(c.f.reduce((p, q) => p * q, 1), 100 + i);
    const ws = randArray(10000, 1000 + i);
    await selectBackend('cpu');
    const ref = grads(c, xs, fs, ws);
    await selectBackend('wasm');
    const got = grads(c, xs, fs, ws);
    assert.equal(got[0].length, ref[0].length);
    assert.equal(got[1].length, ref[1].length);
    assert.ok(maxRelErr(got[0], ref[0]) < 1e-4, `${variant} dx case ${i} err ${maxRelErr(got[0], ref[0])}`);
    assert.ok(maxRelErr(got[1], ref[1]) < 1e-4, `${variant} dW case ${i} err ${maxRelErr(got[1], ref[1])}`);
  }
}

test('closed-form batch-norm gradient matches autodiff through tf.moments', async () => {
  await selectBackend('wasm');
  const xs = randArray(4 * 5 * 5 * 3, 7);
  const ws = randArray(4 * 5 * 5 * 3, 8);
  const [mine, ref] = tf.tidy(() => {
    const x = tf.tensor4d(xs, [4, 5, 5, 3]);
    const w = tf.tensor4d(ws, [4, 5, 5, 3]);
    const g = tf.tensor1d([1.5, 0.5, -1]);
    const b = tf.tensor1d([0.1, 0.2, 0.3]);
    const f1 = tf.grads((a: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) => {
      const r = batchNormTrain(a, gg as tf.Tensor1D, bb as tf.Tensor1D);
      r.mean.dispose();
      r.variance.dispose();
      return tf.sum(tf.mul(r.y, w));
    });
    const f2 = tf.grads((a: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) => {
      const { mean, variance } = tf.moments(a, [0, 1, 2]);
      const y = tf.add(tf.mul(tf.div(tf.sub(a, mean), tf.sqrt(tf.add(variance, 1e-3))), gg), bb);
      return tf.sum(tf.mul(y, w));
    });
    return [f1([x, g, b]).map((t) => t.dataSync() as Float32Array), f2([x, g, b]).map((t) => t.dataSync() as Float32Array)];
  });
  for (let k = 0; k < 3; k++) assert.ok(maxRelErr(mine[k], ref[k]) < 1e-4, `bn grad ${k}: ${maxRelErr(mine[k], ref[k])}`);
});

test('backend selection honours an explicit preference and rejects unknown names', async () => {
  assert.equal((await selectBackend('cpu')).name, 'cpu');
  assert.equal(tf.getBackend(), 'cpu');
  await assert.rejects(() => selectBackend('quantum'), /Unknown backend/);
  assert.equal((await selectBackend('wasm')).name, 'wasm');
});
