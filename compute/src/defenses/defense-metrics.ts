/**
 * One measurement for every defense: ranking quality of its suspicion scores against the true poison indices (ROC
 * AUC, TPR at a fixed FPR), what its removal decision took out, and the score histogram of Figure 7.
 */

/** Poison and benign scores split by a set of poison indices. */
function split(scores: ArrayLike<number>, poisonIndices: readonly number[]): { pos: number[]; neg: number[] } {
  const isPoison = new Set(poisonIndices);
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < scores.length; i++) (isPoison.has(i) ? pos : neg).push(scores[i]);
  return { pos, neg };
}

/**
 * ROC AUC of suspicion scores (higher = more suspicious): the probability that a random poison scores above a random
 * benign example, ties counting one half (Mann-Whitney U with mid-ranks). Null without poisons or without benign data.
 */
export function rocAuc(scores: ArrayLike<number>, poisonIndices: readonly number[]): number | null {
  const { pos, neg } = split(scores, poisonIndices);
  if (!pos.length || !neg.length) return null;
  const all = [...pos.map((v) => ({ v, p: true })), ...neg.map((v) => ({ v, p: false }))].sort((a, b) => a.v - b.v);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1].v === all[i].v) j++;
    const midRank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) if (all[t].p) rankSum += midRank;
    i = j + 1;
  }
  return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

/**
 * True-positive rate at a false-positive budget: the largest share of poisons flagged by a threshold rule
 * "score >= t" whose share of flagged benign examples is at most `fpr`. Null without poisons or benign data.
 */
export function tprAtFpr(scores: ArrayLike<number>, poisonIndices: readonly number[], fpr: number): number | null {
  const { pos, neg } = split(scores, poisonIndices);
  if (!pos.length || !neg.length) return null;
  const negDesc = neg.sort((a, b) => b - a);
  const allowed = Math.floor(fpr * negDesc.length + 1e-9);
  // Every benign score at or above t counts; t must stay above the (allowed+1)-th largest benign score.
  const bound = allowed < negDesc.length ? negDesc[allowed] : -Infinity;
  return pos.filter((v) => v > bound).length / pos.length;
}

/** Histogram of suspicion scores, poisons against benign, over `bins` equal bins spanning all scores. */
export interface ScoreHistogram {
  statistic: string;
  edges: number[];
  poisons: number[];
  benign: number[];
}

/** Builds the score histogram (the artifact behind Figure 7's chart). */
export function scoreHistogram(scores: ArrayLike<number>, poisonIndices: readonly number[], statistic: string, bins = 30): ScoreHistogram {
  const { pos, neg } = split(scores, poisonIndices);
  const all = [...pos, ...neg];
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const width = hi > lo ? (hi - lo) / bins : 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  const count = (v: number[]) => {
    const c = new Array<number>(bins).fill(0);
    for (const x of v) c[Math.min(bins - 1, Math.floor((x - lo) / width))]++;
    return c;
  };
  return { statistic, edges, poisons: count(pos), benign: count(neg) };
}

/** What a removal decision took out, against the true poison indices (n = examples judged). */
export function removalCounts(remove: readonly number[], poisonIndices: readonly number[], n: number): { removed: number; removedPoisons: number; poisons: number; cleanRemoved: number; clean: number } {
  const isPoison = new Set(poisonIndices);
  const removedPoisons = remove.filter((i) => isPoison.has(i)).length;
  return { removed: remove.length, removedPoisons, poisons: isPoison.size, cleanRemoved: remove.length - removedPoisons, clean: n - isPoison.size };
}
