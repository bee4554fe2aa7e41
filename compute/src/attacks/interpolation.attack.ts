/**
 * Interpolation-consistency poisoning (Carlini 2021): a path of unlabeled points from a source x' (class y*) to the
 * target x*, so that pseudo-labels propagate along it from x' to x*. Pure functions over flattened images.
 */

/** Number of poisons for a rate: N = max(1, round(rate * |unlabeled|)). */
export function poisonCount(rate: number, unlabeledCount: number): number {
  if (!(rate >= 0) || !Number.isFinite(rate)) throw new RangeError(`rate must be a finite number >= 0, got ${rate}`);
  return Math.max(1, Math.round(rate * unlabeledCount));
}

/**
 * Linear pixel blend interp(x', x*, a) = (1-a) x' + a x*. The endpoints are copied, not computed, so a = 0 and
 * a = 1 give exactly the source and the target (floating-point blending would not).
 */
export function interpolate(source: Float32Array, target: Float32Array, alpha: number): Float32Array {
  if (source.length !== target.length) throw new RangeError('source and target differ in size');
  if (alpha === 0) return Float32Array.from(source);
  if (alpha === 1) return Float32Array.from(target);
  const out = new Float32Array(source.length);
  for (let i = 0; i < out.length; i++) out[i] = (1 - alpha) * source[i] + alpha * target[i];
  return out;
}

/** The whole path: one row per alpha, concatenated (alphas.length x D). */
export function interpolationPath(source: Float32Array, target: Float32Array, alphas: readonly number[]): Float32Array {
  const d = source.length;
  const out = new Float32Array(alphas.length * d);
  alphas.forEach((a, i) => out.set(interpolate(source, target, a), i * d));
  return out;
}

/** Copies row `i` of a flattened batch of `d`-sized examples. */
export function row(x: Float32Array | Uint8Array, i: number, d: number): Float32Array {
  const r = x.subarray(i * d, (i + 1) * d);
  if (r instanceof Float32Array) return Float32Array.from(r);
  const out = new Float32Array(d);
  for (let k = 0; k < d; k++) out[k] = r[k] / 255;
  return out;
}

/**
 * Zero-knowledge budget split: the main path x' -> x* gets `mainShare` of the budget and the rest is shared evenly
 * between `bridges` extra paths from x' to other examples of class y*, which make x' itself more likely to be
 * pseudo-labeled y* (the seed: "choosing additional targets and connect each to x' with a path").
 */
export function splitBudget(total: number, bridges: number, mainShare = 0.5): number[] {
  if (bridges <= 0 || total < 2 + 2 * bridges) return [total];
  const main = Math.max(2, Math.round(total * mainShare));
  const rest = total - main;
  const each = Math.floor(rest / bridges);
  const parts = [main + (rest - each * bridges), ...Array.from({ length: bridges }, () => each)];
  return parts.filter((p) => p > 0);
}
