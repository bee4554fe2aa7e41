import * as tf from '@tensorflow/tfjs-core';
import { DefenseParamError } from './pixel-clustering.defense';

/** Options of deep k-NN. */
export interface DeepKnnOptions {
  /** Neighbours consulted; the reference setting is 2 x the expected number of poisons. */
  k: number;
  /** Rows of the pairwise distance matrix computed at once. Default: what fits 8M floats. */
  blockRows?: number;
}

/**
 * Reads deep k-NN's parameters: `k`, or `expectedPoisons` (k = 2 x expectedPoisons, Peri et al.'s reference setting).
 * Without either, k = 2 x `defaultExpectedPoisons` (the trial passes the attack's poison budget).
 */
export function deepKnnOptions(params: Record<string, unknown>, defaultExpectedPoisons: number): DeepKnnOptions {
  const extra = Object.keys(params).filter((key) => key !== 'k' && key !== 'expectedPoisons' && key !== 'blockRows');
  if (extra.length) throw new DefenseParamError(`deep-knn: unknown parameter(s) ${extra.join(', ')}`);
  const { k, expectedPoisons, blockRows } = params;
  if (k !== undefined && (!Number.isInteger(k) || (k as number) < 1 || (k as number) > 10_000)) throw new DefenseParamError('deep-knn: k must be an integer in [1, 10000]');
  if (expectedPoisons !== undefined && (!Number.isInteger(expectedPoisons) || (expectedPoisons as number) < 1)) throw new DefenseParamError('deep-knn: expectedPoisons must be a positive integer');
  if (blockRows !== undefined && (!Number.isInteger(blockRows) || (blockRows as number) < 1)) throw new DefenseParamError('deep-knn: blockRows must be a positive integer');
  const resolved = (k as number | undefined) ?? 2 * Math.max(1, (expectedPoisons as number | undefined) ?? defaultExpectedPoisons);
  return { k: resolved, ...(blockRows === undefined ? {} : { blockRows: blockRows as number }) };
}

/**
 * Deep k-NN (Peri et al. 2020): in a network's penultimate feature space, a training example is removed when the
 * plurality of its k nearest neighbours (squared L2, itself excluded) carries a different label: its own label's count
 * is below the largest count (a tie with its own label keeps it). Only `candidates` are judged (default: every row);
 * neighbours are searched among all n rows. Semi-supervised data has no labels on its unlabeled part: the caller passes
 * the victim's pseudo-labels (argmax of its predictions) for those rows.
 *
 * Returns the removed candidates (ascending, as row indices) and, per candidate, the share of its k neighbours whose
 * label differs from its own (higher = more suspicious).
 */
export function deepKnn(
  features: Float32Array, labels: Int32Array, n: number, opts: DeepKnnOptions, candidates?: readonly number[],
): { remove: number[]; scores: Float32Array } {
  const rows = candidates ?? Array.from({ length: n }, (_, i) => i);
  const scores = new Float32Array(rows.length);
  if (n < 2 || !rows.length) return { remove: [], scores };
  const dim = features.length / n;
  const k = Math.min(opts.k, n - 1);
  const blockRows = Math.max(1, Math.min(rows.length, opts.blockRows ?? Math.floor(8_000_000 / n)));
  const remove: number[] = [];
  const numLabels = labels.reduce((m, v) => Math.max(m, v + 1), 0);
  const X = tf.tensor2d(features, [n, dim]);
  const norm = tf.tidy(() => X.square().sum(1).reshape([1, n]));
  try {
    for (let s = 0; s < rows.length; s += blockRows) {
      const blk = rows.slice(s, s + blockRows);
      const m = blk.length;
      const idx = tf.tidy(() => {
        const at = tf.tensor1d(blk, 'int32');
        const A = tf.gather(X, at);
        const dist = tf.relu(A.square().sum(1).reshape([m, 1]).add(norm).sub(tf.matMul(A, X, false, true).mul(2)));
        const self = tf.oneHot(at, n).mul(1e30);
        return tf.topk(dist.add(self).neg(), k).indices.dataSync() as Int32Array;
      });
      const counts = new Int32Array(numLabels);
      blk.forEach((row, r) => {
        counts.fill(0);
        for (let j = 0; j < k; j++) counts[labels[idx[r * k + j]]]++;
        const own = counts[labels[row]];
        let best = 0;
        for (const c of counts) if (c > best) best = c;
        scores[s + r] = (k - own) / k;
        if (own < best) remove.push(row);
      });
    }
  } finally {
    X.dispose();
    norm.dispose();
  }
  return { remove: remove.sort((a, b) => a - b), scores };
}
