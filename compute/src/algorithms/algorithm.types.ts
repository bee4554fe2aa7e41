import * as tf from '@tensorflow/tfjs-core';
import { Model } from '../models/model.types';
import { Rng } from '../data/prng';

export type AlgorithmName = 'supervised' | 'pseudo-label' | 'fixmatch' | 'mixmatch' | 'uda';
export const ALGORITHM_NAMES: readonly AlgorithmName[] = ['supervised', 'pseudo-label', 'fixmatch', 'mixmatch', 'uda'];

/** Algorithm hyper-parameters (defaults per algorithm in the registry). */
export interface AlgorithmParams {
  /** Confidence threshold for pseudo-labels (FixMatch, Pseudo-Label 0.95; UDA 0.8). */
  threshold: number;
  /** Weight of the unlabeled loss (FixMatch/UDA/Pseudo-Label 1; MixMatch 75). */
  lambdaU: number;
  /** Fraction of the run over which lambdaU ramps up linearly (MixMatch, Pseudo-Label). */
  rampFraction: number;
  /** Softmax temperature: UDA target sharpening 0.4; MixMatch sharpening T 0.5. */
  temperature: number;
  /** MixMatch: augmentations per unlabeled example. */
  k: number;
  /** MixMatch: MixUp Beta(alpha, alpha). */
  alpha: number;
}

/** What the training loop hands an algorithm for one step. */
export interface StepContext {
  model: Model;
  /** Weakly augmented labeled batch and one-hot labels. */
  xl: tf.Tensor4D;
  yl: tf.Tensor2D;
  /** Raw (un-augmented) unlabeled batch, or null when the algorithm uses none. */
  xu: tf.Tensor4D | null;
  weak(x: tf.Tensor4D): tf.Tensor4D;
  /** Off-tape logits for label guessing: batch-norm batch statistics, running stats untouched. */
  teacher(x: tf.Tensor4D): tf.Tensor2D;
  /** Same as `teacher` but with the EMA weights (Pseudo-Label's labelling network). */
  emaTeacher(x: tf.Tensor4D): tf.Tensor2D;
  strong(x: tf.Tensor4D): tf.Tensor4D;
  /** Weak view plus Cutout, no RandAugment operations (Pseudo-Label's student view). */
  weakCutout(x: tf.Tensor4D): tf.Tensor4D;
  rng: Rng;
  step: number;
  totalSteps: number;
  params: AlgorithmParams;
}

/** Loss parts recorded by an algorithm during the taped forward (scalars, kept). */
export interface LossParts { total: tf.Scalar; supervised: tf.Scalar; unsupervised: tf.Scalar; maskRate: tf.Scalar | null }

export interface PreparedStep {
  /** Run under tf.variableGrads: returns the total loss and stores kept loss parts in `parts`. */
  lossFn(): tf.Scalar;
  /** Filled by lossFn (kept scalars; the loop disposes them). */
  parts: LossParts | null;
  /** Tensors made outside the tape (views, targets) for the loop to dispose after the step. */
  dispose: tf.Tensor[];
}

export interface Algorithm {
  name: AlgorithmName;
  /** Unlabeled examples drawn per step = round(unlabeledRatio * mu * batchSize); 0 for supervised. */
  unlabeledRatio: number;
  defaults: AlgorithmParams;
  /** Builds the step: everything that needs no gradient (pseudo-labels, mixing) is done here, off the tape. */
  prepare(ctx: StepContext): PreparedStep;
}
