import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../data/prng';
import { removalCounts, scoreHistogram } from './defense-metrics';
import { rocAuc, tprAtFpr } from './detection-metrics';

// Reference computations: AUC as the pairwise win rate (ties one half); TPR at an FPR budget by trying every
// threshold "score >= t" over all observed scores (and +Infinity) and keeping the best one within the budget.
function refAuc(scores: number[], poisons: Set<number>): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((p, i) => {
    if (!poisons.has(i)) return;
    scores.forEach((q, j) => {
      if (poisons.has(j)) return;
      pairs++;
      wins += p > q ? 1 : p === q ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

function refTpr(scores: number[], poisons: Set<number>, fpr: number): number {
  const nNeg = scores.length - poisons.size;
  let best = 0;
  for (const t of [...scores, Infinity]) {
    const fp = scores.filter((s, i) => !poisons.has(i) && s >= t).length;
    const tp = scores.filter((s, i) => poisons.has(i) && s >= t).length;
    if (fp <= fpr * nNeg + 1e-9) best = Math.max(best, tp / poisons.size);
  }
  return best;
}

test('ROC AUC and TPR at 1 % / 5 % FPR agree with the reference computations, ties included', () => {
  const rng = createRng(11, 'scores');
  for (let trial = 0; trial < 20; trial++) {
    const n = 150 + trial * 10;
    const poisons = new Set<number>();
    while (poisons.size < 5 + trial) poisons.add(rng.int(n));
    // Quantised scores make ties; poisons shifted upwards by a trial-dependent amount.
    const scores = Array.from({ length: n }, (_, i) => Math.round((rng.next() + (poisons.has(i) ? trial * 0.05 : 0)) * 20) / 20);
    const idx = [...poisons];
    assert.ok(Math.abs(rocAuc(scores, idx)! - refAuc(scores, poisons)) < 1e-12, `auc, trial ${trial}`);
    for (const f of [0.01, 0.05, 0.2]) assert.equal(tprAtFpr(scores, idx, f), refTpr(scores, poisons, f), `tpr@${f}, trial ${trial}`);
  }
});

test('perfect, inverted and degenerate score sets', () => {
  const scores = [0.1, 0.2, 0.9, 0.95, 0.3];
  assert.equal(rocAuc(scores, [2, 3]), 1);
  assert.equal(tprAtFpr(scores, [2, 3], 0.01), 1);
  assert.equal(rocAuc(scores, [0, 1]), 0);
  assert.equal(tprAtFpr(scores, [0, 1], 0.05), 0);
  assert.equal(rocAuc(scores, []), null);
  assert.equal(tprAtFpr(scores, [0, 1, 2, 3, 4], 0.05), null);
});

test('histogram and removal counts', () => {
  const h = scoreHistogram([0, 1, 2, 3, 4], [3, 4], 's', 4);
  assert.deepEqual(h.edges, [0, 1, 2, 3, 4]);
  assert.deepEqual(h.benign, [1, 1, 1, 0]);
  assert.deepEqual(h.poisons, [0, 0, 0, 2]);
  assert.deepEqual(removalCounts([1, 3, 4], [3, 4, 5], 10), { removed: 3, removedPoisons: 2, poisons: 3, cleanRemoved: 1, clean: 7 });
});
