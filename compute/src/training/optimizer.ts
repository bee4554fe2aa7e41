import * as tf from '@tensorflow/tfjs-core';

export interface SgdOptions { lr: number; momentum: number; nesterov: boolean; weightDecay: number; cosine: boolean; totalSteps: number }

/** FixMatch's cosine decay: lr * cos(7 pi t / (16 T)). */
export function cosineLr(lr: number, step: number, total: number): number {
  return lr * Math.cos((7 * Math.PI * step) / (16 * Math.max(1, total)));
}

/**
 * SGD with (Nesterov) momentum and L2 weight decay added to the gradient of the decayed
 * parameters (convolution / dense kernels, not biases or batch norm), as in the reference code.
 */
export class SgdNesterov {
  private readonly buffers: tf.Variable[];
  constructor(private readonly vars: tf.Variable[], private readonly decay: boolean[], private readonly o: SgdOptions) {
    this.buffers = vars.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
  }
  learningRate(step: number): number {
    return this.o.cosine ? cosineLr(this.o.lr, step, this.o.totalSteps) : this.o.lr;
  }
  /** Applies one update with gradients in the same order as the variables. */
  apply(grads: readonly tf.Tensor[], step: number): void {
    const lr = this.learningRate(step);
    const { momentum: m, nesterov, weightDecay: wd } = this.o;
    tf.tidy(() => {
      this.vars.forEach((v, i) => {
        const g = this.decay[i] && wd > 0 ? tf.add(grads[i], tf.mul(v, wd)) : grads[i];
        const buf = tf.add(tf.mul(this.buffers[i], m), g);
        this.buffers[i].assign(buf);
        const upd = nesterov ? tf.add(g, tf.mul(buf, m)) : buf;
        v.assign(tf.sub(v, tf.mul(upd, lr)));
      });
    });
  }
  dispose(): void {
    this.buffers.forEach((b) => b.dispose());
  }
}

/**
 * Exponential moving average of the weights for evaluation. The effective decay is
 * min(decay, (1 + t) / (10 + t)) so that short runs are not dominated by the initialisation.
 */
export class WeightEma {
  readonly weights: tf.Variable[];
  constructor(private readonly vars: tf.Variable[], private readonly decay: number) {
    this.weights = vars.map((v) => tf.tidy(() => tf.variable(tf.clone(v), false)));
  }
  update(step: number): void {
    const d = Math.min(this.decay, (1 + step) / (10 + step));
    tf.tidy(() => {
      this.weights.forEach((e, i) => e.assign(tf.add(tf.mul(e, d), tf.mul(this.vars[i], 1 - d))));
    });
  }
  dispose(): void {
    this.weights.forEach((w) => w.dispose());
  }
}
