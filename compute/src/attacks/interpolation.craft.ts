import { densityPositions, parseDensityExpression } from '../densities';
import { interpolationPath, splitBudget } from './interpolation.attack';

/** Poisons crafted for one trial, in the order they are appended to the unlabeled set. */
export interface CraftedPath {
  /** count x D, the main path x' -> x* first, then any bridges. */
  poisons: Float32Array;
  count: number;
  /** a_i of the main path's poisons (its first `alphas.length` rows). */
  alphas: number[];
}

/**
 * Pixel-space interpolation poisoning: N poisons from source x' to target x*, placed at the density's quantiles.
 * `density` is an expression in the safe grammar (default '1': uniform).
 */
export function craftInterpolationPath(source: Float32Array, target: Float32Array, count: number, density = '1'): CraftedPath {
  const alphas = densityPositions(parseDensityExpression(density), count);
  return { poisons: interpolationPath(source, target, alphas), count, alphas };
}

/**
 * Zero-knowledge variant: the source is an unlabeled example (no labeled data is known). Half of the budget bridges
 * x' -> x*; the rest builds paths from x' to `bridgeTargets` (other examples the attacker believes are of class y*),
 * so that x' gets pseudo-label y* instead of some intermediate class.
 */
export function craftZeroKnowledgePath(
  source: Float32Array,
  target: Float32Array,
  bridgeTargets: Float32Array[],
  count: number,
  density = '1',
): CraftedPath {
  const parts = splitBudget(count, bridgeTargets.length);
  const expr = parseDensityExpression(density);
  const d = source.length;
  const poisons = new Float32Array(count * d);
  const alphas = densityPositions(expr, parts[0]);
  poisons.set(interpolationPath(source, target, alphas), 0);
  let offset = parts[0];
  parts.slice(1).forEach((n, k) => {
    // The bridges start at x' itself, which the main path already contains: skip their a = 0 copy.
    const a = densityPositions(expr, n + 1).slice(1);
    poisons.set(interpolationPath(source, bridgeTargets[k], a), offset * d);
    offset += n;
  });
  return { poisons, count, alphas };
}

/**
 * Latent-space ("generative") interpolation: decode (1-a) z' + a z*, and add the decoder's reconstruction residuals
 * (1-a)(x' - G(z')) + a (x* - G(z*)) so that the endpoints are still exactly x' and x* (the seed: when G(z') != x',
 * bridge the remaining gap in pixel space).
 */
export function craftLatentPath(
  source: Float32Array,
  target: Float32Array,
  count: number,
  density: string,
  codec: { encode(x: Float32Array): Float32Array; decode(z: Float32Array): Float32Array },
): CraftedPath {
  const alphas = densityPositions(parseDensityExpression(density), count);
  const d = source.length;
  const zs = codec.encode(source);
  const zt = codec.encode(target);
  const rs = codec.decode(zs);
  const rt = codec.decode(zt);
  const poisons = new Float32Array(count * d);
  alphas.forEach((a, i) => {
    const z = zs.map((v, k) => (1 - a) * v + a * zt[k]);
    const g = codec.decode(z);
    for (let k = 0; k < d; k++) {
      const v = a === 0 ? source[k] : a === 1 ? target[k] : g[k] + (1 - a) * (source[k] - rs[k]) + a * (target[k] - rt[k]);
      poisons[i * d + k] = Math.min(1, Math.max(0, v));
    }
  });
  return { poisons, count, alphas };
}
