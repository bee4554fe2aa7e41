import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { selectBackend } from '../backend';
import { createRng } from '../data/prng';
import { changeWindows, flagLowInfluence, influenceScores } from './training-dynamics.defense';

// Three examples, one class score, four evaluations: u0 changes after epoch 0, u1 repeats that change one epoch
// later, u2 one epoch after u1 (a chain, as along an interpolation path).
const chain = [
  Float32Array.from([0, 0, 0]),
  Float32Array.from([1, 0, 0]),
  Float32Array.from([1, 1, 0]),
  Float32Array.from([1, 1, 1]),
];


before(async () => {
  await selectBackend();
});

test('change windows: mu^{0,K-2} and mu^{1,K-1} of a hand-made trajectory', () => {
  const { early, late, length } = changeWindows(chain, 3);
  assert.equal(length, 2);
  assert.deepEqual(Array.from(early), [1, 0, 0, 1, 0, 0]);
  assert.deepEqual(Array.from(late), [0, 0, 1, 0, 0, 1]);
});

test('influence of a hand-made chain: the known answer, blocked or not', () => {
  // Influence(i, j) = ||early_i - late_j||^2: I(0,1) = 0, I(0,2) = 2; I(1,0) = 1, I(1,2) = 0; I(2,0) = 0, I(2,1) = 1.
  // Itself excluded, the closest neighbour gives 0 for each; the mean of both neighbours gives 1, 0.5, 0.5.
  assert.deepEqual(Array.from(influenceScores(chain, 3, { neighbours: 1 })), [0, 0, 0]);
  assert.deepEqual(Array.from(influenceScores(chain, 3, { neighbours: 2 })), [1, 0.5, 0.5]);
  assert.deepEqual(Array.from(influenceScores(chain, 3, { neighbours: 2, blockRows: 1 })), [1, 0.5, 0.5]);
});

test('influence scores match a direct double loop on a random trajectory, for any block size', () => {
  const rng = createRng(7, 'trajectory');
  const n = 37;
  const c = 3;
  const E = 6;
  const evals = Array.from({ length: E }, () => Float32Array.from({ length: n * c }, () => rng.next()));
  const L = (E - 2) * c;
  const df = (e: number, i: number, k: number) => evals[e + 1][i * c + k] - evals[e][i * c + k];
  const expected = Array.from({ length: n }, (_, i) => {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let t = 0; t < L; t++) {
        const e = Math.floor(t / c);
        const k = t % c;
        s += (df(e, i, k) - df(e + 1, j, k)) ** 2;
      }
      row.push(s);
    }
    return row.sort((a, b) => a - b).slice(0, 5).reduce((a, b) => a + b, 0) / 5;
  });
  for (const blockRows of [undefined, 1, 8, 36]) {
    const got = influenceScores(evals, n, { neighbours: 5, blockRows });
    got.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-4, `block ${blockRows}, row ${i}: ${v} vs ${expected[i]}`));
  }
});

test('flag rules; fewer than three evaluations are refused', () => {
  const avg = Float32Array.from([5, 0.01, 4, 6, 0.2, 5.5]);
  // Median 5 (the upper middle of six): below 0.1 x 5 are rows 1 and 4.
  assert.deepEqual(flagLowInfluence(avg, { rule: 'median-ratio', ratio: 0.1, fraction: 0 }), [1, 4]);
  assert.deepEqual(flagLowInfluence(avg, { rule: 'lowest-fraction', ratio: 0.1, fraction: 0.5 }), [1, 2, 4]);
  assert.throws(() => changeWindows(chain.slice(0, 2), 3), { code: 'BAD_USER_INPUT' });
});
