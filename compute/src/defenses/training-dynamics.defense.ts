import * as tf from '@tensorflow/tfjs-core';
import { DefenseParamError } from './pixel-clustering.defense';

/** Options of the training-dynamics influence score. */
export interface InfluenceOptions {
  /** How many nearest (least-Influence) neighbours are averaged: the paper's close_5. */
  neighbours: number;
  /** Rows of the pairwise Influence matrix computed at once (memory: blockRows x n floats). Default: what fits 8M floats. */
  blockRows?: number;
}

/** How the influence defense turns scores into removals. */
export interface TrainingDynamicsOptions extends InfluenceOptions {
  /** detect: score and flag only; remove: drop the flagged examples and retrain from scratch. */
  mode: 'detect' | 'remove';
  /**
   * Flag rule. 'median-ratio': flag u when avgInfluence(u) < ratio x the median avgInfluence (the poisons sit orders of
   * magnitude below the benign bulk, Figure 7); 'lowest-fraction': flag the `fraction` lowest.
   */
  rule: 'median-ratio' | 'lowest-fraction';
  ratio: number;
  fraction: number;
}

/**
 * Lag-one change vectors of a prediction trajectory. `evals[e]` holds the n x c prediction vectors at evaluation e
 * (E evaluations). With the per-epoch changes df_e(u) = f_{e+1}(u) - f_e(u) for e = 0..D-1 (D = E - 1), returns, per
 * example, mu^{0,D-2} (changes 0..D-2, "early") and mu^{1,D-1} (changes 1..D-1, "late"), each of length (D-1) c.
 * The paper's K is the number of changes D: mu_i^{0,K-2} and mu_j^{1,K-1} are the same window shifted by one epoch.
 */
export function changeWindows(evals: readonly Float32Array[], n: number): { early: Float32Array; late: Float32Array; length: number } {
  const E = evals.length;
  if (E < 3) throw new DefenseParamError(`training-dynamics needs at least 3 evaluation points, got ${E}`);
  const c = evals[0].length / n;
  const D = E - 1;
  const L = (D - 1) * c;
  const early = new Float32Array(n * L);
  const late = new Float32Array(n * L);
  for (let i = 0; i < n; i++) {
    for (let e = 0; e < D; e++) {
      for (let k = 0; k < c; k++) {
        const df = evals[e + 1][i * c + k] - evals[e][i * c + k];
        if (e < D - 1) early[i * L + e * c + k] = df;
        if (e > 0) late[i * L + (e - 1) * c + k] = df;
      }
    }
  }
  return { early, late, length: L };
}

/**
 * Training-dynamics influence (Carlini 2021, "Monitoring Training Dynamics"): Influence(u_i, u_j) =
 * ||mu_i^{0,K-2} - mu_j^{1,K-1}||^2, small when u_j repeats, one epoch later, the change u_i made. Returns, per
 * example u, avgInfluence(u) = the mean of Influence(u, v) over its `neighbours` closest v.
 *
 * close_5(u, v): Influence is a (lagged) squared distance, so "close" means small: v ranges over the `neighbours`
 * examples with the smallest Influence(u, v), u itself excluded (Influence(u, u) compares u with its own future and
 * would otherwise count as a neighbour of every example that barely changes). A poison on the path moves right after
 * its neighbour on the path, so its closest examples track it and its score is low; a benign example has no such
 * follower. Low scores are suspicious.
 *
 * Vectorised in tfjs: ||a||^2 + ||b||^2 - 2 a.b with one GEMM per block of rows, so only blockRows x n distances
 * exist at a time (n = 2,000, K = 20, 10 classes: one 2,000 x 2,000 block, a few ms of GEMM).
 */
export function influenceScores(evals: readonly Float32Array[], n: number, opts: InfluenceOptions): Float32Array {
  if (n < 2) return new Float32Array(n);
  const { early, late, length: L } = changeWindows(evals, n);
  const nb = Math.min(opts.neighbours, n - 1);
  const blockRows = Math.max(1, Math.min(n, opts.blockRows ?? Math.floor(8_000_000 / n)));
  const out = new Float32Array(n);
  const B = tf.tensor2d(late, [n, L]);
  const normB = tf.tidy(() => B.square().sum(1).reshape([1, n]));
  try {
    for (let s = 0; s < n; s += blockRows) {
      const m = Math.min(blockRows, n - s);
      const vals = tf.tidy(() => {
        const A = tf.tensor2d(early.subarray(s * L, (s + m) * L), [m, L]);
        const normA = A.square().sum(1).reshape([m, 1]);
        const dist = tf.relu(normA.add(normB).sub(tf.matMul(A, B, false, true).mul(2)));
        // Exclude u itself: push the diagonal of this block far beyond any real distance.
        const self = tf.oneHot(tf.range(s, s + m, 1, 'int32'), n).mul(1e30);
        const { values } = tf.topk(dist.add(self).neg(), nb);
        return values.neg().mean(1).dataSync() as Float32Array;
      });
      out.set(vals, s);
    }
  } finally {
    B.dispose();
    normB.dispose();
  }
  return out;
}

/** The examples the rule flags, ascending, from avgInfluence values (low = suspicious). */
export function flagLowInfluence(avgInfluence: Float32Array, opts: Pick<TrainingDynamicsOptions, 'rule' | 'ratio' | 'fraction'>): number[] {
  const n = avgInfluence.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => avgInfluence[a] - avgInfluence[b] || a - b);
  let flagged: number[];
  if (opts.rule === 'lowest-fraction') {
    flagged = order.slice(0, Math.round(opts.fraction * n));
  } else {
    const median = n ? avgInfluence[order[Math.floor(n / 2)]] : 0;
    flagged = order.filter((i) => avgInfluence[i] < opts.ratio * median);
  }
  return flagged.sort((a, b) => a - b);
}

/** Suspicion scores (higher = more suspicious) from avgInfluence: -log10, so that a histogram shows Figure 7's spread. */
export function influenceSuspicion(avgInfluence: Float32Array): Float32Array {
  return avgInfluence.map((v) => -Math.log10(v + 1e-12));
}

/**
 * Records every unlabeled example's prediction vector at each evaluation point of a training run (the training loop's
 * observer). `indices` are all unlabeled examples; `evals` grows by one n x c matrix per evaluation.
 */
export class TrajectoryRecorder {
  readonly evals: Float32Array[] = [];
  readonly indices: number[];
  constructor(readonly n: number) {
    this.indices = Array.from({ length: n }, (_, i) => i);
  }
  record(probs: Float32Array): void {
    this.evals.push(probs.slice());
  }
}
