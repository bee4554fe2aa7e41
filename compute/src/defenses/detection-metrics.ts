/**
 * Detection metrics of per-example suspicion scores against the known poisons (higher score: more suspicious).
 * Ties are handled exactly: tied examples share their average rank (AUC) and are removed together or not at all (TPR).
 */

/** ROC AUC = P(score of a random poison > score of a random clean example) + 0.5 P(tie). Null without both classes. */
export function rocAuc(scores: ArrayLike<number>, isPoison: ArrayLike<boolean | number>): number | null {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (isPoison[order[k]]) { pos++; rankSum += avgRank; }
    i = j + 1;
  }
  const neg = n - pos;
  if (!pos || !neg) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * Largest true-positive rate of a threshold on the scores whose false-positive rate is at most `maxFpr`
 * (flagging every example scored at or above it). Null without both classes.
 */
export function tprAtFpr(scores: ArrayLike<number>, isPoison: ArrayLike<boolean | number>, maxFpr: number): number | null {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let pos = 0;
  for (let i = 0; i < n; i++) if (isPoison[i]) pos++;
  const neg = n - pos;
  if (!pos || !neg) return null;
  let tp = 0;
  let fp = 0;
  let best = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    for (let k = i; k <= j; k++) if (isPoison[order[k]]) tp++; else fp++;
    if (fp / neg > maxFpr + 1e-12) break;
    best = tp / pos;
    i = j + 1;
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
  const isPoison = new Uint8Array(scores.length);
  for (const i of poisonIndices) isPoison[i] = 1;
  let removedPoisons = 0;
  for (const i of removed) if (isPoison[i]) removedPoisons++;
  return {
    auc: rocAuc(scores, isPoison),
    tprAt1: tprAtFpr(scores, isPoison, 0.01),
    tprAt5: tprAtFpr(scores, isPoison, 0.05),
    removedPoisons,
    removedClean: removed.length - removedPoisons,
    poisons: poisonIndices.length,
    clean: scores.length - poisonIndices.length,
  };
}
