import { Dataset, SslData, imageSize } from './dataset.types';
import { createRng, permutation } from './prng';

export interface SslSplitOptions {
  /** Label budget: total labeled examples, spread evenly over the classes (remainder to random classes). */
  labels: number;
  seed: number;
  /** Cap on the unlabeled set (mini preset). */
  maxUnlabeled?: number;
  /** Cap on the test set (mini preset). */
  maxTest?: number;
}

function toFloat(x: Uint8Array | Float32Array, idx: ArrayLike<number>, d: number): Float32Array {
  const out = new Float32Array(idx.length * d);
  const scale = x instanceof Uint8Array ? 1 / 255 : 1;
  for (let i = 0; i < idx.length; i++) {
    const src = idx[i] * d;
    for (let j = 0; j < d; j++) out[i * d + j] = x[src + j] * scale;
  }
  return out;
}

/**
 * Seeded, class-balanced semi-supervised split of `dataset.train`: `labels` labeled examples
 * (labels/numClasses per class), the rest unlabeled (true labels kept only for evaluation,
 * optionally capped), and the test set (optionally capped). Same seed, same split.
 * Pixels become float32 in [0,1].
 */
export function makeSslSplit(dataset: Dataset, opts: SslSplitOptions): SslData {
  const K = dataset.numClasses;
  const { train, test } = dataset;
  if (!Number.isInteger(opts.labels) || opts.labels < K) {
    throw Object.assign(new Error(`labels must be an integer >= number of classes (${K}), got ${opts.labels}`), { code: 'BAD_USER_INPUT' });
  }
  const rng = createRng(opts.seed, 'ssl-split');
  const byClass: number[][] = Array.from({ length: K }, () => []);
  for (const i of permutation(train.n, rng)) byClass[train.y[i]].push(i);
  const quota = new Array<number>(K).fill(Math.floor(opts.labels / K));
  const extraOrder = permutation(K, rng);
  for (let r = 0; r < opts.labels % K; r++) quota[extraOrder[r]]++;
  const labeled: number[] = [];
  const rest: number[] = [];
  byClass.forEach((list, c) => {
    if (list.length < quota[c]) {
      throw Object.assign(new Error(`class ${c} has only ${list.length} training examples, ${quota[c]} labels requested`), { code: 'BAD_USER_INPUT' });
    }
    labeled.push(...list.slice(0, quota[c]));
    rest.push(...list.slice(quota[c]));
  });
  // Interleave classes fairly, then cap: shuffle the remainder with the split's stream.
  const restPerm = permutation(rest.length, rng);
  let unl = Array.from(restPerm, (p) => rest[p]);
  if (opts.maxUnlabeled !== undefined) unl = unl.slice(0, opts.maxUnlabeled);
  const lperm = permutation(labeled.length, rng);
  const lab = Array.from(lperm, (p) => labeled[p]);
  let testIdx = Array.from(permutation(test.n, createRng(opts.seed, 'ssl-test')));
  if (opts.maxTest !== undefined) testIdx = testIdx.slice(0, opts.maxTest);
  const d = imageSize(dataset.shape);
  const pick = (y: Int32Array, idx: number[]) => Int32Array.from(idx, (i) => y[i]);
  return {
    name: dataset.name, shape: dataset.shape, numClasses: K, allowFlip: dataset.allowFlip,
    labeled: { x: toFloat(train.x, lab, d), y: pick(train.y, lab), n: lab.length },
    unlabeled: { x: toFloat(train.x, unl, d), n: unl.length, yTrue: pick(train.y, unl) },
    test: { x: toFloat(test.x, testIdx, d), y: pick(test.y, testIdx), n: testIdx.length },
  };
}

/** Returns a copy of `data` without the given unlabeled indices (used by defenses' filters). */
export function dropUnlabeled(data: SslData, drop: Iterable<number>): SslData {
  const del = new Set(drop);
  const keep: number[] = [];
  for (let i = 0; i < data.unlabeled.n; i++) if (!del.has(i)) keep.push(i);
  const d = imageSize(data.shape);
  const x = new Float32Array(keep.length * d);
  keep.forEach((i, k) => x.set(data.unlabeled.x.subarray(i * d, (i + 1) * d), k * d));
  return { ...data, unlabeled: { x, n: keep.length, yTrue: Int32Array.from(keep, (i) => data.unlabeled.yTrue[i]) } };
}
