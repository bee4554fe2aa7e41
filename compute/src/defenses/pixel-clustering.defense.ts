import type { Defense, DefenseDecision, DefenseInput } from './defense.hook';

/** Thrown for defense parameters this implementation does not support (maps to BAD_USER_INPUT). */
export class DefenseParamError extends Error {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'DefenseParamError';
  }
}

function sqDist(x: Float32Array, d: number, i: number, j: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) {
    const t = x[i * d + k] - x[j * d + k];
    s += t * t;
  }
  return s;
}

/**
 * RMS distance of a cluster's members from the chord between its two (approximately) farthest members, relative to
 * the chord's length: 0 for points on one line, as a linear interpolation path is.
 */
function chordResidual(x: Float32Array, d: number, list: number[]): number {
  const farthest = (from: number) => list.reduce((best, m) => (sqDist(x, d, from, m) > sqDist(x, d, from, best) ? m : best), list[0]);
  const b = farthest(list[0]);
  const c = farthest(b);
  const len2 = sqDist(x, d, b, c);
  if (len2 === 0) return 0;
  let sum = 0;
  for (const m of list) {
    let dot = 0;
    for (let k = 0; k < d; k++) dot += (x[m * d + k] - x[b * d + k]) * (x[c * d + k] - x[b * d + k]);
    const t2 = (dot * dot) / len2;
    sum += Math.max(0, sqDist(x, d, m, b) - t2);
  }
  return Math.sqrt(sum / list.length / len2);
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]]; // path halving keeps the trees flat
    i = parent[i];
  }
  return i;
}

/**
 * Pixel-space clustering defense (Carlini 2021, Section 6): a linear interpolation path is a chain of images, each
 * a small L2 step from the next, while natural images sit far from their nearest neighbour. Single-linkage
 * agglomerative clustering cut at `thresholdRatio` x the median nearest-neighbour distance therefore joins the whole
 * path into one cluster. With `drop: 'collinear-triples'` (default) every cluster of at least 3 images that lies on a
 * line (RMS distance from its chord at most `maxResidual` x the chord's length) is removed: dense blobs of look-alike
 * natural images are not lines. `drop: 'largest-cluster'` removes the largest cluster of at least 3 instead.
 *
 * Cost is O(n^2 d) time and O(n^2) memory (condensed distances): seconds at the mini scale (a few thousand images),
 * not meant for 50,000 CIFAR-10 images without an index. Scores: higher = closer to its nearest neighbour relative
 * to the median (more suspicious).
 */
export function pixelClusteringDefense(input: DefenseInput): DefenseDecision {
  const { linkage = 'single', drop = 'collinear-triples', thresholdRatio = 0.5, maxResidual = 0.05 } = input.params as Record<string, unknown>;
  if (linkage !== 'single') throw new DefenseParamError(`pixel-clustering: linkage '${String(linkage)}' is not implemented (only 'single')`);
  if (drop !== 'largest-cluster' && drop !== 'collinear-triples') {
    throw new DefenseParamError(`pixel-clustering: drop must be 'collinear-triples' or 'largest-cluster', got '${String(drop)}'`);
  }
  if (typeof thresholdRatio !== 'number' || !(thresholdRatio > 0 && thresholdRatio <= 1)) {
    throw new DefenseParamError('pixel-clustering: thresholdRatio must be a number in (0, 1]');
  }
  if (typeof maxResidual !== 'number' || !(maxResidual >= 0 && maxResidual <= 1)) {
    throw new DefenseParamError('pixel-clustering: maxResidual must be a number in [0, 1]');
  }
  const { x, n } = input.unlabeled;
  if (n < 3) return { remove: [] };
  const d = x.length / n;
  const nn = new Float64Array(n).fill(Infinity);
  const dist = new Float32Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n; i++) {
    if (i % 64 === 0 && input.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    for (let j = i + 1; j < n; j++) {
      const e = Math.sqrt(sqDist(x, d, i, j));
      dist[p++] = e;
      if (e < nn[i]) nn[i] = e;
      if (e < nn[j]) nn[j] = e;
    }
  }
  const sorted = Float64Array.from(nn).sort();
  const median = sorted[Math.floor(n / 2)];
  const cut = thresholdRatio * median;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (dist[p++] < cut) {
        const a = find(parent, i);
        const b = find(parent, j);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(parent, i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  }
  const remove: number[] = [];
  if (drop === 'largest-cluster') {
    // The paper's literal rule. Fragile on real data: dense blobs of look-alike images (MNIST's 1s) can outgrow the path.
    let best: number[] = [];
    for (const list of members.values()) if (list.length >= 3 && list.length > best.length) best = list;
    remove.push(...best);
  } else {
    // What marks a pixel-space path is that its members lie on one line; blobs of near-duplicates do not.
    for (const list of members.values()) {
      if (list.length >= 3 && chordResidual(x, d, list) <= maxResidual) remove.push(...list);
    }
  }
  remove.sort((a, b) => a - b);
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) scores[i] = median > 0 ? 1 / (1 + nn[i] / median) : 0;
  return { remove, scores };
}

export const pixelClustering: Defense = pixelClusteringDefense;
