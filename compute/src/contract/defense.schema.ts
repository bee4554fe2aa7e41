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
 * Training-dynamics influence (Carlini 2021, Sec. 6): train on the poisoned set, record each unlabeled example's
 * predictions over training, and flag examples whose prediction changes just before their neighbours' do.
 */
export const trainingDynamicsInfluenceParams = z.strictObject({
  neighbours: int(1, 100, 5, 'nearest neighbours (pixel space) whose prediction changes are compared'),
  snapshots: int(2, 200, 20, 'evaluation points at which predictions on the unlabeled set are recorded'),
  dropFraction: num(0, 0.5, 0.01, 'fraction of the unlabeled set with the highest influence score that is removed'),
});

/** Deep k-NN (Peri 2020): remove examples whose (pseudo-)label disagrees with the plurality of their feature-space neighbours. */
export const deepKnnParams = z.strictObject({
  k: int(1, 500, 10, 'neighbours in feature space'),
  space: choice(['features', 'pixel'], 'features', 'where neighbours are found: penultimate features of a clean model, or pixels'),
  minAgreement: num(0, 1, 0.5, 'an example is kept when at least this fraction of its neighbours share its label'),
});

/** Scores submitted by an external team: examples scoring above the threshold are removed. Runs outside compute. */
export const externalScoresParams = z.strictObject({
  threshold: num(0, 1, 0.5, 'examples whose suspicion score exceeds this are removed'),
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
  'external-scores': 'Suspicion scores submitted by an external team, thresholded',
};

/** A defense: its kind and that kind's parameters. */
export const defenseSchema = kindUnion(DEFENSE_PARAMS);

/** A defense with every parameter resolved. */
export type DefenseSpec = z.output<typeof defenseSchema>;
export type PixelClusteringParams = z.output<typeof pixelClusteringParams>;
export type TrainingDynamicsInfluenceParams = z.output<typeof trainingDynamicsInfluenceParams>;
export type DeepKnnParams = z.output<typeof deepKnnParams>;
