import * as tf from '@tensorflow/tfjs-core';

/** A model as the evasion step needs it: a differentiable forward pass. */
export interface DifferentiableModel {
  apply(x: tf.Tensor, training: boolean): { logits: tf.Tensor; features: tf.Tensor };
}

/**
 * Transfer variant of interpolation poisoning (the seed's "Transfer Learning" extension): with the initial model
 * known, find x' = x* + delta, delta small, that the initial model already labels y*, by targeted projected gradient
 * descent in an L-infinity ball of radius epsilon. It stops at the first step where the model predicts y* with a
 * margin, keeping delta as small as the search allows. The poison path then bridges the short gap x' -> x*.
 */
export function findSourceByEvasion(
  model: DifferentiableModel,
  shape: readonly number[],
  target: Float32Array,
  targetLabel: number,
  opts: { epsilon: number; steps: number; margin?: number },
): { source: Float32Array; distance: number; reached: boolean } {
  const s = [1, ...shape];
  const x0 = tf.tensor(target, s);
  const step = (2.5 * opts.epsilon) / opts.steps;
  const margin = opts.margin ?? 0.2;
  let x = x0.clone();
  let reached = false;
  const lossFn = (xi: tf.Tensor): tf.Scalar => {
    const logits = model.apply(xi, false).logits;
    const k = logits.shape[logits.shape.length - 1] as number;
    return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d([targetLabel], 'int32'), k), logits) as tf.Scalar;
  };
  const grad = tf.grad(lossFn);
  for (let i = 0; i < opts.steps; i++) {
    const p = tf.tidy(() => tf.softmax(model.apply(x, false).logits).dataSync() as Float32Array);
    const others = Array.from(p).filter((_, j) => j !== targetLabel);
    if (p[targetLabel] - Math.max(...others) > margin) {
      reached = true;
      break;
    }
    const next = tf.tidy(() => {
      const moved = x.sub(tf.sign(grad(x)).mul(step));
      return tf.minimum(tf.maximum(moved, x0.sub(opts.epsilon)), x0.add(opts.epsilon)).clipByValue(0, 1);
    });
    x.dispose();
    x = next;
  }
  const source = Float32Array.from(x.dataSync() as Float32Array);
  let d2 = 0;
  for (let i = 0; i < source.length; i++) d2 += (source[i] - target[i]) ** 2;
  tf.dispose([x, x0]);
  return { source, distance: Math.sqrt(d2), reached };
}
