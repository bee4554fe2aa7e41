import * as tf from '@tensorflow/tfjs-core';
import {
  deepKnn, deepKnnOptions, detectionRates, flagLowInfluence, getDefense, influenceScores, influenceSuspicion, removalCounts,
  rocAuc, scoreHistogram, TRAINING_DEFENSE_KINDS, TrajectoryRecorder, tprAtFpr,
} from '../defenses';
import { TrialData, TrialEngine, TrialModel } from './engine.types';
import { argmaxRow, accuracy, checkAbort, dropUnlabeled, exampleSize, predictBatched } from './trial-helpers';
import type { DeepKnnParams, ResolvedTrialConfig, TrainingDynamicsInfluenceParams } from '../contract';
import { DefenseReport, Propagation, TrialArtifact, TrialConfigError, TrialProgress } from './trial.types';
import { sha256Hex } from './config-hash';

/** What one training of the victim measured. */
export interface RunMeasurement {
  success: boolean;
  targetPrediction: number;
  targetConfidence: number;
  cleanAccuracy: number;
  poisonShareAtTarget: number;
}

interface Victim {
  cfg: ResolvedTrialConfig;
  engine: TrialEngine;
  seed: number;
  signal?: AbortSignal;
  progress: (p: TrialProgress) => void;
  target: Float32Array;
  targetLabel: number;
  /** The poisons (row-major) and their path positions, or null for the no-poison control. */
  poisons: { x: Float32Array; count: number; alphas: number[] } | null;
}

interface TrainedRun {
  model: TrialModel;
  measurement: RunMeasurement;
  propagation: Propagation;
  ms: number;
}

/**
 * Trains the victim on `data` (whose unlabeled rows `poisonRows` are the main path's poisons, -1 where removed),
 * tracking the path's propagation and, with a recorder, every unlabeled prediction vector at each evaluation.
 */
async function trainRun(v: Victim, data: TrialData, poisonRows: number[], recorder?: TrajectoryRecorder): Promise<TrainedRun> {
  const t0 = Date.now();
  const k = data.numClasses;
  const alphas = v.poisons?.alphas ?? [];
  const watched = poisonRows.filter((i) => i >= 0);
  const firstEpoch: (number | null)[] = alphas.map(() => null);
  const epochs: Propagation['epochs'] = [];
  const onPoisons = (epoch: number, step: number, probs: Float32Array) => {
    let j = 0;
    let at = 0;
    poisonRows.forEach((ui, i) => {
      if (ui < 0) return;
      if (argmaxRow(probs, j, k) === v.targetLabel) {
        at++;
        if (firstEpoch[i] === null) firstEpoch[i] = epoch;
      }
      j++;
    });
    // The path's last poison (alpha = 1) is pixel-identical to x*: its probability of y* is the target's own
    // trajectory over training (what the trial page plots as p(y* | x*)).
    const last = alphas.length - 1;
    const targetProbability = alphas[last] === 1 && poisonRows[last] >= 0 ? probs[(watched.length - 1) * k + v.targetLabel] : undefined;
    epochs.push({ epoch, step, shareAtTarget: at / watched.length, ...(targetProbability === undefined ? {} : { targetProbability }) });
  };
  const indices = recorder ? recorder.indices : watched;
  const model = await v.engine.train(v.cfg, data, {
    seed: v.seed,
    signal: v.signal,
    onProgress: (p) => v.progress({ phase: 'train', step: p.step, total: p.total, metrics: p.metrics }),
    observer: indices.length
      ? {
          indices,
          onEval: ({ step, epoch, probs }) => {
            if (recorder) recorder.record(probs);
            if (!watched.length) return;
            // With a recorder every unlabeled row is observed: pick the watched poisons' rows out of it.
            const rows = recorder ? gatherRows(probs, watched, k) : probs;
            onPoisons(epoch, step, rows);
          },
        }
      : undefined,
  });
  const ms = Date.now() - t0;
  try {
    return { model, measurement: measure(v, model, data), propagation: { alphas, firstEpochAtTarget: firstEpoch, epochs }, ms };
  } catch (e) {
    model.dispose();
    throw e;
  }
}

function gatherRows(m: Float32Array, rows: readonly number[], k: number): Float32Array {
  const out = new Float32Array(rows.length * k);
  rows.forEach((r, j) => out.set(m.subarray(r * k, (r + 1) * k), j * k));
  return out;
}

