import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateBlobs, generateMoons } from './toy.generator';
import { makeSslSplit, dropUnlabeled } from './ssl-split';
import { createRng } from './prng';

test('makeSslSplit is class-balanced, disjoint, capped and deterministic per seed', () => {
  const ds = generateBlobs({ nTrain: 600, nTest: 300, classes: 3, seed: 1 });
  const a = makeSslSplit(ds, { labels: 30, seed: 7, maxUnlabeled: 200, maxTest: 100 });
  const b = makeSslSplit(ds, { labels: 30, seed: 7, maxUnlabeled: 200, maxTest: 100 });
  const c = makeSslSplit(ds, { labels: 30, seed: 8, maxUnlabeled: 200, maxTest: 100 });
  assert.equal(a.labeled.n, 30);
  assert.equal(a.unlabeled.n, 200);
  assert.equal(a.test.n, 100);
  const counts = [0, 0, 0];
  a.labeled.y.forEach((y) => counts[y]++);
  assert.deepEqual(counts, [10, 10, 10]);
  assert.deepEqual(a.labeled.x, b.labeled.x);
  assert.deepEqual(a.unlabeled.x, b.unlabeled.x);
  assert.notDeepEqual(a.labeled.x, c.labeled.x);
  // Labeled points never reappear in the unlabeled set.
  const key = (x: Float32Array, i: number) => `${x[2 * i]},${x[2 * i + 1]}`;
  const lab = new Set(Array.from({ length: a.labeled.n }, (_, i) => key(a.labeled.x, i)));
  for (let i = 0; i < a.unlabeled.n; i++) assert.ok(!lab.has(key(a.unlabeled.x, i)));
  // Uncapped: labeled + unlabeled = all training data.
  const full = makeSslSplit(ds, { labels: 31, seed: 1 });
  assert.equal(full.labeled.n + full.unlabeled.n, 600);
  assert.throws(() => makeSslSplit(ds, { labels: 2, seed: 1 }), /labels must be/);
});

test('dropUnlabeled removes exactly the requested indices', () => {
  const s = makeSslSplit(generateMoons({ nTrain: 100, nTest: 10 }), { labels: 10, seed: 3 });
  const d = dropUnlabeled(s, [0, 5, 5, 89]);
  assert.equal(d.unlabeled.n, s.unlabeled.n - 3);
  assert.equal(d.unlabeled.x[0], s.unlabeled.x[2]);
  assert.equal(d.unlabeled.yTrue[4], s.unlabeled.yTrue[6]);
});

test('PRNG streams are deterministic and Beta samples lie in (0,1) with the right mean', () => {
  const r1 = createRng(5, 'x');
  const r2 = createRng(5, 'x');
  const r3 = createRng(5, 'y');
  const s1 = Array.from({ length: 5 }, () => r1.next());
  assert.deepEqual(s1, Array.from({ length: 5 }, () => r2.next()));
  assert.notDeepEqual(s1, Array.from({ length: 5 }, () => r3.next()));
  let m = 0;
  for (let i = 0; i < 4000; i++) {
    const v = r1.beta(0.75, 0.75);
    assert.ok(v > 0 && v < 1);
    m += v / 4000;
  }
  assert.ok(Math.abs(m - 0.5) < 0.03, `beta mean ${m}`);
});
