import { AlgorithmName, AlgorithmParams } from '../algorithms/algorithm.types';
import { DatasetName } from '../data/dataset.types';
import { ModelSpec } from '../models/architectures';

export type PresetName = 'toy' | 'mini' | 'paper';

/** A fully resolved training configuration (presets fill the defaults). */
export interface TrainConfig {
  preset: PresetName;
  dataset: DatasetName;
  /** Label budget (total labeled examples, class-balanced). */
  labels: number;
  algorithm: AlgorithmName;
  model: ModelSpec;
  /** Optimiser steps. */
  steps: number;
  /** Labeled batch size B. */
  batchSize: number;
  /** Unlabeled ratio: mu * B unlabeled examples per step. */
  mu: number;
  lr: number;
  momentum: number;
  nesterov: boolean;
  weightDecay: number;
  cosine: boolean;
  emaDecay: number;
  /** Evaluate every this many steps (default: one epoch of the unlabeled set). */
  evalEvery?: number;
  /** Record loss curves every this many steps. */
  logEvery: number;
  /** Split caps (mini preset). */
  maxUnlabeled?: number;
  maxTest?: number;
  /** Per-algorithm hyper-parameters overriding the algorithm defaults. */
  algorithmParams?: Partial<AlgorithmParams>;
  /** Preset-level per-algorithm overrides (applied before algorithmParams). */
  perAlgorithm?: Partial<Record<AlgorithmName, Partial<AlgorithmParams>>>;
  augment?: { ops?: number; cutout?: number; jitterWeak?: number; jitterStrong?: number };
  /** Backend preference (default FROGPOND_BACKEND / auto). */
  backend?: string;
  /** Where user-supplied dataset files live (cifar10, svhn, stl10). */
  datasetDir?: string;
  /** Binary dataset cache folder (mnist, fashion-mnist). */
  cacheDir?: string;
  /** Toy data sizes. */
  toy?: { nTrain?: number; nTest?: number; noise?: number; classes?: number };
}

/** Input accepted by trainSemiSupervised: a preset plus any overrides. */
export type TrainConfigInput = Partial<TrainConfig> & { preset?: PresetName };
