import type { DefenseKind, ResolvedTrialConfig, TrialConfigInput } from '../contract';

/**
 * One trial as a client writes it (defaults may be left out): what to train, how to poison it, how to defend.
 * The schema lives in compute/src/contract; runTrial resolves it with resolveTrialConfig.
 */
export type TrialConfig = TrialConfigInput;

/** An image (or data) artifact produced by a trial. */
export interface TrialArtifact {
  /** poisons: every poison the trial added, float32 NPY of shape [count, ...example shape], in path order. */
  kind: 'poison-path' | 'feature-collision' | 'propagation' | 'poisons' | 'decision-regions' | 'defense-scores';
  mime: 'image/png' | 'application/json' | 'application/x-npy';
  bytes: Uint8Array;
  sha256: string;
}

/** Figure 5 of Carlini (2021): when each poison along the path was first pseudo-labeled y*. */
export interface Propagation {
  /** Position a_i of each poison on the path (0 = source, 1 = target); for feature collision: empty. */
  alphas: number[];
  /** Epoch at which poison i was first predicted y*, or null when it never was. */
  firstEpochAtTarget: (number | null)[];
  /**
   * The evaluation points observed: epoch, step, the share of poisons predicted y* there, and the model's
   * probability of y* on x* itself (the alpha = 1 poison) when that poison is in the training set.
   */
  epochs: { epoch: number; step: number; shareAtTarget: number; targetProbability?: number }[];
}

/**
 * What a defense did, measured the same way for every kind against the true poison indices. Counts and rates are over
 * the examples the defense judged (the unlabeled set; Poison Frogs: the fine-tuning set).
 */
export interface DefenseReport {
  kind: DefenseKind;
  /** training-dynamics: detect (flag only) or remove (drop the flagged, retrain from scratch). */
  mode?: 'detect' | 'remove';
  /** Examples flagged, and how many of them are poisons. */
  removed: number;
  removedPoisons: number;
  /** removedPoisons / poisons and cleanRemoved / clean; null where the denominator is 0. */
  truePositiveRate: number | null;
  falsePositiveRate: number | null;
  poisons?: number;
  cleanRemoved?: number;
  clean?: number;
  /** Ranking quality of the suspicion scores: ROC AUC and TPR at 1 % and 5 % FPR (null without scores or poisons). */
  rocAuc?: number | null;
  tprAt1Fpr?: number | null;
  tprAt5Fpr?: number | null;
  /** Per-example suspicion score (higher = more suspicious), in the order of the judged examples, 4 decimals. */
  scores?: number[];
  /** The same trial (same seed) without the defense. */
  undefended?: { success: boolean; targetPrediction: number; targetConfidence: number; cleanAccuracy: number; poisonShareAtTarget: number };
}

/** Everything a trial measured. Written once. */
export interface TrialOutcome {
  /** Interpolation: x* classified y*. Feature collision: t classified as the base class. None: x* classified y*. */
  success: boolean;
  /** Index of x* (target) in the test set. */
  targetIndex: number;
  /** Index of the source x' (labeled set; unlabeled set for zero-knowledge; base in the train pool for Poison Frogs). */
  sourceIndex: number;
  /** True class c of x*. */
  targetClass: number;
  /** The attacker's label y* (!= c). */
  targetLabel: number;
  /** Class the final model gives x*, and its probability. */
  targetPrediction: number;
  targetConfidence: number;
  /** Test accuracy of the final model (x* included; one example does not move it). */
  cleanAccuracy: number;
  poisonCount: number;
  /** Share of poisons the final model predicts as y* (interpolation) or as the base class (feature collision). */
  poisonShareAtTarget: number;
  propagation: Propagation;
  /** Defense report (identity defense: nothing removed). */
  defense: DefenseReport;
  /** Attack-specific measurements (e.g. feature distances for Poison Frogs). */
  attackMetrics: Record<string, number>;
  /**
   * Wall times. defenseExtraMs: what the defense added to an undefended trial (judging, plus the retraining of a
   * training defense); trainMs includes that retraining and, for a pre-training defense that removed anything, the
   * undefended comparison run.
   */
  timings: { totalMs: number; dataMs: number; craftMs: number; defenseMs: number; trainMs: number; evalMs: number; defenseExtraMs?: number };
  backend: string;
  seed: number;
  /** trialConfigHash(config): the one hash of this trial's resolved config. */
  configHash: string;
  /** The resolved config the trial ran (every default filled in). */
  config: ResolvedTrialConfig;
  /** Where the result came from: code version and the content hash of the clean split the trial used. */
  provenance: TrialProvenance;
  artifacts: TrialArtifact[];
}

/** Recorded by compute on every trial, never typed by a user. */
export interface TrialProvenance {
  /** @frogpond/compute version, plus "+<git commit>" when the code runs from a git checkout. */
  codeVersion: string;
  /** sha256 over the clean split (labeled, unlabeled and test arrays) before poisoning. */
  datasetSha256: string;
}

/** Progress reported while a trial runs. */
export interface TrialProgress {
  phase: 'data' | 'pretrain' | 'craft' | 'defense' | 'train' | 'evaluate' | 'done';
  step: number;
  total: number;
  metrics?: Record<string, number>;
}

export interface TrialOptions {
  seed: number;
  onProgress?: (p: TrialProgress) => void;
  signal?: AbortSignal;
}

/** Error for an invalid TrialConfig; `code` maps to the GraphQL BAD_USER_INPUT. */
export class TrialConfigError extends Error {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'TrialConfigError';
  }
}

/** Thrown when a trial is cancelled through its AbortSignal. */
export class TrialAbortError extends Error {
  constructor(message = 'trial aborted') {
    super(message);
    this.name = 'AbortError';
  }
}
