import { detectionSummary, topScored } from '@frogpond/compute/defenses';
import type { ReplicateScores } from '@frogpond/compute/benchmark/files';
import type { ReplicateTruth } from './benchmark-files';
import type { ReplicateScore, ScoreHistogram } from './submission.entity';

const BINS = 20;

/** Equal-width histogram of the scores over their own range, poisons and benign examples counted apart. */
export function scoreHistogram(scores: ArrayLike<number>, isPoison: Uint8Array): ScoreHistogram {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    lo = Math.min(lo, scores[i]);
    hi = Math.max(hi, scores[i]);
  }
  if (!(hi > lo)) hi = lo + 1;
  const width = (hi - lo) / BINS;
  const poisons = new Array<number>(BINS).fill(0);
  const benign = new Array<number>(BINS).fill(0);
  for (let i = 0; i < scores.length; i++) {
    const b = Math.min(BINS - 1, Math.floor((scores[i] - lo) / width));
    (isPoison[i] ? poisons : benign)[b]++;
  }
  return { edges: Array.from({ length: BINS + 1 }, (_, k) => lo + k * width), poisons, benign };
}

export interface ScoredReplicates {
  detection: ReplicateScore[];
  /** Removed positions per replicate, in the published order. */
  removed: number[][];
  auc: number | null;
  tprAt1: number | null;
  tprAt5: number | null;
  removedPoisons: number;
  removedClean: number;
}

const mean = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

/**
 * Detection metrics of a parsed score file against the sequestered truth. The removal is the file's explicit list
 * when it gives one, else the `removalFraction` highest-scored examples of each replicate.
 */
export function scoreAgainstTruth(parsed: Map<string, ReplicateScores>, truth: ReplicateTruth[], removalFraction: number | null): ScoredReplicates {
  const detection: ReplicateScore[] = [];
  const removed: number[][] = [];
  for (const t of truth) {
    const r = parsed.get(t.id)!;
    const gone = removalFraction !== null ? topScored(r.scores, Math.round(removalFraction * t.unlabeledCount)) : [...r.removed!].sort((a, b) => a - b);
    const isPoison = new Uint8Array(t.unlabeledCount);
    for (const i of t.poisonIndices) isPoison[i] = 1;
    const s = detectionSummary(r.scores, t.poisonIndices, gone);
    detection.push({ replicate: t.id, ...s, histogram: scoreHistogram(r.scores, isPoison) });
    removed.push(gone);
  }
  return {
    detection, removed,
    auc: mean(detection.map((d) => d.auc)), tprAt1: mean(detection.map((d) => d.tprAt1)), tprAt5: mean(detection.map((d) => d.tprAt5)),
    removedPoisons: detection.reduce((a, d) => a + d.removedPoisons, 0), removedClean: detection.reduce((a, d) => a + d.removedClean, 0),
  };
}
