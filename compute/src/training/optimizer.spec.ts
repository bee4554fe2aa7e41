import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend';
import { SgdNesterov, WeightEma } from './optimizer';

// Reference update per element in float32 arithmetic (Math.fround after every operation).
function reference(v: number, g: number, buf: number, o: { lr: number; m: number; wd: number; decayed: boolean }): [number, number] {
  const f = Math.fround;
  const gg = o.decayed ? f(g + f(v * o.wd)) : g;
  const b = f(f(buf * o.m) + gg);
  const upd = f(gg + f(b * o.m));
  return [f(v - f(upd * o.lr)), b];
}

test('flat SGD-Nesterov and EMA match a per-element reference (decayed and non-decayed parameters)', async () => {
  await selectBackend('wasm');
  const shapes = [[3, 3, 2, 4], [4], [5, 3]];
  const decay = [true, false, true];
  const init = shapes.map((s, i) => Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, (_, j) => Math.sin(j + 10 * i)));
  const vars = init.map((a, i) => tf.variable(tf.tensor(a, shapes[i])));
  const opt = new SgdNesterov(vars, decay, { lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 5e-4, cosine: true, totalSteps: 10 });
  const ema = new WeightEma(vars, 0.99);
  const ref = init.map((a) => Float32Array.from(a));
  const bufs = init.map((a) => new Float32Array(a.length));
  const emaRef = init.map((a) => Float32Array.from(a));
  const before = tf.memory().numTensors;
  for (let step = 0; step < 3; step++) {
    const gs = init.map((a, i) => Float32Array.from(a, (_, j) => Math.cos(j * (step + 1) + i)));
    const grads = gs.map((g, i) => tf.tensor(g, shapes[i]));
    opt.apply(grads, step);
    ema.update(step);
    tf.dispose(grads);
    const lr = opt.learningRate(step);
    const d = Math.min(0.99, (1 + step) / (10 + step));
    ref.forEach((r, i) => {
      for (let j = 0; j < r.length; j++) {
        [r[j], bufs[i][j]] = reference(r[j], gs[i][j], bufs[i][j], { lr: Math.fround(lr), m: Math.fround(0.9), wd: Math.fround(5e-4), decayed: decay[i] });
        emaRef[i][j] = Math.fround(Math.fround(emaRef[i][j] * Math.fround(d)) + Math.fround(r[j] * Math.fround(1 - d)));
      }
    });
  }
  assert.equal(tf.memory().numTensors, before, 'no tensors leak per step');
  vars.forEach((v, i) => {
    assert.deepEqual(Array.from(v.shape), shapes[i]);
    const got = v.dataSync();
    const e = ema.weights[i].dataSync();
    for (let j = 0; j < got.length; j++) {
      assert.ok(Math.abs(got[j] - ref[i][j]) <= 1e-6, `var ${i}[${j}] ${got[j]} vs ${ref[i][j]}`);
      assert.ok(Math.abs(e[j] - emaRef[i][j]) <= 1e-6, `ema ${i}[${j}] ${e[j]} vs ${emaRef[i][j]}`);
    }
  });
  opt.dispose();
  ema.dispose();
  tf.dispose(vars);
});
