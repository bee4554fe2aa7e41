import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend';
import { createRng } from '../data/prng';
import { strongAugment, weakAugment } from './augment';
import { buildIndex } from './geometry';

function batch(n: number, h: number, w: number, c: number): tf.Tensor4D {
  const r = createRng(1);
  return tf.tensor4d(Float32Array.from({ length: n * h * w * c }, () => r.next()), [n, h, w, c]);
}

test('weak and strong views keep shape and [0,1] range and are deterministic per seed', async () => {
  await selectBackend('wasm');
  const before = tf.memory().numTensors;
  const x = batch(6, 28, 28, 1);
  const x3 = batch(4, 32, 32, 3);
  for (const [inp, flip] of [[x, false], [x3, true]] as const) {
    for (const fn of [weakAugment, strongAugment]) {
      const a = fn(inp, createRng(42), { allowFlip: flip });
      const b = fn(inp, createRng(42), { allowFlip: flip });
      const c = fn(inp, createRng(43), { allowFlip: flip });
      assert.deepEqual(a.shape, inp.shape);
      const av = a.dataSync();
      assert.deepEqual(av, b.dataSync());
      assert.notDeepEqual(av, c.dataSync());
      for (const v of av) assert.ok(v >= 0 && v <= 1 && Number.isFinite(v));
      tf.dispose([a, b, c]);
    }
  }
  tf.dispose([x, x3]);
  assert.equal(tf.memory().numTensors, before, 'augmentations dispose their intermediates');
});

test('weak translation moves pixels by at most 12.5% and flips only when allowed', () => {
  // Without flips, every output pixel comes from the same row/column shifted by <= 4 on 32x32 (reflected).
  const rng = createRng(3);
  const idx = buildIndex([{ dy: 4, dx: -4, flip: false, affine: null }], 32, 32);
  assert.equal(idx[10 * 32 + 10], 6 * 32 + 14);
  assert.equal(idx[0], 4 * 32 + 4); // reflected at the top-left border
  const flipped = buildIndex([{ dy: 0, dx: 0, flip: true, affine: null }], 4, 4);
  assert.deepEqual(Array.from(flipped.slice(0, 4)), [3, 2, 1, 0]);
  void rng;
});

test('toy vectors get small Gaussian jitter', async () => {
  await selectBackend('wasm');
  const x = tf.tensor4d([0.5, 0.5, 0.2, 0.8], [2, 1, 1, 2]);
  const y = weakAugment(x, createRng(1), { allowFlip: false });
  const d = tf.sub(y, x);
  const m = tf.max(tf.abs(d)).dataSync()[0];
  assert.ok(m > 0 && m < 0.1);
  tf.dispose([x, y, d]);
});
