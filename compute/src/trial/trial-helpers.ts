import { createHash } from 'node:crypto';
import { createRng, Rng } from '../data/prng';
import { row } from '../attacks/interpolation.attack';
import { sha256Hex } from './config-hash';
import { TrialData, TrialModel } from './engine.types';
import { TrialAbortError, TrialArtifact, TrialConfigError } from './trial.types';

/** Throws the trial's AbortError when the signal has fired. */
export function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw new TrialAbortError();
}

/** Example size (product of the shape). */
export function exampleSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Index of the largest value in row i of an n x k matrix. */
export function argmaxRow(p: Float32Array, i: number, k: number): number {
  let best = 0;
  for (let j = 1; j < k; j++) if (p[i * k + j] > p[i * k + best]) best = j;
  return best;
}

/** Predicts in batches (keeps memory flat on the WASM backend). */
export function predictBatched(model: TrialModel, x: Float32Array, n: number, d: number, k: number, batch = 256): Float32Array {
  const out = new Float32Array(n * k);
  for (let s = 0; s < n; s += batch) {
    const m = Math.min(batch, n - s);
    out.set(model.predict(x.subarray(s * d, (s + m) * d), m), s * k);
  }
  return out;
}

/** Test accuracy of a model. */
export function accuracy(model: TrialModel, set: { x: Float32Array; y: Int32Array; n: number }, d: number, k: number): number {
  const p = predictBatched(model, set.x, set.n, d, k);
  let ok = 0;
  for (let i = 0; i < set.n; i++) if (argmaxRow(p, i, k) === set.y[i]) ok++;
  return set.n ? ok / set.n : 0;
}

/** Indices i with labels[i] === cls. */
export function indicesOfClass(labels: Int32Array, n: number, cls: number, exclude = -1): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (labels[i] === cls && i !== exclude) out.push(i);
  return out;
}

/** Among the rows `candidates` of the row-major matrix x (row length point.length), the one nearest to point (squared L2). */
export function nearestRow(x: Float32Array, candidates: readonly number[], point: Float32Array): { index: number; distance: number } {
  const d = point.length;
  let index = candidates[0];
  let distance = Infinity;
  for (const i of candidates) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = x[i * d + j] - point[j];
      s += t * t;
    }
    if (s < distance) [index, distance] = [i, s];
  }
  return { index, distance };
}

/**
 * The paired choice every interpolation trial makes first: target x* (test index, true class c), a label
 * y* != c. Drawn from one stream so that an attack trial and its no-poison control with the same seed use the
 * same x* and y*.
 */
export function chooseTargetAndLabel(data: TrialData, seed: number): { rng: Rng; targetIndex: number; targetClass: number; targetLabel: number } {
  const rng = createRng(seed, 'trial-target');
  if (data.test.n === 0) throw new TrialConfigError('the test set is empty');
  const targetIndex = rng.int(data.test.n);
  const targetClass = data.test.y[targetIndex];
  let targetLabel = rng.int(data.numClasses - 1);
  if (targetLabel >= targetClass) targetLabel++;
  return { rng, targetIndex, targetClass, targetLabel };
}

/** Picks one item; throws a clear error when there is none. */
export function pick<T>(rng: Rng, items: readonly T[], what: string): T {
  if (!items.length) throw new TrialConfigError(`no ${what} available in this split`);
  return items[rng.int(items.length)];
}

/** Returns a copy of the data whose unlabeled set has `extra` appended (their yTrue set to `extraLabel`). */
export function appendUnlabeled(data: TrialData, extra: Float32Array, count: number, extraLabel: number): TrialData {
  const d = exampleSize(data.shape);
  const x = new Float32Array((data.unlabeled.n + count) * d);
  x.set(data.unlabeled.x.subarray(0, data.unlabeled.n * d), 0);
  x.set(extra.subarray(0, count * d), data.unlabeled.n * d);
  const yTrue = new Int32Array(data.unlabeled.n + count);
  if (data.unlabeled.yTrue) yTrue.set(data.unlabeled.yTrue.subarray(0, data.unlabeled.n));
  yTrue.fill(extraLabel, data.unlabeled.n);
  return { ...data, unlabeled: { x, n: data.unlabeled.n + count, yTrue } };
}

/** Returns a copy of the data without the given unlabeled indices, and the old -> new index map (-1: removed). */
export function dropUnlabeled(data: TrialData, remove: readonly number[]): { data: TrialData; map: Int32Array } {
  const d = exampleSize(data.shape);
  const gone = new Set(remove);
  const map = new Int32Array(data.unlabeled.n).fill(-1);
  const keep: number[] = [];
  for (let i = 0; i < data.unlabeled.n; i++) if (!gone.has(i)) { map[i] = keep.length; keep.push(i); }
  if (!gone.size) return { data, map };
  const x = new Float32Array(keep.length * d);
  const yTrue = new Int32Array(keep.length);
  keep.forEach((src, j) => {
    x.set(data.unlabeled.x.subarray(src * d, (src + 1) * d), j * d);
    yTrue[j] = data.unlabeled.yTrue ? data.unlabeled.yTrue[src] : -1;
  });
  return { data: { ...data, unlabeled: { x, n: keep.length, yTrue } }, map };
}

/** Row i of a set, as float32 in [0,1]. */
export function exampleAt(set: { x: Float32Array | Uint8Array }, i: number, d: number): Float32Array {
  return row(set.x, i, d);
}

/** Wraps PNG bytes as an artifact. */
export function pngArtifact(kind: TrialArtifact['kind'], bytes: Uint8Array): TrialArtifact {
  return { kind, mime: 'image/png', bytes, sha256: sha256Hex(bytes) };
}

/** sha256 over a clean split (labeled x and y, unlabeled x, test x and y): the data a trial starts from. */
export function splitSha256(data: TrialData): string {
  const h = createHash('sha256');
  const add = (a: Float32Array | Int32Array | Uint8Array) => h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  h.update(JSON.stringify({ shape: data.shape, numClasses: data.numClasses, n: [data.labeled.n, data.unlabeled.n, data.test.n] }));
  add(data.labeled.x); add(data.labeled.y); add(data.unlabeled.x); add(data.test.x); add(data.test.y);
  return h.digest('hex');
}
