/**
 * One measurement for every defense: ranking quality of its suspicion scores against the true poison indices (ROC
 * AUC, TPR at a fixed FPR: `rocAuc` and `tprAtFpr` of detection-metrics), what its removal decision took out, and the
 * score histogram of Figure 7.
 */

/** Poison and benign scores split by a set of poison indices. */
function split(scores: ArrayLike<number>, poisonIndices: readonly number[]): { pos: number[]; neg: number[] } {
  const isPoison = new Set(poisonIndices);
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < scores.length; i++) (isPoison.has(i) ? pos : neg).push(scores[i]);
  return { pos, neg };
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
