/**
 * Training-mode batch normalisation with a closed-form gradient.
 *
 * Why: the stock gradient flows through tf.moments and materialises several full-size
 * intermediates per layer; on WASM (4 GiB cap) that ran out of memory at a CIFAR-sized
 * FixMatch batch and was slow. The analytic gradient needs only x-hat and 1/sigma.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface BatchNormResult {
  y: tf.Tensor;
  /** Batch mean over all axes but the last (kept: caller disposes). */
  mean: tf.Tensor1D;
  /** Biased batch variance over all axes but the last (kept: caller disposes). */
  variance: tf.Tensor1D;
}

/**
 * y = gamma * (x - mean) / sqrt(var + eps) + beta over all axes but the last.
 * Gradients: dbeta = sum(dy); dgamma = sum(dy * xhat);
 * dx = gamma / sigma * (dy - dbeta / M - xhat * dgamma / M).
 * Returns the batch statistics too (for running averages); they are not on the tape.
 */
export function batchNormTrain(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-3): BatchNormResult {
  const c = x.shape[x.shape.length - 1];
  const m = x.size / c;
  // Column sums as X^T[C,M] x ones[M,1]: on WASM a reduction over leading axes transposes the whole
  // tensor first, while matMul runs on XNNPACK. X must be the GEMM input, not its "weights":
  // XNNPACK re-packs the weight matrix whenever it changes, which for X cost 4x more.
  const colSum = (t: tf.Tensor, ones: tf.Tensor2D) => tf.reshape(tf.matMul(tf.reshape(t, [m, c]), ones, true, false), [c]) as tf.Tensor1D;
  let stats: { mean: tf.Tensor1D; variance: tf.Tensor1D } | null = null;
  const op = tf.customGrad((xIn, gIn, bIn, save) => {
    const xx = xIn as tf.Tensor;
    const g = gIn as tf.Tensor1D;
    const b = bIn as tf.Tensor1D;
    const ones = tf.ones([m, 1]) as tf.Tensor2D;
    const mean = tf.div(colSum(xx, ones), m) as tf.Tensor1D;
    const centered = tf.sub(xx, mean);
    const variance = tf.div(colSum(tf.square(centered), ones), m) as tf.Tensor1D;
    const invStd = tf.rsqrt(tf.add(variance, eps)) as tf.Tensor1D;
    const xhat = tf.mul(centered, invStd);
    const value = tf.add(tf.mul(xhat, g), b);
    (save as (ts: tf.Tensor[]) => void)([xhat, invStd, g, ones]);
    stats = { mean: tf.keep(mean), variance: tf.keep(variance) };
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const d = dy as tf.Tensor;
        const [sxhat, sinv, sg, sones] = saved;
        const dbeta = colSum(d, sones as tf.Tensor2D);
        const dgamma = colSum(tf.mul(d, sxhat), sones as tf.Tensor2D);
        const scale = tf.mul(sg, sinv);
        const inner = tf.sub(tf.sub(d, tf.div(dbeta, m)), tf.mul(sxhat, tf.div(dgamma, m)));
        return [tf.mul(inner, scale), dgamma, dbeta];
      },
    };
  });
  const y = op(x, gamma, beta);
  const s = stats as unknown as { mean: tf.Tensor1D; variance: tf.Tensor1D };
  return { y, mean: s.mean, variance: s.variance };
}

/** Inference-mode batch norm with fixed statistics. */
export function batchNormInfer(x: tf.Tensor, mean: tf.Tensor1D, variance: tf.Tensor1D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-3): tf.Tensor {
  return tf.tidy(() => tf.add(tf.mul(tf.sub(x, mean), tf.mul(gamma, tf.rsqrt(tf.add(variance, eps)))), beta));
}
