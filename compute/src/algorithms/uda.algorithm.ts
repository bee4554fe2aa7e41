import * as tf from '@tensorflow/tfjs-core';
import { Algorithm, PreparedStep, StepContext } from './algorithm.types';
import { softCrossEntropy, splitRows } from './losses';

/**
 * UDA (Xie et al. 2020): targets are the weak view's softmax sharpened with temperature T
 * (0.4), kept only where the confidence exceeds the threshold (0.8); the loss is
 * KL(target || p_strong). Targets are computed off the tape.
 */
export const uda: Algorithm = {
  name: 'uda',
  unlabeledRatio: 1,
  defaults: { threshold: 0.8, lambdaU: 1, rampFraction: 0, temperature: 0.4, k: 1, alpha: 0.75 },
  prepare(ctx: StepContext): PreparedStep {
    const { model, xl, yl, params } = ctx;
    const xu = ctx.xu!;
    const uWeak = ctx.weak(xu);
    const { q, mask } = tf.tidy(() => {
      const logits = ctx.teacher(uWeak);
      const p = tf.softmax(logits);
      return {
        q: tf.softmax(tf.div(logits, params.temperature)) as tf.Tensor2D,
        mask: tf.cast(tf.greaterEqual(tf.max(p, 1), params.threshold), 'float32') as tf.Tensor1D,
      };
    });
    const uStrong = ctx.strong(xu);
    const both = tf.concat([xl, uStrong], 0);
    const prepared: PreparedStep = {
      parts: null,
      dispose: [uWeak, uStrong, q, mask, both],
      lossFn: () => {
        const { logits } = model.apply(both, true);
        const [ll, lu] = splitRows(logits, xl.shape[0]);
        const ls = softCrossEntropy(ll, yl);
        const kl = tf.sum(tf.mul(q, tf.sub(tf.log(tf.add(q, 1e-8)), tf.logSoftmax(lu))), 1);
        const lunl = tf.mean(tf.mul(kl, mask)) as tf.Scalar;
        const total = tf.add(ls, tf.mul(lunl, params.lambdaU)) as tf.Scalar;
        prepared.parts = { total: tf.keep(tf.clone(total)), supervised: tf.keep(ls), unsupervised: tf.keep(lunl), maskRate: tf.keep(tf.mean(mask) as tf.Scalar) };
        return total;
      },
    };
    return prepared;
  },
};
