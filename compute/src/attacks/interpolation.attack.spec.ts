import { test } from 'node:test';
import assert from 'node:assert/strict';
import { densityPositions, parseDensityExpression } from '../densities';
import { interpolate, interpolationPath, poisonCount, splitBudget } from './interpolation.attack';
import { craftInterpolationPath, craftLatentPath, craftZeroKnowledgePath } from './interpolation.craft';

const rand = (n: number, seed: number): Float32Array => Float32Array.from({ length: n }, (_, i) => ((Math.sin(i * 12.9898 + seed) * 43758.5453) % 1 + 1) % 1);

test('poison count is round(rate * |unlabeled|), at least 1', () => {
  assert.equal(poisonCount(0.005, 4000), 20);
  assert.equal(poisonCount(0.0001, 100), 1);
  assert.equal(poisonCount(0, 1000), 1);
  assert.throws(() => poisonCount(-0.1, 10), RangeError);
});

test('interpolation endpoints are exactly the source and the target', () => {
  const s = rand(3 * 28 * 28, 1);
  const t = rand(3 * 28 * 28, 2);
  const path = craftInterpolationPath(s, t, 25, '1.5-x');
  const d = s.length;
  assert.equal(path.count, 25);
  assert.deepEqual(path.poisons.subarray(0, d), s);
  assert.deepEqual(path.poisons.subarray(24 * d, 25 * d), t);
  assert.equal(path.alphas[0], 0);
  assert.equal(path.alphas[24], 1);
});

test('an interior poison is the pixel blend (1-a) x\' + a x*', () => {
  const s = rand(10, 3);
  const t = rand(10, 4);
  const x = interpolate(s, t, 0.25);
  for (let i = 0; i < 10; i++) assert.ok(Math.abs(x[i] - (0.75 * s[i] + 0.25 * t[i])) < 1e-6);
  const p = interpolationPath(s, t, [0, 0.25, 1]);
  assert.deepEqual(p.subarray(10, 20), x);
});

test('uniform density spaces the path evenly; 1.5-x is denser near the source', () => {
  const u = densityPositions(parseDensityExpression('1'), 11);
  u.forEach((a, i) => assert.ok(Math.abs(a - i / 10) < 1e-3, `uniform a_${i} = ${a}`));
  const p = craftInterpolationPath(rand(4, 5), rand(4, 6), 21, '1.5-x').alphas;
  assert.equal(p[0], 0);
  assert.equal(p[20], 1);
  const nearSource = p.filter((a) => a < 0.5).length;
  assert.ok(nearSource > 21 - nearSource, `expected more than half of the points below 0.5, got ${nearSource}/21`);
  // The gap between neighbours grows towards the target (density falls from 1.5 to 0.5).
  assert.ok(p[1] - p[0] < p[20] - p[19]);
});

test('zero-knowledge budget: main path x\' -> x* first, bridges start next to x\' and end at their targets', () => {
  const s = rand(6, 7);
  const t = rand(6, 8);
  const bridges = [rand(6, 9), rand(6, 10)];
  const z = craftZeroKnowledgePath(s, t, bridges, 20, '1');
  assert.equal(z.count, 20);
  const parts = splitBudget(20, 2);
  assert.equal(parts.reduce((a, b) => a + b, 0), 20);
  assert.equal(z.alphas.length, parts[0]);
  assert.deepEqual(z.poisons.subarray(0, 6), s);
  assert.deepEqual(z.poisons.subarray((parts[0] - 1) * 6, parts[0] * 6), t);
  assert.deepEqual(z.poisons.subarray((parts[0] + parts[1] - 1) * 6, (parts[0] + parts[1]) * 6), bridges[0]);
  assert.deepEqual(z.poisons.subarray(19 * 6, 20 * 6), bridges[1]);
});

test('latent interpolation keeps exact endpoints despite an imperfect decoder', () => {
  const s = rand(8, 11);
  const t = rand(8, 12);
  // A lossy codec: keeps the first 4 values, decodes the rest as 0.5.
  const codec = { encode: (x: Float32Array) => x.slice(0, 4), decode: (z: Float32Array) => Float32Array.from([...z, 0.5, 0.5, 0.5, 0.5]) };
  const p = craftLatentPath(s, t, 5, '1', codec);
  assert.deepEqual(p.poisons.subarray(0, 8), s);
  assert.deepEqual(p.poisons.subarray(32, 40), t);
  for (const v of p.poisons) assert.ok(v >= 0 && v <= 1);
});
