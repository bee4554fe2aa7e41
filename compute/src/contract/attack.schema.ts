import { z } from 'zod';
import { choice, int, kindUnion, num, presetInt } from './params';

/** Interpolation poisoning of semi-supervised learning (Carlini 2021): poisons along a path from x' to x*. */
export const interpolationParams = z.strictObject({
  source: choice(['labeled', 'nearest', 'evasion'], 'labeled',
    "source x': a random labeled example of class y*, the one nearest to x* in pixel space, or found by an evasion step"),
  space: choice(['pixel', 'latent'], 'pixel', 'interpolate in pixel space or in the latent space of an auto-encoder'),
  epsilon: num(0, 1, 0.3, 'evasion source: L-infinity radius of the evasion step around x*'),
  evasionSteps: int(1, 1000, 50, 'evasion source: gradient steps of the evasion search'),
  latent: int(2, 256, 16, 'latent space: width of the auto-encoder code'),
  codecEpochs: int(1, 200, 10, 'latent space: training epochs of the auto-encoder'),
});

/** Zero-knowledge interpolation: the source and bridge points come from the unlabeled set. */
export const zeroKnowledgeParams = z.strictObject({
  bridges: int(0, 16, 3, 'extra unlabeled examples of class y* the path passes through'),
});

const PRETRAIN_LABELS = { toy: 200, mini: 2000, paper: 2000 } as const;
const FINETUNE_PER_CLASS = { toy: 25, mini: 50, paper: 50 } as const;

/** Parameters every Poison Frogs variant shares: the pre-trained extractor and the fine-tuning data. */
const frogsShared = {
  pretrainLabels: presetInt(10, 1_000_000, PRETRAIN_LABELS, 'labeled examples the feature extractor is pre-trained on'),
  pretrainSeed: int(0, 2 ** 31, 0, 'seed of the pre-training run (shared by trials so they reuse one extractor)'),
  finetunePerClass: presetInt(1, 100_000, FINETUNE_PER_CLASS, 'clean fine-tuning examples per class'),
  fineTuneSteps: int(1, 100_000, 300, 'end-to-end setting: fine-tuning steps'),
  fineTuneLearningRate: num(1e-6, 1, 0.01, 'end-to-end setting: fine-tuning learning rate'),
};

/** Algorithm 1 of Shafahi (2018): forward-backward splitting towards the target in feature space. */
const collision = {
  iterations: int(0, 5000, 200, 'forward-backward iterations of Algorithm 1'),
  beta0: num(0, 1e6, 0.25, 'input-space similarity weight, scaled by feature and input dimension'),
  learningRate: num(1e-6, 100, 0.05, 'step size of the forward step'),
  stepRule: choice(['halve', 'fixed'], 'halve', 'halve the step when the objective grows, or keep it fixed'),
};

/** The watermarked variants: end to end, five poisons, the target blended in at opacity 0.3 (Shafahi 2018, Sec. 4.2). */
const watermarked = {
  setting: choice(['transfer', 'end-to-end'], 'end-to-end', 'retrain the last layer only (transfer) or every layer (end-to-end)'),
  poisons: int(1, 100, 5, 'number of poisons (each from a distinct base image)'),
  watermark: num(0, 1, 0.3, 'opacity of the target blended into each base'),
};

/** Poison Frogs feature collision (Shafahi 2018), transfer setting by default. */
export const featureCollisionParams = z.strictObject({
  setting: choice(['transfer', 'end-to-end'], 'transfer', 'retrain the last layer only (transfer) or every layer (end-to-end)'),
  poisons: int(1, 100, 1, 'number of poisons (each from a distinct base image)'),
  watermark: num(0, 1, 0, 'opacity of the target blended into each base'),
  ...collision,
  ...frogsShared,
});

/** Watermarking alone: the target blended into base images, no optimisation. */
export const watermarkParams = z.strictObject({ ...watermarked, ...frogsShared });

/** Feature collision with a watermark, end to end (Shafahi 2018, Sec. 4.2). */
export const featureCollisionWatermarkParams = z.strictObject({ ...watermarked, ...collision, ...frogsShared });

/** No attack: the clean control of a cell. */
export const noAttackParams = z.strictObject({});

/** The parameter schema of each attack kind. */
export const ATTACK_PARAMS = {
  interpolation: interpolationParams,
  'zero-knowledge-interpolation': zeroKnowledgeParams,
  'feature-collision': featureCollisionParams,
  watermark: watermarkParams,
  'feature-collision-watermark': featureCollisionWatermarkParams,
  none: noAttackParams,
} as const;

export type AttackKind = keyof typeof ATTACK_PARAMS;
export const ATTACK_KINDS = Object.keys(ATTACK_PARAMS) as AttackKind[];

/** One-line description of each attack kind. */
export const ATTACK_DESCRIPTIONS: Record<AttackKind, string> = {
  interpolation: 'Interpolation poisoning of semi-supervised learning (Carlini 2021)',
  'zero-knowledge-interpolation': 'Interpolation poisoning without labeled data: source and bridges from the unlabeled set (Carlini 2021)',
  'feature-collision': 'Poison Frogs feature collision (Shafahi 2018)',
  watermark: 'Watermarked base images without optimisation (Shafahi 2018 baseline)',
  'feature-collision-watermark': 'Poison Frogs feature collision with a watermark, end to end (Shafahi 2018)',
  none: 'No poisons: the clean control',
};

/** Kinds whose poisons lie on a path spaced by a density (the density dimension applies to these only). */
export const DENSITY_ATTACK_KINDS: readonly AttackKind[] = ['interpolation', 'zero-knowledge-interpolation'];

/** Poison Frogs kinds: success means the target is classified as the base class. */
export const FEATURE_COLLISION_KINDS: readonly AttackKind[] = ['feature-collision', 'watermark', 'feature-collision-watermark'];

/** An attack: its kind and that kind's parameters. */
export const attackSchema = kindUnion(ATTACK_PARAMS);

/** An attack as parsed (preset-dependent defaults may still be missing). */
export type AttackSpec = z.output<typeof attackSchema>;
/** Parameters of the Poison Frogs kinds, preset-dependent defaults filled in. */
export type FrogsParams = { setting: 'transfer' | 'end-to-end'; poisons: number; watermark: number; pretrainLabels: number; pretrainSeed: number;
  finetunePerClass: number; fineTuneSteps: number; fineTuneLearningRate: number } & Partial<z.output<z.ZodObject<typeof collision>>>;
