import * as tf from '@tensorflow/tfjs-core';
import { Algorithm, PreparedStep, StepContext } from './algorithm.types';
import { ramp, sharpen, softCrossEntropy, splitRows } from './losses';
import { permutation } from '../data/prng';

/**
 * MixMatch (Berthelot et al. 2019): K weak views per unlabeled example, averaged and sharpened
 * (T) label guesses, MixUp with lambda' = max(l, 1-l), l ~ Beta(alpha, alpha) over the joint
 * labeled+unlabeled batch; cross-entropy on the mixed labeled part, squared error on the mixed
 * unlabeled part weighted by a linearly ramped lambda_u. Guessing and mixing happen off the tape.
 * Draws half of mu*B unlabeled examples so the K=2 views cost the same as FixMatch's strong batch.
 */
export const mixmatch: Algorithm = {
  name: 'mixmatch',
  unlabeledRatio: 0.5,
  defaults: { threshold: 0.95, lambdaU: 75, rampFraction: 0.4, temperature: 0.5, k: 2, alpha: 0.75 },
  prepare(ctx: StepContext): PreparedStep {
    const { model, xl, yl, params, rng } = ctx;
    const xu = ctx.xu!;
    const views = Array.from({ length: params.k }, () => ctx.weak(xu));
    const nl = xl.shape[0];
    const lam0 = rng.beta(params.alpha, params.alpha);
    const lam = Math.max(lam0, 1 - lam0);
    const { xMix, yMix } = tf.tidy(() => {
      const probs = views.map((v) => tf.softmax(ctx.teacher(v)));
      const q = sharpen(tf.div(tf.addN(probs), params.k) as tf.Tensor2D, params.temperature);
      const xAll = tf.concat([xl, ...views], 0);
      const yAll = tf.concat([yl, ...views.map(() => q)], 0);
      const perm = tf.tensor1d(permutation(xAll.shape[0], rng), 'int32');
      return {
        xMix: tf.add(tf.mul(xAll, lam), tf.mul(tf.gather(xAll, perm), 1 - lam)) as tf.Tensor4D,
        yMix: tf.add(tf.mul(yAll, lam), tf.mul(tf.gather(yAll, perm), 1 - lam)) as tf.Tensor2D,
      };
    });
    const w = params.lambdaU * ramp(ctx.step, ctx.totalSteps, params.rampFraction);
    const prepared: PreparedStep = {
      parts: null,
      dispose: [...views, xMix, yMix],
      lossFn: () => {
        const { logits } = model.apply(xMix, true);
        const [ll, lu] = splitRows(logits, nl);
        const [tl, tu] = splitRows(yMix, nl);
        const ls = softCrossEntropy(ll, tl);
        const lunl = tf.mean(tf.square(tf.sub(tf.softmax(lu), tu))) as tf.Scalar;
        const total = tf.add(ls, tf.mul(lunl, w)) as tf.Scalar;
        prepared.parts = { total: tf.keep(tf.clone(total)), supervised: tf.keep(ls), unsupervised: tf.keep(lunl), maskRate: null };
        return total;
      },
    };
    return prepared;
  },
};