/** Attack success, confidence, clean accuracy and the share of poisons at y*, for one trained model. */
function measure(v: Victim, model: TrialModel, data: TrialData): RunMeasurement {
  const d = exampleSize(data.shape);
  const k = data.numClasses;
  const probs = model.predict(v.target, 1);
  const targetPrediction = argmaxRow(probs, 0, k);
  let share = 0;
  if (v.poisons && v.poisons.count) {
    const pp = predictBatched(model, v.poisons.x, v.poisons.count, d, k);
    for (let i = 0; i < v.poisons.count; i++) if (argmaxRow(pp, i, k) === v.targetLabel) share++;
    share /= v.poisons.count;
  }
  return { success: targetPrediction === v.targetLabel, targetPrediction, targetConfidence: probs[targetPrediction], cleanAccuracy: accuracy(model, data.test, d, k), poisonShareAtTarget: share };
}

/** Penultimate features of the labeled and unlabeled rows, labeled first. */
function trainingFeatures(model: TrialModel, data: TrialData, batch = 256): { features: Float32Array; n: number } {
  const d = exampleSize(data.shape);
  const parts: Float32Array[] = [];
  for (const set of [data.labeled, data.unlabeled]) {
    for (let s = 0; s < set.n; s += batch) {
      const m = Math.min(batch, set.n - s);
      parts.push(tf.tidy(() => model.apply(tf.tensor(set.x.subarray(s * d, (s + m) * d), [m, ...data.shape]), false).features.dataSync() as Float32Array).slice());
    }
  }
  const total = parts.reduce((a, p) => a + p.length, 0);
  const features = new Float32Array(total);
  let o = 0;
  for (const p of parts) { features.set(p, o); o += p.length; }
  return { features, n: data.labeled.n + data.unlabeled.n };
}

/** The defense's decision over the unlabeled rows, with suspicion scores (higher = more suspicious). */
interface Judgement {
  remove: number[];
  scores?: Float32Array;
  statistic?: string;
  /** detect: the decision is reported but nothing is dropped from training. */
  detectOnly: boolean;
}

/** Result of the defended training: the final run (after the defense) and the report of the defense. */
export interface DefendedResult {
  final: TrainedRun;
  defense: DefenseReport;
  artifacts: TrialArtifact[];
  defenseMs: number;
  extraMs: number;
}

/**
 * Runs the defense of the trial and the training(s) it needs, and measures the defense the same way for every kind:
 * suspicion-score AUC and TPR at 1 % / 5 % FPR against the true poisons, poisons and clean examples removed, and the
 * attack's success and clean accuracy with and without the defense from the same seed.
 *
 * Pre-training defenses (pixel clustering) judge the poisoned unlabeled set; when they remove anything the
 * undefended model is trained too, for the comparison. Training defenses (training-dynamics, deep-knn) first train on
 * the poisoned data (that run is the undefended one), judge from it, and, unless in detect mode, retrain from scratch
 * without what they flagged (the paper's doubling of the training time).
 */
