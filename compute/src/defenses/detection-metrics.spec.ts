import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectionSummary, rocAuc, topScored, tprAtFpr } from './detection-metrics';
import { createRng } from '../data/prng';

/** The indices of a 0/1 poison mask. */
const indicesOf = (mask: readonly number[]) => mask.flatMap((m, i) => (m ? [i] : []));

test('ROC AUC counts pairs, ties as one half', () => {
  // poisons scored 0.9 and 0.5; clean 0.1, 0.5, 0.7: pairs (0.9>all)=3, (0.5: >0.1, tie 0.5, <0.7)=1.5 => 4.5/6
  assert.equal(rocAuc([0.9, 0.5, 0.1, 0.5, 0.7], [0, 1]), 4.5 / 6);
  assert.equal(rocAuc([1, 1, 0, 0], [0, 1]), 1);
  assert.equal(rocAuc([0, 0, 1, 1], [0, 1]), 0);
  assert.equal(rocAuc([3, 3, 3], [0]), 0.5);
  assert.equal(rocAuc([1, 2], []), null);
});

test('random scores give an AUC near one half; perfect scores give TPR 1 at any FPR', () => {
  const rng = createRng(7, 'auc');
  const n = 4000;
  const scores = Array.from({ length: n }, () => rng.next());
  const poison = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0));
  const auc = rocAuc(scores, indicesOf(poison))!;
  assert.ok(Math.abs(auc - 0.5) < 0.03, `auc ${auc}`);
  assert.equal(tprAtFpr(poison, indicesOf(poison), 0.01), 1);
  assert.equal(tprAtFpr(poison, indicesOf(poison), 0), 1);
});

test('TPR at FPR never splits a tie and stops at the first group over the limit', () => {
  // 100 clean, 10 poisons. Scores: 5 poisons at 10, then 1 clean + 2 poisons at 9, then the rest at 0.
  const scores: number[] = [];
  const poison: number[] = [];
  for (let i = 0; i < 5; i++) { scores.push(10); poison.push(1); }
  scores.push(9, 9, 9); poison.push(0, 1, 1);
  for (let i = 0; i < 3; i++) { scores.push(0); poison.push(1); }
  for (let i = 0; i < 99; i++) { scores.push(0); poison.push(0); }
  assert.equal(tprAtFpr(scores, indicesOf(poison), 0.01), 0.7); // 1 false positive out of 100 = 1%
  assert.equal(tprAtFpr(scores, indicesOf(poison), 0.005), 0.5);
  assert.equal(tprAtFpr(scores, indicesOf(poison), 0.05), 0.7); // the next group (all zeros) brings FPR to 100%
});

test('top-scored removal is deterministic under ties, and the summary counts removals', () => {
  assert.deepEqual(topScored([1, 5, 5, 0, 5], 2), [1, 2]);
  const s = detectionSummary([0.9, 0.1, 0.8, 0.2], [0, 2], [0, 1]);
  assert.deepEqual({ ...s, auc: s.auc }, { auc: 1, tprAt1: 1, tprAt5: 1, removedPoisons: 1, removedClean: 1, poisons: 2, clean: 2 });
});

test('AUC and TPR agree with brute force on scores with many ties', () => {
  const rng = createRng(3, 'brute');
  for (let round = 0; round < 20; round++) {
    const n = 60;
    const scores = Array.from({ length: n }, () => Math.floor(rng.next() * 8));
    const poison = Array.from({ length: n }, () => (rng.next() < 0.2 ? 1 : 0));
    let pairs = 0;
    let wins = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (poison[i] && !poison[j]) { pairs++; wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0; }
    if (!pairs) continue;
    assert.ok(Math.abs(rocAuc(scores, indicesOf(poison))! - wins / pairs) < 1e-12);
    const pos = poison.filter(Boolean).length;
    let best = 0;
    for (const t of new Set(scores)) {
      const fp = scores.filter((s, i) => s >= t && !poison[i]).length;
      const tp = scores.filter((s, i) => s >= t && poison[i]).length;
      // Thresholds are monotone: the brute force takes the best one whose FPR fits.
      if (fp / (n - pos) <= 0.05 + 1e-12) best = Math.max(best, tp / pos);
    }
    assert.equal(tprAtFpr(scores, indicesOf(poison), 0.05), best);
  }
});
