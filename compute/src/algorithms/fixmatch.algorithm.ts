import * as tf from '@tensorflow/tfjs-core';
import { Algorithm, AlgorithmName, AlgorithmParams, PreparedStep, StepContext } from './algorithm.types';
import { crossEntropyPerExample, hardPseudoLabels, ramp, softCrossEntropy, splitRows } from './losses';

/**
 * Shared shape of FixMatch and Pseudo-Label: hard pseudo-labels from a weak view, computed
 * OFF the gradient tape (no gradient flows through targets anyway, and it halves memory), then
 * a masked cross-entropy on the `student` view (strong for FixMatch, the same weak view for
 * Pseudo-Label), forwarded together with the labeled batch so batch norm sees both.
 */
function thresholdedSelfTraining(name: AlgorithmName, defaults: AlgorithmParams, studentStrong: boolean): Algorithm {
  return {
    name,
    unlabeledRatio: 1,
    defaults,
    prepare(ctx: StepContext): PreparedStep {
      const { model, xl, yl, params } = ctx;
      const xu = ctx.xu!;
      const uWeak = ctx.weak(xu);
      const { targets, mask } = tf.tidy(() =>
        hardPseudoLabels(ctx.teacher(uWeak), params.threshold));
      const uStudent = studentStrong ? ctx.strong(xu) : uWeak;
      const both = tf.concat([xl, uStudent], 0);
      const w = params.lambdaU * ramp(ctx.step, ctx.totalSteps, params.rampFraction);
      const prepared: PreparedStep = {
        parts: null,
        dispose: studentStrong ? [uWeak, uStudent, targets, mask, both] : [uWeak, targets, mask, both],
        lossFn: () => {
          const { logits } = model.apply(both, true);
          const [ll, lu] = splitRows(logits, xl.shape[0]);
          const ls = softCrossEntropy(ll, yl);
          const lunl = tf.mean(tf.mul(crossEntropyPerExample(lu, targets), mask)) as tf.Scalar;
          const total = tf.add(ls, tf.mul(lunl, w)) as tf.Scalar;
          prepared.parts = { total: tf.keep(tf.clone(total)), supervised: tf.keep(ls), unsupervised: tf.keep(lunl), maskRate: tf.keep(tf.mean(mask) as tf.Scalar) };
          return total;
        },
      };
      return prepared;
    },
  };
}

/** FixMatch (Sohn et al. 2020): tau 0.95, lambda_u 1, weak -> strong consistency. */
export const fixmatch: Algorithm = thresholdedSelfTraining(
  'fixmatch', { threshold: 0.95, lambdaU: 1, rampFraction: 0, temperature: 1, k: 1, alpha: 0.75 }, true);

/** Pseudo-Label (Lee 2013, as in Oliver et al. 2018): thresholded hard labels on the weak view, ramped weight. */
export const pseudoLabel: Algorithm = thresholdedSelfTraining(
  'pseudo-label', { threshold: 0.95, lambdaU: 1, rampFraction: 0.4, temperature: 1, k: 1, alpha: 0.75 }, false);
