import * as tf from '@tensorflow/tfjs-core';

export interface ModelOutput {
  /** Unnormalised class scores [n, K]. */
  logits: tf.Tensor2D;
  /** Penultimate features [n, F] (the space Poison Frogs collides in). */
  features: tf.Tensor2D;
}

export interface ForwardMode {
  /** Batch norm uses batch statistics (true) or running statistics (false). */
  training: boolean;
  /** Update batch-norm running statistics (only meaningful when training). */
  updateStats?: boolean;
}

export type ModelKind = 'mlp' | 'cnn' | 'wrn';

export interface Model {
  kind: ModelKind;
  inputShape: [number, number, number];
  numClasses: number;
  /** Trainable parameters, in a fixed order. */
  variables: tf.Variable[];
  /** Whether weight decay applies to each trainable parameter (not to biases / BN). */
  decay: boolean[];
  /** Non-trainable state (batch-norm running mean / variance). */
  state: tf.Variable[];
  /** Forward pass with the model's own variables; training=true also updates BN statistics. */
  apply(x: tf.Tensor, training: boolean): ModelOutput;
  /** Forward pass with substitute weights (same order as `variables`), e.g. EMA weights. */
  applyWith(weights: readonly tf.Tensor[], x: tf.Tensor, mode: ForwardMode): ModelOutput;
  /** Softmax probabilities for n inputs (NHWC flattened, float in [0,1]), in eval mode. */
  predict(x: Float32Array, n: number, batchSize?: number): Float32Array;
  numParams(): number;
  dispose(): void;
}
