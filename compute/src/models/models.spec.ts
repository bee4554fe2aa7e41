import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend';
import { createModel, ModelSpec } from './architectures';
import { createRng } from '../data/prng';

function scalarOf(f: () => tf.Tensor): number {
  const t = tf.tidy(f);
  const v = t.dataSync()[0];
  t.dispose();
  return v;
}

const CASES: { spec: ModelSpec; shape: [number, number, number]; n: number }[] = [
  { spec: { kind: 'mlp' }, shape: [1, 1, 2], n: 5 },
  { spec: { kind: 'cnn' }, shape: [28, 28, 1], n: 3 },
  { spec: { kind: 'wrn', depth: 10, widen: 1 }, shape: [16, 16, 3], n: 2 },
];

test('models: output shapes, seeded init, finite gradients on the selected backend, no leaks', async () => {
  const b = await selectBackend();
  assert.ok(['wasm', 'tensorflow', 'tensorflow-gpu', 'cpu'].includes(b.name));
  for (const { spec, shape, n } of CASES) {
    const before = tf.memory().numTensors;
    const m1 = createModel(spec, shape, 10, 3);
    const m2 = createModel(spec, shape, 10, 3);
    const m3 = createModel(spec, shape, 10, 4);
    assert.deepEqual(m1.variables[0].dataSync(), m2.variables[0].dataSync());
    assert.notDeepEqual(m1.variables[0].dataSync(), m3.variables[0].dataSync());
    const r = createRng(9);
    const x = tf.tensor4d(Float32Array.from({ length: n * shape[0] * shape[1] * shape[2] }, () => r.next()), [n, ...shape]);
    const { value, grads } = tf.variableGrads(() => {
      const out = m1.apply(x, true);
      assert.deepEqual(out.logits.shape, [n, 10]);
      assert.equal(out.features.shape[0], n);
      return tf.mean(tf.square(out.logits)) as tf.Scalar;
    }, m1.variables);
    for (const v of m1.variables) {
      const g = grads[v.name];
      assert.ok(g, `gradient for ${v.name}`);
      const s = scalarOf(() => tf.sum(tf.abs(g)));
      assert.ok(Number.isFinite(s), `${spec.kind} gradient finite`);
    }
    const total = scalarOf(() => tf.addN(Object.values(grads).map((g) => tf.sum(tf.abs(g)))));
    assert.ok(total > 0, 'some gradient is non-zero');
    const probs = m1.predict(x.dataSync() as Float32Array, n);
    assert.equal(probs.length, n * 10);
    for (let i = 0; i < n; i++) {
      const s = probs.subarray(i * 10, i * 10 + 10).reduce((a, b2) => a + b2, 0);
      assert.ok(Math.abs(s - 1) < 1e-4);
    }
    tf.dispose([x, value, ...Object.values(grads)]);
    [m1, m2, m3].forEach((m) => m.dispose());
    assert.equal(tf.memory().numTensors, before, `${spec.kind}: every tensor disposed`);
  }
});

test('WRN-28-2 has the reference parameter count (~1.47M)', async () => {
  await selectBackend();
  const m = createModel({ kind: 'wrn' }, [32, 32, 3], 10, 1);
  const p = m.numParams();
  assert.ok(p > 1.4e6 && p < 1.55e6, `params ${p}`);
  m.dispose();
});
