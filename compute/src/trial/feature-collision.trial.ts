import * as tf from '@tensorflow/tfjs-core';
import { craftFeatureCollision, FeatureCollisionResult } from '../attacks/feature-collision.attack';
import { trainLinearHead } from '../attacks/linear-head';
import { createRng } from '../data/prng';
import { codeVersion, ResolvedTrialConfig, trialConfigHash } from '../contract';
import { TrialData, TrialEngine, TrialModel } from './engine.types';
import { pretrainedExtractor } from './extractor-cache';
import { imageShapeOf, imageStripPng } from './png';
import { accuracy, argmaxRow, checkAbort, exampleAt, exampleSize, indicesOfClass, nearestRow, pngArtifact, predictBatched, splitSha256 } from './trial-helpers';
import { DefenseReport, TrialArtifact, TrialConfigError, TrialOptions, TrialOutcome } from './trial.types';
import { deepKnn, deepKnnOptions } from '../defenses';
import { histogramArtifact, measureDefense } from './defended-training';

function features(model: TrialModel, x: Float32Array, n: number, shape: number[], batch = 256): Float32Array {
  const d = exampleSize(shape);
  const parts: Float32Array[] = [];
  for (let s = 0; s < n; s += batch) {
    const m = Math.min(batch, n - s);
    parts.push(tf.tidy(() => model.apply(tf.tensor(x.subarray(s * d, (s + m) * d), [m, ...shape]), false).features.dataSync() as Float32Array).slice());
  }
  const k = n ? parts[0].length / Math.min(batch, n) : 0;
  const out = new Float32Array(n * k);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/**
 * Poison Frogs trial. Transfer: a cached extractor pre-trained (supervised) on a labeled pre-training split; poisons
 * crafted by Algorithm 1 against its features; the last layer retrained on clean fine-tuning data plus the poisons.
 * End-to-end: every layer retrained from the pre-trained weights on fine-tuning data plus watermarked poisons.
 * Success: the target t is classified as the base class y*.
 */
export async function runFeatureCollisionTrial(cfg: ResolvedTrialConfig, options: TrialOptions, engine: TrialEngine): Promise<TrialOutcome> {
  const { seed, signal } = options;
  const progress = options.onProgress ?? (() => undefined);
  const attack = cfg.attack;
  if (attack.kind !== 'feature-collision' && attack.kind !== 'watermark' && attack.kind !== 'feature-collision-watermark') {
    throw new Error(`runFeatureCollisionTrial cannot run ${attack.kind}`);
  }
  const params = attack.params;
  const { setting, poisons, pretrainLabels, finetunePerClass, pretrainSeed } = params;
  // Watermarking alone crafts no collision: zero iterations of Algorithm 1 (beta0 only shows in the metrics).
  const collision = attack.kind === 'watermark'
    ? { beta0: 0.25, learningRate: 0.05, iterations: 0, stepRule: 'halve' as const }
    : { beta0: attack.params.beta0, learningRate: attack.params.learningRate, iterations: attack.params.iterations, stepRule: attack.params.stepRule };
  const fcParams = { ...collision, watermark: params.watermark };
  const t0 = Date.now();
  const backend = await engine.backend();

  // Pre-train (cached). The pre-training seed is a parameter, not the trial seed, so trials share one extractor.
  progress({ phase: 'pretrain', step: 0, total: 1 });
  const preCfg = { preset: cfg.preset, dataset: cfg.dataset, labels: pretrainLabels, algorithm: 'supervised', overrides: cfg.overrides };
  const { model: extractor, data } = await pretrainedExtractor(engine, { config: preCfg, seed: pretrainSeed }, {
    backend, signal, onProgress: (p) => progress({ phase: 'pretrain', step: p.step, total: p.total }),
  });
  const tData = Date.now();
  checkAbort(signal);

  const d = exampleSize(data.shape);
  const k = data.numClasses;
  const rng = createRng(seed, 'trial-target');
  const targetIndex = rng.int(data.test.n);
  const targetClass = data.test.y[targetIndex];
  let targetLabel = rng.int(k - 1);
  if (targetLabel >= targetClass) targetLabel++;
  const target = exampleAt(data.test, targetIndex, d);
  // Diverse bases: distinct test images of the base class (never the target).
  const basePool = indicesOfClass(data.test.y, data.test.n, targetLabel, targetIndex);
  const baseIdx = Array.from({ length: Math.min(poisons, basePool.length) }, () => basePool.splice(rng.int(basePool.length), 1)[0]);

  progress({ phase: 'craft', step: 0, total: baseIdx.length });
  const featureFn = (x: tf.Tensor): tf.Tensor => extractor.apply(x, false).features;
  const crafted: FeatureCollisionResult[] = [];
  for (const bi of baseIdx) {
    crafted.push(craftFeatureCollision(featureFn, exampleAt(data.test, bi, d), target, data.shape, fcParams, { signal }));
    progress({ phase: 'craft', step: crafted.length, total: baseIdx.length });
  }
  const tCraft = Date.now();
  checkAbort(signal);

  // Fine-tuning data: clean examples from the part of the train set the extractor never saw, plus the poisons.
  const ft: number[] = [];
  const yTrue = data.unlabeled.yTrue!;
  for (let c = 0; c < k; c++) ft.push(...indicesOfClass(yTrue, data.unlabeled.n, c).slice(0, finetunePerClass));
  const nFt = ft.length + crafted.length;
  const ftX = new Float32Array(nFt * d);
  const ftY = new Int32Array(nFt);
  ft.forEach((i, j) => { ftX.set(data.unlabeled.x.subarray(i * d, (i + 1) * d), j * d); ftY[j] = yTrue[i]; });
  crafted.forEach((c, j) => { ftX.set(c.poison, (ft.length + j) * d); ftY[ft.length + j] = targetLabel; });

  progress({ phase: 'train', step: 0, total: 1 });
  let targetProbs: Float32Array;
  let cleanAccuracy: number;
  let poisonShare = 0;
  const attackMetrics: Record<string, number> = {};
  const defenseKind = cfg.defense?.kind ?? 'none';
  let defense: DefenseReport = { kind: defenseKind, removed: 0, removedPoisons: 0, truePositiveRate: null, falsePositiveRate: null };
  const defenseArtifacts: TrialArtifact[] = [];
  let defenseMs = 0;
  if (defenseKind !== 'none' && (defenseKind !== 'deep-knn' || setting !== 'transfer')) {
    throw new TrialConfigError(`defense '${defenseKind}' does not apply to the Poison Frogs ${setting} trial (deep-knn runs in the transfer setting)`);
  }
  if (setting === 'transfer') {
    const ftF = features(extractor, ftX, nFt, data.shape);
    const tF = features(extractor, target, 1, data.shape);
    const testF = features(extractor, data.test.x, data.test.n, data.shape);
    const fit = (keep: number[] | null) => {
      const rows = keep ?? Array.from({ length: nFt }, (_, i) => i);
      const dim = ftF.length / nFt;
      const x = new Float32Array(rows.length * dim);
      rows.forEach((r, j) => x.set(ftF.subarray(r * dim, (r + 1) * dim), j * dim));
      const head = trainLinearHead(x, Int32Array.from(rows, (r) => ftY[r]), rows.length, k, { signal });
      try {
        const tp = head.predict(tF, 1);
        const p = head.predict(testF, data.test.n);
        let ok = 0;
        for (let i = 0; i < data.test.n; i++) if (argmaxRow(p, i, k) === data.test.y[i]) ok++;
        const pp = head.predict(ftF.slice(ft.length * dim), crafted.length);
        let share = 0;
        for (let i = 0; i < crafted.length; i++) if (argmaxRow(pp, i, k) === targetLabel) share++;
        return { targetProbs: tp, cleanAccuracy: ok / data.test.n, poisonShare: share };
      } finally {
        head.dispose();
      }
    };
    const undefended = fit(null);
    ({ targetProbs, cleanAccuracy, poisonShare } = undefended);
    if (defenseKind === 'deep-knn') {
      // Deep k-NN in the extractor's feature space (the victim's penultimate layer) over the fine-tuning set.
      const t = Date.now();
      const poisonRows = crafted.map((_, j) => ft.length + j);
      const judged = deepKnn(ftF, ftY, nFt, deepKnnOptions(cfg.defense?.params ?? {}, crafted.length));
      const gone = new Set(judged.remove);
      const defended = fit(Array.from({ length: nFt }, (_, i) => i).filter((i) => !gone.has(i)));
      ({ targetProbs, cleanAccuracy, poisonShare } = defended);
      defenseMs = Date.now() - t;
      defense = measureDefense('deep-knn', judged.remove, judged.scores, poisonRows, nFt, {
        success: argmaxRow(undefended.targetProbs, 0, k) === targetLabel, targetPrediction: argmaxRow(undefended.targetProbs, 0, k),
        targetConfidence: undefended.targetProbs[argmaxRow(undefended.targetProbs, 0, k)], cleanAccuracy: undefended.cleanAccuracy,
        poisonShareAtTarget: crafted.length ? undefended.poisonShare / crafted.length : 0,
      });
      defenseArtifacts.push(histogramArtifact(judged.scores, poisonRows, 'share of the k nearest with another label'));
    }
    // Control: the same head trained without the poisons.
    const cleanHead = trainLinearHead(ftF.slice(0, ft.length * (ftF.length / nFt)), ftY.slice(0, ft.length), ft.length, k, { signal });
    attackMetrics.cleanHeadPredictsBase = argmaxRow(cleanHead.predict(tF, 1), 0, k) === targetLabel ? 1 : 0;
    cleanHead.dispose();
    // Geometry of the collision: for the head to give t the base label the poison has to sit closer to f(t) than t's
    // own class does (necessary, not sufficient). Squared distance from f(t) to its nearest own-class clean example.
    attackMetrics.targetNearestOwnClassDistance = nearestRow(ftF, indicesOfClass(ftY, ft.length, targetClass), tF).distance;
  } else {
    // Warm start: the compute engine retrains every layer from the pre-trained extractor's weights (and its EMA
    // starts there), with the pre-training recipe (SGD-Nesterov, weak augmentation) at a smaller learning rate, on
    // the clean fine-tuning data plus the poisons. The shared extractor itself is not modified.
    const ftData: TrialData = {
      shape: data.shape, numClasses: k, allowFlip: data.allowFlip,
      labeled: { x: ftX, y: ftY, n: nFt }, unlabeled: { x: new Float32Array(0), n: 0 }, test: data.test,
    };
    const steps = params.fineTuneSteps;
    const lr = params.fineTuneLearningRate;
    const tuned = await engine.train({ ...preCfg, overrides: { ...preCfg.overrides, steps, lr } }, ftData, {
      seed, signal, initialModel: extractor, onProgress: (p) => progress({ phase: 'train', step: p.step, total: p.total }),
    });
    try {
      cleanAccuracy = accuracy(tuned, data.test, d, k);
      const pp = predictBatched(tuned, ftX.subarray(ft.length * d), crafted.length, d, k);
      for (let i = 0; i < crafted.length; i++) if (argmaxRow(pp, i, k) === targetLabel) poisonShare++;
      targetProbs = tuned.predict(target, 1);
    } finally {
      tuned.dispose();
    }
  }
  const tTrain = Date.now();
  const targetPrediction = argmaxRow(targetProbs, 0, k);
  attackMetrics.featureDistanceStart = mean(crafted.map((c) => c.featureDistanceStart));
  attackMetrics.featureDistanceEnd = mean(crafted.map((c) => c.featureDistanceEnd));
  attackMetrics.inputDistanceToBase = mean(crafted.map((c) => c.inputDistanceToBase));
  attackMetrics.beta = crafted[0]?.beta ?? 0;
  // Iterations of Algorithm 1 actually run (at most params.iterations; fewer when the halving step rule stalls).
  attackMetrics.iterations = Math.max(0, ...crafted.map((c) => c.iterations));

  const artifacts: TrialArtifact[] = [];
  const img = imageShapeOf(data.shape);
  if (img && crafted.length) {
    artifacts.push(...defenseArtifacts);
    artifacts.push(pngArtifact('feature-collision', imageStripPng([exampleAt(data.test, baseIdx[0], d), crafted[0].poison, target], img)));
  }
  const tEval = Date.now();
  progress({ phase: 'done', step: 1, total: 1 });
  return {
    success: targetPrediction === targetLabel,
    targetIndex, sourceIndex: baseIdx[0] ?? -1, targetClass, targetLabel, targetPrediction,
    targetConfidence: targetProbs[targetPrediction],
    cleanAccuracy,
    poisonCount: crafted.length,
    poisonShareAtTarget: crafted.length ? poisonShare / crafted.length : 0,
    propagation: { alphas: [], firstEpochAtTarget: [], epochs: [] },
    defense,
    attackMetrics,
    timings: { totalMs: tEval - t0, dataMs: tData - t0, craftMs: tCraft - tData, defenseMs, trainMs: tTrain - tCraft - defenseMs, evalMs: tEval - tTrain, defenseExtraMs: defenseMs },
    backend, seed, configHash: trialConfigHash(cfg), config: cfg, provenance: { codeVersion: codeVersion(), datasetSha256: splitSha256(data) }, artifacts,
  };
}

function mean(v: number[]): number {
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
}
