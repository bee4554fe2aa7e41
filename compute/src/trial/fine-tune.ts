import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../data/prng';
import { TrialModel } from './engine.types';

/** The parts of the compute engine's TrainedModel that whole-network fine-tuning needs. */
interface WarmModel extends TrialModel {
  network: { variables: tf.Variable[]; state: tf.Variable[]; apply(x: tf.Tensor, training: boolean): { logits: tf.Tensor } };
  emaWeights: tf.Variable[];
}

function isWarmModel(m: TrialModel): m is WarmModel {
  return 'network' in m && 'emaWeights' in m;
}

/**
 * End-to-end retraining from a warm start (Poison Frogs' second setting): every layer of the pre-trained network is
 * trained further on `x, y` (clean fine-tuning data plus the poisons), then `evaluate` runs on the result. The
 * pre-trained weights are restored afterwards, because the extractor is cached and shared between trials.
 */
export async function withFineTuned<T>(
  model: TrialModel,
  data: { x: Float32Array; y: Int32Array; n: number; shape: number[]; numClasses: number },
  opts: { steps: number; batchSize: number; learningRate: number; seed: number; signal?: AbortSignal },
  evaluate: (predict: (x: Float32Array, n: number) => Float32Array) => T,
): Promise<T> {
  if (!isWarmModel(model)) throw Object.assign(new Error('end-to-end retraining needs a model with trainable variables'), { code: 'BAD_USER_INPUT' });
  const net = model.network;
  const saved = [...net.variables, ...net.state].map((v) => v.clone());
  const d = data.shape.reduce((a, b) => a * b, 1);
  const rng = createRng(opts.seed, 'fine-tune');
  const opt = tf.train.adam(opts.learningRate);
  try {
    // Start from the EMA weights, which are what the pre-trained model predicts with.
    net.variables.forEach((v, i) => v.assign(model.emaWeights[i]));
    const b = Math.min(opts.batchSize, data.n);
    for (let s = 0; s < opts.steps; s++) {
      if (opts.signal?.aborted) throw Object.assign(new Error('fine-tuning aborted'), { name: 'AbortError' });
      const idx = Array.from({ length: b }, () => rng.int(data.n));
      const xb = new Float32Array(b * d);
      idx.forEach((j, k) => xb.set(data.x.subarray(j * d, (j + 1) * d), k * d));
      tf.tidy(() => {
        const x = tf.tensor(xb, [b, ...data.shape]);
        const y = tf.oneHot(tf.tensor1d(idx.map((j) => data.y[j]), 'int32'), data.numClasses).toFloat();
        opt.minimize(() => tf.losses.softmaxCrossEntropy(y, net.apply(x, true).logits) as tf.Scalar, false, net.variables);
      });
      if (s % 20 === 19) await new Promise((r) => setImmediate(r));
    }
    const predict = (x: Float32Array, n: number): Float32Array =>
      tf.tidy(() => tf.softmax(net.apply(tf.tensor(x, [n, ...data.shape]), false).logits).dataSync() as Float32Array).slice();
    return evaluate(predict);
  } finally {
    [...net.variables, ...net.state].forEach((v, i) => v.assign(saved[i]));
    tf.dispose(saved);
    opt.dispose();
  }
}
