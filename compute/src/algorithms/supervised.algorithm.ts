import * as tf from '@tensorflow/tfjs-core';
import { Algorithm, PreparedStep, StepContext } from './algorithm.types';
import { softCrossEntropy } from './losses';

/** Baseline: cross-entropy on the weakly augmented labeled batch only. */
export const supervised: Algorithm = {
  name: 'supervised',
  unlabeledRatio: 0,
  defaults: { threshold: 0.95, lambdaU: 0, rampFraction: 0, temperature: 1, k: 1, alpha: 0.75 },
  prepare(ctx: StepContext): PreparedStep {
    const prepared: PreparedStep = {
      parts: null,
      dispose: [],
      lossFn: () => {
        const { logits } = ctx.model.apply(ctx.xl, true);
        const loss = softCrossEntropy(logits, ctx.yl);
        prepared.parts = { total: tf.keep(tf.clone(loss)), supervised: tf.keep(tf.clone(loss)), unsupervised: tf.keep(tf.scalar(0)), maskRate: null };
        return loss;
      },
    };
    return prepared;
  },
};
