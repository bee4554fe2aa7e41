import { z } from 'zod';
import { choice, int, kindUnion, num } from './params';

/** No defense: the identity filter. */
export const noDefenseParams = z.strictObject({});

/** Pixel-space clustering (Carlini 2021, Sec. 6): poisons on a path form a chain of near-collinear neighbours. */
export const pixelClusteringParams = z.strictObject({
  linkage: choice(['single'], 'single', 'agglomerative linkage of the pixel-space clustering'),
  drop: choice(['collinear-triples', 'largest-cluster'], 'collinear-triples', 'what is removed: every cluster lying on a line, or the largest cluster'),
  thresholdRatio: num(0, 1, 0.5, 'clusters are cut at this multiple of the median nearest-neighbour distance', { exclusiveMin: true }),
  maxResidual: num(0, 1, 0.05, 'a cluster is a line when its RMS distance from its chord is at most this fraction of the chord'),
});

/**
 * Training-dynamics influence (Carlini 2021, Sec. 6): train on the poisoned set, record every unlabeled example's
 * prediction vector at each evaluation, score each example by the mean Influence over its closest neighbours (low =
 * suspicious: a poison's change is repeated by its neighbours one evaluation later) and flag the low scores.
 */
export const trainingDynamicsInfluenceParams = z.strictObject({
  mode: choice(['remove', 'detect'], 'remove', 'remove: drop the flagged examples and retrain from scratch; detect: score and flag only'),
  neighbours: int(1, 100, 5, 'closest examples (smallest Influence) averaged into a score: the paper\'s close_5'),
  rule: choice(['median-ratio', 'lowest-fraction'], 'median-ratio', 'flag scores below ratio x the median, or the lowest fraction'),
  ratio: num(0, 1, 0.1, 'median-ratio: flag examples whose score is below this multiple of the median score', { exclusiveMin: true }),
  fraction: num(0, 1, 0.2, 'lowest-fraction: share of the unlabeled set flagged'),
});

/**
 * Deep k-NN (Peri 2020): in the victim's penultimate feature space, remove examples whose (pseudo-)label is outvoted
 * by the plurality of their k nearest neighbours. Unlabeled SSL examples carry the victim's pseudo-labels.
 */
export const deepKnnParams = z.strictObject({
  k: z.number().int().min(1).max(10000).optional().describe('neighbours in feature space').meta({ defaultRule: '2 x expectedPoisons (the reference setting)' }),
  expectedPoisons: z.number().int().min(1).max(100000).optional().describe('poisons the defender expects').meta({ defaultRule: 'the attack\'s poison budget' }),
});

/**
 * A removal decided outside compute, from the suspicion scores an external team submitted to a benchmark: the
 * server turns the scores into a list of unlabeled indices (in the trial's own order) and the trial retrains
 * without them.
 */
export const externalScoresParams = z.strictObject({
  remove: z.array(z.number().int().min(0)).max(1_000_000).default([]).describe('indices of the poisoned unlabeled set to remove before training'),
});

/** The parameter schema of each defense kind. */
export const DEFENSE_PARAMS = {
  none: noDefenseParams,
  'pixel-clustering': pixelClusteringParams,
  'training-dynamics-influence': trainingDynamicsInfluenceParams,
  'deep-knn': deepKnnParams,
  'external-scores': externalScoresParams,
} as const;

export type DefenseKind = keyof typeof DEFENSE_PARAMS;
export const DEFENSE_KINDS = Object.keys(DEFENSE_PARAMS) as DefenseKind[];

/** One-line description of each defense kind. */
export const DEFENSE_DESCRIPTIONS: Record<DefenseKind, string> = {
  none: 'No defense',
  'pixel-clustering': 'Pixel-space clustering of the unlabeled set (Carlini 2021)',
  'training-dynamics-influence': 'Training-dynamics influence on nearest neighbours (Carlini 2021)',
  'deep-knn': 'Deep k-NN filtering in feature space (Peri 2020)',
  'external-scores': 'Removal decided from suspicion scores an external team submitted to a benchmark',
};

/** A defense: its kind and that kind's parameters. */
export const defenseSchema = kindUnion(DEFENSE_PARAMS);

/** A defense with every parameter resolved. */
export type DefenseSpec = z.output<typeof defenseSchema>;
export type PixelClusteringParams = z.output<typeof pixelClusteringParams>;
export type TrainingDynamicsInfluenceParams = z.output<typeof trainingDynamicsInfluenceParams>;
export type DeepKnnParams = z.output<typeof deepKnnParams>;
