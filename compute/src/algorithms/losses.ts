import * as tf from '@tensorflow/tfjs-core';

/** Mean cross-entropy with (soft or one-hot) targets. */
export function softCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), 1))) as tf.Scalar);
}

/** Per-example cross-entropy [n]. */
export function crossEntropyPerExample(logits: tf.Tensor2D, targets: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), 1)) as tf.Tensor1D);
}

/** Confidence-thresholded hard pseudo-labels from logits: one-hot targets and a 0/1 mask. */
export function hardPseudoLabels(logits: tf.Tensor2D, threshold: number): { targets: tf.Tensor2D; mask: tf.Tensor1D } {
  return tf.tidy(() => {
    const p = tf.softmax(logits);
    const K = logits.shape[1];
    const targets = tf.cast(tf.oneHot(tf.argMax(p, 1) as tf.Tensor1D, K), 'float32') as tf.Tensor2D;
    const mask = tf.cast(tf.greaterEqual(tf.max(p, 1), threshold), 'float32') as tf.Tensor1D;
    return { targets, mask };
  });
}

/** Sharpening p^(1/T) renormalised (MixMatch). */
export function sharpen(p: tf.Tensor2D, T: number): tf.Tensor2D {
  return tf.tidy(() => {
    const q = tf.pow(p, 1 / T);
    return tf.div(q, tf.sum(q, 1, true)) as tf.Tensor2D;
  });
}

/** Linear ramp from 0 to 1 over `fraction` of the run (1 when fraction is 0). */
export function ramp(step: number, total: number, fraction: number): number {
  if (fraction <= 0) return 1;
  return Math.min(1, step / Math.max(1, fraction * total));
}

/** Splits a batch along axis 0 into [first n, rest]. */
export function splitRows<T extends tf.Tensor>(t: T, n: number): [T, T] {
  const rest = t.shape[0] - n;
  return [tf.slice(t, 0, n) as T, tf.slice(t, n, rest) as T];
}
