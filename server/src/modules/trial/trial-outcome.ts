import type { TrialOutcome } from '@frogpond/compute';
import type { RecordedOutcome } from './trial-result.service';

/**
 * Where each field of compute's TrialOutcome is stored. The type is Record<keyof TrialOutcome, ...>, so a field added
 * to the outcome fails to compile here until it is handled; trial-outcome.spec.ts checks the same at run time
 * against a real outcome. Every field is also kept whole in trial_result.outcome (jsonb), except artifact bytes.
 */
export const OUTCOME_STORAGE: Record<keyof TrialOutcome, string> = {
  success: 'trial_result.success',
  targetIndex: 'trial.target_index',
  sourceIndex: 'trial.source_index',
  targetClass: 'trial.target_class',
  targetLabel: 'trial.target_label',
  targetPrediction: 'trial_result.target_prediction',
  targetConfidence: 'trial_result.target_confidence',
  cleanAccuracy: 'trial_result.clean_accuracy',
  poisonCount: 'trial_result.poison_count',
  poisonShareAtTarget: 'trial_result.poison_share_at_target',
  propagation: 'trial_result.propagation',
  defense: 'trial_result.detection',
  attackMetrics: 'trial_result.attack_metrics',
  timings: 'trial_result.timings',
  backend: 'trial_result.backend',
  seed: 'trial_result.seed',
  configHash: 'trial_result.config_hash',
  config: 'trial_result.config',
  provenance: 'trial_result.code_version and trial_result.dataset_sha256',
  // Bytes go to the artifact table (deduplicated by sha256); trial_result.outcome lists kind, mime, sha256 and size.
  artifacts: 'artifact',
};

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** The trial_result columns of an outcome (trial_id aside). */
export function outcomeColumns(o: RecordedOutcome, worker: string | null): Record<string, unknown> {
  const { artifacts, ...rest } = o;
  const whole = { ...rest, artifacts: (artifacts ?? []).map((a) => ({ kind: a.kind, mime: a.mime, sha256: a.sha256 ?? null, size: a.bytes.length })) };
  return {
    success: o.success,
    target_prediction: o.targetPrediction ?? null,
    target_confidence: o.targetConfidence ?? null,
    clean_accuracy: o.cleanAccuracy ?? null,
    poison_count: o.poisonCount ?? 0,
    poison_share_at_target: o.poisonShareAtTarget ?? null,
    propagation: json(o.propagation),
    detection: json(o.defense ?? (o as { detection?: unknown }).detection),
    attack_metrics: json(o.attackMetrics),
    timings: json(o.timings),
    backend: o.backend,
    seed: o.seed ?? null,
    config_hash: o.configHash,
    config: json(o.config),
    code_version: o.provenance?.codeVersion ?? null,
    dataset_sha256: o.provenance?.datasetSha256 ?? null,
    worker,
    outcome: JSON.stringify(whole),
  };
}
