import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { selectBackend } from '../backend';
import { deepKnn, deepKnnOptions } from './deep-knn.defense';

// Two classes of five points each on a line, far apart; row 10 is a poison labeled 0 that sits inside class 1.
const points = [0, 0.1, 0.2, 0.3, 0.4, 10, 10.1, 10.2, 10.3, 10.4, 10.15];
const labels = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0]);
const features = Float32Array.from(points.flatMap((p) => [p, -p]));


before(async () => {
  await selectBackend();
});

test('deep k-NN removes the example whose neighbours carry another label, and nothing else', () => {
  for (const k of [2, 3, 4]) {
    const r = deepKnn(features, labels, points.length, { k });
    assert.deepEqual(r.remove, [10], `k=${k}`);
    assert.equal(r.scores[10], 1, 'all of its neighbours disagree');
    assert.equal(r.scores[0], 0);
  }
  // Blocked and restricted to candidates: the same decision for the rows judged.
  const r = deepKnn(features, labels, points.length, { k: 2, blockRows: 2 }, [3, 7, 10]);
  assert.deepEqual(r.remove, [10]);
  // Row 7 (10.2) has the poison (10.15) among its two nearest: half disagree, a tie that keeps it.
  assert.deepEqual(Array.from(r.scores), [0, 0.5, 1]);
});

test('deep k-NN keeps an example tied with its own label and removes it once outvoted', () => {
  // Row 2 (label 1) at 2: its two nearest are rows 1 (label 0) and 3 (label 1), a 1-1 tie that keeps it; the third
  // nearest is row 0 (label 0), so with k = 3 it is outvoted 2-1.
  const f = Float32Array.from([0, 1, 2, 3, 10]);
  const y = Int32Array.from([0, 0, 1, 1, 1]);
  assert.deepEqual(deepKnn(f, y, 5, { k: 2 }, [2]).remove, []);
  assert.deepEqual(deepKnn(f, y, 5, { k: 3 }, [2]).remove, [2]);
});

test('deep k-NN parameters: k defaults to twice the expected poisons', () => {
  assert.equal(deepKnnOptions({}, 50).k, 100);
  assert.equal(deepKnnOptions({ expectedPoisons: 3 }, 50).k, 6);
  assert.equal(deepKnnOptions({ k: 7 }, 50).k, 7);
  assert.throws(() => deepKnnOptions({ k: 0 }, 1), { code: 'BAD_USER_INPUT' });
  assert.throws(() => deepKnnOptions({ other: 1 }, 1), { code: 'BAD_USER_INPUT' });
});
