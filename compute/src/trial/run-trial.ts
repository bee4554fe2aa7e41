import { craftInterpolationPath, craftLatentPath, craftZeroKnowledgePath, CraftedPath } from '../attacks/interpolation.craft';
import { poisonCount } from '../attacks/interpolation.attack';
import { findSourceByEvasion } from '../attacks/evasion-source';
import { trainLatentCodec } from '../attacks/latent-codec';
import { defaultEngine } from './engine';
import { TrialData, TrialEngine, TrialModel } from './engine.types';
import { runDefendedTraining } from './defended-training';
import { runFeatureCollisionTrial } from './feature-collision.trial';
import { imageShapeOf, imageStripPng, sampleEvenly } from './png';
import { encodeNpy } from '../benchmark/npy';
import { sha256Hex } from './config-hash';
import { decisionRegionsArtifact, isPlanar } from './decision-regions';
import {
  appendUnlabeled, checkAbort, chooseTargetAndLabel, exampleAt, exampleSize, indicesOfClass, nearestRow, pick, pngArtifact,
  splitSha256,
} from './trial-helpers';
import { codeVersion, FEATURE_COLLISION_KINDS, ResolvedTrialConfig, resolveTrialConfig, trialConfigHash } from '../contract';
import { TrialArtifact, TrialConfig, TrialConfigError, TrialOptions, TrialOutcome } from './trial.types';

/**
 * Runs one poisoning trial end to end: split, choose target, label and source, craft poisons, defense hook, train, evaluate.
 * Same config + seed on the same backend gives the same poisons and the same outcome.
 * The config is resolved once, up front (resolveTrialConfig); the outcome carries the resolved config and its hash.
 * Throws ContractError (code BAD_USER_INPUT) for an invalid config and an error named 'AbortError' on cancel.
 * `engine` is for tests and alternative engines; by default the compute engine of this package is used.
 */
export async function runTrial(config: TrialConfig | ResolvedTrialConfig, options: TrialOptions, engine: TrialEngine = defaultEngine()): Promise<TrialOutcome> {
  const cfg = resolveTrialConfig(config);
  if (!Number.isInteger(options.seed) || options.seed < 0) throw new TrialConfigError('seed must be a non-negative integer');
  if (FEATURE_COLLISION_KINDS.includes(cfg.attack.kind)) return runFeatureCollisionTrial(cfg, options, engine);
  return runInterpolationTrial(cfg, options, engine);
}

