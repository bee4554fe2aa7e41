/**
 * The defense hook of a trial: given the poisoned unlabeled set, return the unlabeled indices to drop before the
 * (final) training. Pre-training defenses (pixel clustering) plug in here through `registerDefense`; the training
 * defenses (TRAINING_DEFENSE_KINDS) judge a model trained on the poisoned data and run around training instead.
 */

import { pixelClusteringDefense } from './pixel-clustering.defense';
import { listedRemovalDefense } from './listed-removal.defense';

/** What a defense sees: the unlabeled images after poisoning. It never sees which ones are poisons. */
export interface DefenseInput {
  shape: readonly number[];
  unlabeled: { x: Float32Array; n: number };
  params: Record<string, unknown>;
  seed: number;
  signal?: AbortSignal;
}

/** Indices (into the poisoned unlabeled set) to remove, and optional per-example suspicion scores (higher: more suspicious). */
export interface DefenseDecision {
  remove: number[];
  scores?: Float32Array;
}

export type Defense = (input: DefenseInput) => Promise<DefenseDecision> | DefenseDecision;

const registry = new Map<string, Defense>([
  ['none', () => ({ remove: [] })],
  ['pixel-clustering', pixelClusteringDefense],
  ['external-scores', listedRemovalDefense],
]);

/**
 * Defenses that inspect a model trained on the poisoned data (its training dynamics or its features) and then retrain
 * without what they flag. The trial runs them around training instead of through the pre-training hook.
 */
export const TRAINING_DEFENSE_KINDS = ['training-dynamics-influence', 'deep-knn'] as const;

/** Kinds with an implementation (the server refuses experiments whose defenses the workers could not run). */
export function implementedDefenseKinds(): string[] {
  return [...registry.keys(), ...TRAINING_DEFENSE_KINDS];
}

/**
 * Kinds a team can name for a verified run on a benchmark (and run with `frogpond defend`): every implemented defense
 * except `none` (the no-defense baseline) and `external-scores` (a removal decided outside compute: a score file).
 */
export function verifiedRunDefenseKinds(): string[] {
  return implementedDefenseKinds().filter((k) => k !== 'none' && k !== 'external-scores');
}

/** Registers (or replaces) a defense implementation under its kind. */
export function registerDefense(kind: string, defense: Defense): void {
  registry.set(kind, defense);
}

/** The defense for a kind, or undefined when none is registered. */
export function getDefense(kind: string): Defense | undefined {
  return registry.get(kind);
}

/** Detection rates of a decision against the known poison indices. */
export function detectionRates(remove: readonly number[], poisonIndices: readonly number[], unlabeledCount: number): { tpr: number | null; fpr: number | null; removedPoisons: number } {
  const poisons = new Set(poisonIndices);
  const removedPoisons = remove.filter((i) => poisons.has(i)).length;
  const clean = unlabeledCount - poisons.size;
  return {
    removedPoisons,
    tpr: poisons.size ? removedPoisons / poisons.size : null,
    fpr: clean > 0 ? (remove.length - removedPoisons) / clean : null,
  };
}
