import * as tf from '@tensorflow/tfjs-core';

/** A softmax-regression last layer over fixed features (the transfer-learning victim of Poison Frogs). */
export interface LinearHead {
  /** Softmax probabilities, n x K. */
  predict(features: Float32Array, n: number): Float32Array;
  dispose(): void;
}

/**
 * Retrains the last layer on fixed features: full-batch Adam on cross-entropy with a small L2 penalty, to
 * convergence as in the paper's transfer experiment. Weights start at zero, so the result depends only on the data.
 */
export function trainLinearHead(
  features: Float32Array,
  labels: Int32Array,
  n: number,
  numClasses: number,
  opts: { epochs?: number; learningRate?: number; l2?: number; signal?: AbortSignal } = {},
): LinearHead {
  const k = features.length / n;
  const epochs = opts.epochs ?? 400;
  const l2 = opts.l2 ?? 1e-4;
  const x = tf.tensor2d(features, [n, k]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), numClasses).toFloat();
  // Standardise features so a single learning rate suits any extractor.
  const mean = tf.mean(x, 0);
  const std = tf.sqrt(tf.moments(x, 0).variance).add(1e-6);
  const xs = x.sub(mean).div(std);
  const w = tf.variable(tf.zeros([k, numClasses]));
  const b = tf.variable(tf.zeros([numClasses]));
  const opt = tf.train.adam(opts.learningRate ?? 0.05);
  for (let e = 0; e < epochs; e++) {
    if (opts.signal?.aborted) break;
    tf.tidy(() => {
      opt.minimize(() => tf.losses.softmaxCrossEntropy(y, xs.matMul(w).add(b)).add(tf.sum(tf.square(w)).mul(l2)) as tf.Scalar);
    });
  }
  tf.dispose([x, y, xs]);
  opt.dispose();
  return {
    predict(f: Float32Array, m: number): Float32Array {
      return tf.tidy(() => tf.softmax(tf.tensor2d(f, [m, k]).sub(mean).div(std).matMul(w).add(b)).dataSync() as Float32Array).slice();
    },
    dispose() {
      tf.dispose([w, b, mean, std]);
    },
  };
}