export async function runDefendedTraining(v: Victim, poisoned: TrialData, poisonIdx: number[]): Promise<DefendedResult> {
  const kind = v.cfg.defense.kind;
  const params = v.cfg.defense.params as Record<string, unknown>;
  const n = poisoned.unlabeled.n;
  const t0 = Date.now();
  let undefended: TrainedRun | null = null;
  let judgement: Judgement;
  let judgeMs = 0;
  v.progress({ phase: 'defense', step: 0, total: 1 });
  if ((TRAINING_DEFENSE_KINDS as readonly string[]).includes(kind)) {
    const recorder = kind === 'training-dynamics-influence' ? new TrajectoryRecorder(n) : undefined;
    // Parameters arrive resolved by the trial contract (defaults filled, bounds checked).
    const tdOpts = kind === 'training-dynamics-influence' ? (params as TrainingDynamicsInfluenceParams) : null;
    const knnOpts = kind === 'deep-knn' ? deepKnnOptions(params as DeepKnnParams, poisonIdx.length || 1) : null;
    undefended = await trainRun(v, poisoned, poisonIdx, recorder);
    checkAbort(v.signal);
    const tJudge = Date.now();
    if (tdOpts && recorder) {
      const avg = influenceScores(recorder.evals, n, tdOpts);
      judgement = { remove: flagLowInfluence(avg, tdOpts), scores: influenceSuspicion(avg), statistic: '-log10 mean Influence over the 5 closest', detectOnly: tdOpts.mode === 'detect' };
      if (tdOpts.neighbours !== 5) judgement.statistic = `-log10 mean Influence over the ${tdOpts.neighbours} closest`;
    } else {
      // Unlabeled rows carry the victim's pseudo-labels (its argmax); labeled rows their labels.
      const { features, n: rows } = trainingFeatures(undefended.model, poisoned);
      const labels = new Int32Array(rows);
      labels.set(poisoned.labeled.y.subarray(0, poisoned.labeled.n));
      const pu = predictBatched(undefended.model, poisoned.unlabeled.x, n, exampleSize(poisoned.shape), poisoned.numClasses);
      for (let i = 0; i < n; i++) labels[poisoned.labeled.n + i] = argmaxRow(pu, i, poisoned.numClasses);
      const candidates = Array.from({ length: n }, (_, i) => poisoned.labeled.n + i);
      const r = deepKnn(features, labels, rows, knnOpts!, candidates);
      judgement = { remove: r.remove.map((row) => row - poisoned.labeled.n), scores: r.scores, statistic: `share of the ${knnOpts!.k} nearest with another (pseudo-)label`, detectOnly: false };
    }
    judgeMs = Date.now() - tJudge;
  } else {
    const defense = getDefense(kind);
    if (!defense) throw new TrialConfigError(`defense '${kind}' is not available in this build`);
    const decision = await defense({ shape: poisoned.shape, unlabeled: poisoned.unlabeled, params, seed: v.seed, signal: v.signal });
    judgement = { remove: decision.remove, scores: decision.scores, statistic: kind === 'pixel-clustering' ? 'nearest-neighbour closeness relative to the median' : undefined, detectOnly: false };
    judgeMs = Date.now() - t0;
  }
  checkAbort(v.signal);

  const drop = judgement.detectOnly ? [] : judgement.remove;
  // The defense's own cost over an undefended trial: judging, plus the retraining of the training defenses. The
  // undefended run a pre-training defense adds for the comparison is measurement, not defense.
  let extraMs = judgeMs;
  let final: TrainedRun;
  if (undefended && !drop.length) {
    final = undefended; // nothing removed: retraining from the same seed would give the same model
  } else {
    const dropped = dropUnlabeled(poisoned, drop);
    final = await trainRun(v, dropped.data, poisonIdx.map((i) => dropped.map[i]));
    if (!undefended && drop.length) {
      try {
        undefended = await trainRun(v, poisoned, poisonIdx);
      } catch (e) {
        final.model.dispose();
        throw e;
      }
    } else if (undefended) {
      extraMs += final.ms;
    }
  }
  if (undefended && undefended !== final) undefended.model.dispose();
  const withoutDefense = undefended ? undefended.measurement : final.measurement;

  const report = measureDefense(kind as DefenseReport['kind'], judgement.remove, judgement.scores, poisonIdx, n, withoutDefense);
  if (kind === 'training-dynamics-influence') report.mode = judgement.detectOnly ? 'detect' : 'remove';
  const artifacts = judgement.scores && judgement.statistic ? [histogramArtifact(judgement.scores, poisonIdx, judgement.statistic)] : [];
  return { final, defense: report, artifacts, defenseMs: judgeMs, extraMs };
}

/**
 * The measurement every defense gets: removals against the true poison rows (of n judged), the suspicion scores'
 * AUC and TPR at 1 % / 5 % FPR, and the same-seed outcome without the defense.
 */
export function measureDefense(
  kind: DefenseReport['kind'], remove: readonly number[], scores: Float32Array | undefined, poisonRows: readonly number[], n: number,
  undefended: RunMeasurement,
): DefenseReport {
  const rates = detectionRates(remove, poisonRows, n);
  const counts = removalCounts(remove, poisonRows, n);
  return {
    kind,
    removed: counts.removed, removedPoisons: counts.removedPoisons, truePositiveRate: rates.tpr, falsePositiveRate: rates.fpr,
    poisons: counts.poisons, cleanRemoved: counts.cleanRemoved, clean: counts.clean,
    rocAuc: scores ? rocAuc(scores, poisonRows) : null,
    tprAt1Fpr: scores ? tprAtFpr(scores, poisonRows, 0.01) : null,
    tprAt5Fpr: scores ? tprAtFpr(scores, poisonRows, 0.05) : null,
    ...(scores ? { scores: Array.from(scores, (s) => Math.round(s * 1e4) / 1e4) } : {}),
    undefended,
  };
}

/** The score histogram (poisons against benign) as a JSON artifact. */
export function histogramArtifact(scores: Float32Array, poisonRows: readonly number[], statistic: string): TrialArtifact {
  const bytes = new TextEncoder().encode(JSON.stringify(scoreHistogram(scores, poisonRows, statistic)));
  return { kind: 'defense-scores', mime: 'application/json', bytes, sha256: sha256Hex(bytes) };
}
