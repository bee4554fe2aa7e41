import * as tf from '@tensorflow/tfjs-core';
import { SslData } from '../data/dataset.types';
import { Model, ModelOutput } from '../models/model.types';
import { BackendName } from '../backend/select-backend';
import { TrainConfig } from './train-config';
import type { ModelWeights } from './model-weights';

export interface EvalPoint { step: number; epoch: number; testAccuracy: number }
export interface LossPoint { step: number; total: number; supervised: number; unsupervised: number; lr: number }

export interface TrainMetrics {
  /** EMA-model test accuracy at each evaluation point (every epoch by default, and the last step). */
  evals: EvalPoint[];
  /** Loss curves, every `logEvery` steps. */
  loss: LossPoint[];
  /** Fraction of unlabeled examples above the confidence threshold (thresholded algorithms only). */
  maskRate: { step: number; value: number }[];
  finalTestAccuracy: number;
}

export interface TrainProgress {
  phase: 'train' | 'eval';
  step: number;
  total: number;
  metrics: { loss?: number; supervised?: number; unsupervised?: number; maskRate?: number; lr?: number; testAccuracy?: number };
}

/** Called at each evaluation point with EMA-model softmax probabilities on `indices` (unlabeled set, before filtering). */
export interface TrainObserver {
  indices: number[];
  onEval(e: { step: number; epoch: number; probs: Float32Array }): void;
}

export interface TrainOptions {
  seed: number;
  onProgress?: (p: TrainProgress) => void;
  signal?: AbortSignal;
  /** A pre-split (possibly poisoned) dataset; otherwise the config's dataset is loaded and split with `seed`. */
  data?: SslData;
  /** Returns unlabeled indices to drop before training (defenses). */
  filter?: (data: SslData) => Iterable<number>;
  observer?: TrainObserver;
  /**
   * Warm start: the network starts from these weights (and batch-norm statistics) instead of its seeded random
   * initialisation, and the EMA starts from them too (end-to-end retraining of a pre-trained network).
   * The architecture of the config must match (BAD_USER_INPUT otherwise).
   */
  initialWeights?: ModelWeights;
}

/** The trained network, evaluated with its EMA weights. */
export interface TrainedModel {
  /** The underlying network (live weights, batch-norm statistics). */
  network: Model;
  /** EMA weights, in the order of network.variables. */
  emaWeights: tf.Variable[];
  numClasses: number;
  inputShape: [number, number, number];
  /** Softmax probabilities (n*K) for n NHWC float inputs in [0,1]. */
  predict(x: Float32Array, n: number, batchSize?: number): Float32Array;
  /** Differentiable forward with the EMA weights (eval-mode batch norm unless training). */
  apply(x: tf.Tensor, training?: boolean): ModelOutput;
  /** Penultimate features with the EMA weights (logits disposed). */
  features(x: tf.Tensor): tf.Tensor2D;
  dispose(): void;
}

export interface TrainResult {
  model: TrainedModel;
  metrics: TrainMetrics;
  backend: BackendName;
  seconds: number;
  config: TrainConfig;
  data: { labeled: number; unlabeled: number; test: number; dropped: number[]; stepsPerEpoch: number };
}

/** Error thrown when a run is cancelled through its AbortSignal. */
export function abortError(): Error {
  const e = new Error('Training aborted');
  e.name = 'AbortError';
  return e;
}