async function runInterpolationTrial(cfg: ResolvedTrialConfig, options: TrialOptions, engine: TrialEngine): Promise<TrialOutcome> {
  const { seed, signal } = options;
  const progress = options.onProgress ?? (() => undefined);
  const t0 = Date.now();
  const backend = await engine.backend();
  progress({ phase: 'data', step: 0, total: 1 });
  const clean = await engine.split(cfg, seed);
  const tData = Date.now();
  checkAbort(signal);

  const d = exampleSize(clean.shape);
  const k = clean.numClasses;
  const { rng, targetIndex, targetClass, targetLabel } = chooseTargetAndLabel(clean, seed);
  const target = exampleAt(clean.test, targetIndex, d);
  const datasetSha256 = splitSha256(clean);
  const attackMetrics: Record<string, number> = {};

  // Craft.
  progress({ phase: 'craft', step: 0, total: 1 });
  let crafted: CraftedPath | null = null;
  let sourceIndex = -1;
  let source: Float32Array | null = null;
  if (cfg.attack.kind === 'interpolation') {
    const params = cfg.attack.params;
    const sourceSearch = params.source;
    const candidates = indicesOfClass(clean.labeled.y, clean.labeled.n, targetLabel);
    // 'labeled' draws x' at random among the labeled examples of class y* (the paper's trials); 'nearest' is the
    // attacker's free choice of the one closest to x* in pixel space (the paper notes some sources are better).
    sourceIndex = pick(rng, candidates, `labeled example of class ${targetLabel}`);
    if (sourceSearch === 'nearest') sourceIndex = nearestRow(clean.labeled.x, candidates, target).index;
    source = exampleAt(clean.labeled, sourceIndex, d);
    const count = poisonCount(cfg.rate, clean.unlabeled.n);
    const space = params.space;
    if (sourceSearch === 'evasion') {
      // Transfer variant: x' is found next to x* by an evasion step on the initial (labeled-only) model.
      const initial = await engine.train({ ...cfg, algorithm: 'supervised' }, clean, { seed, signal });
      const found = findSourceByEvasion(initial, clean.shape, target, targetLabel, {
        epsilon: params.epsilon, steps: params.evasionSteps,
      });
      initial.dispose();
      source = found.source;
      attackMetrics.evasionDistance = found.distance;
      attackMetrics.evasionReached = found.reached ? 1 : 0;
    }
    if (space === 'latent') {
      const codec = await trainLatentCodec(clean, { seed, latent: params.latent, epochs: params.codecEpochs, signal });
      crafted = craftLatentPath(source, target, count, cfg.density, codec);
      attackMetrics.codecReconstructionMse = codec.reconstructionMse;
      codec.dispose();
    } else {
      crafted = craftInterpolationPath(source, target, count, cfg.density);
    }
  } else if (cfg.attack.kind === 'zero-knowledge-interpolation') {
    if (!clean.unlabeled.yTrue) throw new TrialConfigError('zero-knowledge interpolation needs a dataset with known classes');
    const pool = indicesOfClass(clean.unlabeled.yTrue, clean.unlabeled.n, targetLabel);
    sourceIndex = pick(rng, pool, `unlabeled example of class ${targetLabel}`);
    source = exampleAt(clean.unlabeled, sourceIndex, d);
    const bridges = cfg.attack.params.bridges;
    const others = pool.filter((i) => i !== sourceIndex);
    const bridgeTargets = Array.from({ length: Math.min(bridges, others.length) }, () => exampleAt(clean.unlabeled, others.splice(rng.int(others.length), 1)[0], d));
    crafted = craftZeroKnowledgePath(source, target, bridgeTargets, poisonCount(cfg.rate, clean.unlabeled.n), cfg.density);
  }
  const tCraft = Date.now();
  checkAbort(signal);

  // Poisons go at the end of the unlabeled set (yTrue -1: no true class), the main path first.
  const data: TrialData = crafted ? appendUnlabeled(clean, crafted.poisons, crafted.count, -1) : clean;
  const poisonIdx = crafted ? Array.from({ length: crafted.count }, (_, i) => clean.unlabeled.n + i) : [];

  // Defense (identity for 'none') and the training(s) it needs; the final model is the defended one.
  const { final, defense, artifacts: defenseArtifacts, defenseMs, extraMs } = await runDefendedTraining({
    cfg, engine, seed, signal, progress, target, targetLabel,
    poisons: crafted ? { x: crafted.poisons, count: crafted.count, alphas: crafted.alphas } : null,
  }, data, poisonIdx);
  const tTrain = Date.now();

  try {
    progress({ phase: 'evaluate', step: 0, total: 1 });
    const m = final.measurement;
    const artifacts: TrialArtifact[] = [];
    const img = imageShapeOf(clean.shape);
    const alphas = crafted ? crafted.alphas : [];
    if (img && crafted && alphas.length) {
      const frames = sampleEvenly(alphas.length, 12).map((i) => crafted!.poisons.slice(i * d, (i + 1) * d));
      artifacts.push(pngArtifact('poison-path', imageStripPng(frames, img)));
    }
    if (crafted && crafted.count > 0) {
      // The poisons themselves, so anyone can check them against the config and seed (same bytes, same hash).
      const npy = encodeNpy(crafted.poisons.subarray(0, crafted.count * d), [crafted.count, ...clean.shape]);
      artifacts.push({ kind: 'poisons', mime: 'application/x-npy', bytes: npy, sha256: sha256Hex(npy) });
    }
    // Points in the plane (toy data): the decision regions, the data and the path, for the trial page's scatter.
    if (isPlanar(clean.shape)) artifacts.push(decisionRegionsArtifact(final.model, clean, crafted?.poisons ?? null, alphas, source, target, targetLabel));
    artifacts.push(...defenseArtifacts);
    const tEval = Date.now();
    progress({ phase: 'done', step: 1, total: 1 });
    return {
      success: m.success,
      targetIndex, sourceIndex, targetClass, targetLabel, targetPrediction: m.targetPrediction,
      targetConfidence: m.targetConfidence,
      cleanAccuracy: m.cleanAccuracy,
      poisonCount: crafted ? crafted.count : 0,
      poisonShareAtTarget: m.poisonShareAtTarget,
      propagation: final.propagation,
      defense,
      attackMetrics,
      timings: { totalMs: tEval - t0, dataMs: tData - t0, craftMs: tCraft - tData, defenseMs, trainMs: tTrain - tCraft - defenseMs, evalMs: tEval - tTrain, defenseExtraMs: extraMs },
      backend, seed, configHash: trialConfigHash(cfg), config: cfg, provenance: { codeVersion: codeVersion(), datasetSha256 }, artifacts,
    };
  } finally {
    final.model.dispose();
  }
}

export type { TrialModel };
