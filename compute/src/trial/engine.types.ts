import type * as tf from '@tensorflow/tfjs-core';

/** A flattened set of examples (NHWC, float32 in [0,1]). */
export interface ExampleSet {
  x: Float32Array;
  n: number;
}

/** The split a trial works on (the compute engine's SslData, as far as the trial needs it). */
export interface TrialData {
  shape: number[];
  numClasses: number;
  allowFlip: boolean;
  labeled: ExampleSet & { y: Int32Array };
  /** yTrue is for evaluation only: attacks with knowledge of labels never read it, except zero-knowledge bridges. */
  unlabeled: ExampleSet & { yTrue?: Int32Array };
  test: ExampleSet & { y: Int32Array };
}

/** A trained model as the trial uses it. */
export interface TrialModel {
  /** Softmax probabilities, n x K. */
  predict(x: Float32Array, n: number): Float32Array;
  /** Differentiable forward pass, for gradients with respect to the input. */
  apply(x: tf.Tensor, training: boolean): { logits: tf.Tensor; features: tf.Tensor };
  dispose(): void;
}

/** Observer of the unlabeled examples' predictions at each evaluation point of training. */
export interface TrialObserver {
  indices: number[];
  onEval(e: { step: number; epoch: number; probs: Float32Array }): void;
}

export interface TrialTrainProgress {
  step: number;
  total: number;
  metrics?: Record<string, number>;
}

/** What the trial runner needs from the compute engine (an adapter over its real API: see engine.ts). */
export interface TrialEngine {
  /** Name of the active backend (selects it first if needed). */
  backend(): Promise<string>;
  /** Loads the dataset and makes the seeded labeled/unlabeled/test split. */
  split(config: { preset: string; dataset: string; labels: number; overrides?: Record<string, unknown> }, seed: number): Promise<TrialData>;
  /** Trains semi-supervised (or supervised) on the given data. */
  train(
    config: { preset: string; dataset: string; labels: number; algorithm: string; overrides?: Record<string, unknown> },
    data: TrialData,
    opts: { seed: number; signal?: AbortSignal; observer?: TrialObserver; onProgress?: (p: TrialTrainProgress) => void; initialModel?: TrialModel },
  ): Promise<TrialModel>;
  /** Serialises a model this engine trained (optional: without it pre-trained extractors are not cached on disk). */
  exportModel?(model: TrialModel): Uint8Array;
  /** Rebuilds a model from exportModel's bytes; `config` and `data` give its architecture and input shape. */
  importModel?(config: { preset: string; dataset: string; labels: number; algorithm: string; overrides?: Record<string, unknown> }, data: TrialData, bytes: Uint8Array): TrialModel;
}
