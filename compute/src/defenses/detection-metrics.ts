/**
 * Detection metrics of per-example suspicion scores against the known poisons (higher score: more suspicious).
 * Ties are handled exactly: tied examples share their average rank (AUC) and are removed together or not at all (TPR).
 */

/** Index of the first element of the ascending array `a` that is >= v (strict: > v). */
function bound(a: Float64Array, v: number, strict: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v || (strict && a[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Scores sorted ascending (native numeric sort), and the poisons' scores sorted ascending. */
function sortedSides(scores: ArrayLike<number>, isPoison: ArrayLike<boolean | number>): { all: Float64Array; pos: Float64Array } {
  const all = Float64Array.from(scores as ArrayLike<number>);
  const posList: number[] = [];
  for (let i = 0; i < all.length; i++) if (isPoison[i]) posList.push(all[i]);
  all.sort();
  return { all, pos: Float64Array.from(posList).sort() };
}

/** A 0/1 mask of the poisons among `n` examples. */
function poisonMask(n: number, poisonIndices: readonly number[]): Uint8Array {
  const mask = new Uint8Array(n);
  for (const i of poisonIndices) mask[i] = 1;
  return mask;
}

/**
 * ROC AUC of suspicion scores (higher = more suspicious) against the poisons' indices: P(score of a random poison >
 * score of a random clean example) + 0.5 P(tie), i.e. Mann-Whitney U with mid-ranks. Null without both classes.
 */
export function rocAuc(scores: ArrayLike<number>, poisonIndices: readonly number[]): number | null {
  return aucOf(sortedSides(scores, poisonMask(scores.length, poisonIndices)));
}

function aucOf({ all, pos }: { all: Float64Array; pos: Float64Array }): number | null {
  const p = pos.length;
  const neg = all.length - p;
  if (!p || !neg) return null;
  // Mann-Whitney: the poisons' rank sum, each tie group sharing its average (1-based) rank.
  let rankSum = 0;
  for (let k = 0; k < p; k++) rankSum += (bound(all, pos[k], false) + 1 + bound(all, pos[k], true)) / 2;
  return (rankSum - (p * (p + 1)) / 2) / (p * neg);
}

/**
 * Largest true-positive rate of a threshold on the scores whose false-positive rate is at most `maxFpr`
 * (flagging every example scored at or above it; a tie group is flagged whole). Null without both classes.
 */
export function tprAtFpr(scores: ArrayLike<number>, poisonIndices: readonly number[], maxFpr: number): number | null {
  return tprOf(sortedSides(scores, poisonMask(scores.length, poisonIndices)), maxFpr);
}

function tprOf({ all, pos }: { all: Float64Array; pos: Float64Array }, maxFpr: number): number | null {
  const p = pos.length;
  const neg = all.length - p;
  if (!p || !neg) return null;
  let best = 0;
  // Thresholds at each distinct score, from the highest down: a tie group is flagged whole or not at all.
  for (let i = all.length - 1; i >= 0; ) {
    const v = all[i];
    const j = bound(all, v, false);
    const flagged = all.length - j;
    const tp = p - bound(pos, v, false);
    if ((flagged - tp) / neg > maxFpr + 1e-12) break;
    best = tp / p;
    i = j - 1;
  }
  return best;
}

/** The `count` highest-scored indices (ties broken by lower index first, so the rule is deterministic), sorted. */
export function topScored(scores: ArrayLike<number>, count: number): number[] {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  return order.slice(0, Math.max(0, Math.min(count, scores.length))).sort((a, b) => a - b);
}

export interface DetectionSummary {
  auc: number | null;
  tprAt1: number | null;
  tprAt5: number | null;
  removedPoisons: number;
  removedClean: number;
  poisons: number;
  clean: number;
}

/** Every detection metric a scored submission reports for one replicate. */
export function detectionSummary(scores: ArrayLike<number>, poisonIndices: readonly number[], removed: readonly number[]): DetectionSummary {
  const isPoison = poisonMask(scores.length, poisonIndices);
  let removedPoisons = 0;
  for (const i of removed) if (isPoison[i]) removedPoisons++;
  const sides = sortedSides(scores, isPoison);
  return {
    auc: aucOf(sides),
    tprAt1: tprOf(sides, 0.01),
    tprAt5: tprOf(sides, 0.05),
    removedPoisons,
    removedClean: removed.length - removedPoisons,
    poisons: poisonIndices.length,
    clean: scores.length - poisonIndices.length,
  };
}
