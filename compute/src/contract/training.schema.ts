import { z } from 'zod';
import { ALGORITHM_NAMES } from '../algorithms/algorithm.types';
import { DatasetName } from '../data/dataset.types';

/** Scale presets: toy (2-D data, MLP), mini (MNIST-size images, small CNN), paper (CIFAR-10-size images, WRN-28-2). */
export const PRESET_NAMES = ['toy', 'mini', 'paper'] as const;
export type Preset = (typeof PRESET_NAMES)[number];

/**
 * Which datasets each preset can load and learn. The toy preset's MLP is sized for 2-D points: on images it trains
 * to chance-level accuracy, so its results would mean nothing. Image presets need image datasets.
 */
export const PRESET_DATASETS: Record<Preset, readonly DatasetName[]> = {
  toy: ['moons', 'blobs'],
  mini: ['mnist', 'fashion-mnist', 'cifar10', 'svhn', 'stl10'],
  paper: ['cifar10', 'svhn', 'stl10', 'mnist', 'fashion-mnist'],
};

/** Default dataset and label budget of each preset (CLI and API). */
export const PRESET_DEFAULTS: Record<Preset, { dataset: DatasetName; labels: number }> = {
  toy: { dataset: 'moons', labels: 4 },
  mini: { dataset: 'fashion-mnist', labels: 40 },
  paper: { dataset: 'cifar10', labels: 40 },
};

/** Datasets read from user-supplied files (FROGPOND_DATA); the others are generated or bundled with the package. */
export const FILE_DATASETS: readonly DatasetName[] = ['cifar10', 'svhn', 'stl10'];

export const DATASET_NAMES_ALL = ['moons', 'blobs', 'mnist', 'fashion-mnist', 'cifar10', 'svhn', 'stl10'] as const satisfies readonly DatasetName[];

export const algorithmSchema = z.enum(ALGORITHM_NAMES as unknown as [string, ...string[]]).describe('semi-supervised learning algorithm');

const width = z.number().int().min(1).max(4096);
/** Network architecture override. */
export const modelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mlp'), hidden: z.array(width).min(1).max(8).optional().describe('hidden layer widths') }),
  z.strictObject({ kind: z.literal('cnn'), widths: z.array(width).min(1).max(8).optional().describe('convolution widths') }),
  z.strictObject({ kind: z.literal('wrn'), depth: z.number().int().min(10).max(40).optional().describe('depth (6n+4)'), widen: z.number().int().min(1).max(10).optional().describe('width multiplier') }),
]).describe('network architecture (default per preset)');

/**
 * Training overrides of a trial, applied on top of the preset's schedule. Every key is optional: an absent key
 * keeps the preset's value (see compute/src/training/presets.ts).
 */
export const trainingOverridesSchema = z.strictObject({
  steps: z.number().int().min(1).max(1 << 21).optional().describe('optimiser steps'),
  batchSize: z.number().int().min(1).max(1024).optional().describe('labeled batch size B'),
  mu: z.number().gt(0).max(64).optional().describe('unlabeled ratio: mu * B unlabeled examples per step'),
  lr: z.number().gt(0).max(10).optional().describe('learning rate'),
  momentum: z.number().min(0).lt(1).optional().describe('SGD momentum'),
  nesterov: z.boolean().optional().describe('Nesterov momentum'),
  weightDecay: z.number().min(0).max(0.1).optional().describe('L2 weight decay'),
  cosine: z.boolean().optional().describe('cosine learning-rate decay'),
  emaDecay: z.number().min(0).lt(1).optional().describe('decay of the evaluated EMA weights'),
  evalEvery: z.number().int().min(1).max(1 << 21).optional().describe('evaluate every this many steps (default: one epoch)'),
  logEvery: z.number().int().min(1).max(1 << 21).optional().describe('record loss curves every this many steps'),
  maxUnlabeled: z.number().int().min(1).max(10_000_000).optional().describe('cap on the unlabeled set size'),
  maxTest: z.number().int().min(1).max(10_000_000).optional().describe('cap on the test set size'),
  model: modelSchema.optional(),
  algorithmParams: z.strictObject({
    threshold: z.number().min(0).max(1).optional().describe('confidence threshold of pseudo-labels'),
    lambdaU: z.number().min(0).max(1000).optional().describe('weight of the unlabeled loss'),
    rampFraction: z.number().min(0).max(1).optional().describe('fraction of the run over which lambdaU ramps up'),
    temperature: z.number().gt(0).max(10).optional().describe('sharpening temperature'),
    k: z.number().int().min(1).max(16).optional().describe('MixMatch augmentations per unlabeled example'),
    alpha: z.number().gt(0).max(10).optional().describe('MixMatch MixUp Beta(alpha, alpha)'),
  }).optional().describe('algorithm hyper-parameters'),
  augment: z.strictObject({
    ops: z.number().int().min(0).max(14).optional().describe('RandAugment operations per strong view'),
    cutout: z.number().min(0).max(1).optional().describe('Cutout size as a fraction of the image side'),
    jitterWeak: z.number().min(0).max(1).optional().describe('weak view translation jitter'),
    jitterStrong: z.number().min(0).max(1).optional().describe('strong view translation jitter'),
  }).optional().describe('augmentation strengths'),
  toy: z.strictObject({
    nTrain: z.number().int().min(10).max(1_000_000).optional().describe('generated training points'),
    nTest: z.number().int().min(10).max(1_000_000).optional().describe('generated test points'),
    noise: z.number().min(0).max(1).optional().describe('noise of the generated points'),
    classes: z.number().int().min(2).max(100).optional().describe('classes (blobs)'),
  }).optional().describe('toy preset only: generated data sizes'),
});

export type TrainingOverrides = z.output<typeof trainingOverridesSchema>;
export type { DatasetName } from '../data/dataset.types';
