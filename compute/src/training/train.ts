/**
 * One training loop for every algorithm: sample, augment, let the algorithm build its loss
 * (label guessing off the tape), SGD-Nesterov step, EMA update, periodic EMA evaluation.
 */
import * as tf from '@tensorflow/tfjs-core';
import { getAlgorithm } from '../algorithms';
import { StepContext } from '../algorithms/algorithm.types';
import { selectBackend } from '../backend/select-backend';
import { augmentFor } from './augment-binding';
import { SslData, imageSize } from '../data/dataset.types';
import { createRng, hashSeed, permutation, Rng } from '../data/prng';
import { dropUnlabeled, makeSslSplit } from '../data/ssl-split';
import { loadDataset } from '../data/load-dataset';
import { createModel } from '../models/architectures';
import { loadWeightsInto } from './model-weights';
import { predictWith } from '../models/layers';
import { SgdNesterov, WeightEma } from './optimizer';
import { resolveTrainConfig } from './presets';
import { TrainConfig, TrainConfigInput } from './train-config';
import { abortError, TrainedModel, TrainMetrics, TrainOptions, TrainResult } from './train.types';

/** Cycles through seeded permutations of 0..n-1 (a fresh shuffle every pass). */
class Sampler {
  private perm: Int32Array;
  private pos = 0;
  constructor(private readonly n: number, private readonly rng: Rng) {
    this.perm = permutation(n, rng);
  }
  next(k: number): Int32Array {
    const out = new Int32Array(k);
    for (let i = 0; i < k; i++) {
      if (this.pos >= this.n) {
        this.perm = permutation(this.n, this.rng);
        this.pos = 0;
      }
      out[i] = this.perm[this.pos++];
    }
    return out;
  }
}

function gatherRows(src: Float32Array, idx: ArrayLike<number>, d: number): Float32Array {
  const out = new Float32Array(idx.length * d);
  for (let i = 0; i < idx.length; i++) out.set(src.subarray(idx[i] * d, (idx[i] + 1) * d), i * d);
  return out;
}

/** Loads and splits the configured dataset (used when no pre-split data is passed). */
export function prepareData(config: TrainConfig, seed: number): SslData {
  const ds = loadDataset(config.dataset, { dir: config.datasetDir, cacheDir: config.cacheDir, seed, ...config.toy });
  return makeSslSplit(ds, { labels: config.labels, seed, maxUnlabeled: config.maxUnlabeled, maxTest: config.maxTest });
}

function accuracy(probs: Float32Array, y: Int32Array, K: number): number {
  let ok = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (probs[i * K + k] > probs[i * K + best]) best = k;
    if (best === y[i]) ok++;
  }
  return y.length ? ok / y.length : 0;
}

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * Trains a semi-supervised model. `config` is a preset name plus overrides (see TrainConfig);
 * same config + seed + backend gives the same split, the same steps and the same accuracy.
 * Cancel with `signal`: the run stops before the next step and rejects with an AbortError.
 */
export async function trainSemiSupervised(configInput: TrainConfigInput, opts: TrainOptions): Promise<TrainResult> {
  const t0 = Date.now();
  const config = resolveTrainConfig(configInput);
  const algo = getAlgorithm(config.algorithm);
  const params = { ...algo.defaults, ...config.perAlgorithm?.[algo.name], ...config.algorithmParams };
  const backend = await selectBackend(config.backend);
  const checkAbort = () => {
    if (opts.signal?.aborted) throw abortError();
  };
  checkAbort();
  const original = opts.data ?? prepareData(config, opts.seed);
  const dropped = opts.filter ? Array.from(new Set(opts.filter(original))).sort((a, b) => a - b) : [];
  const data = dropped.length ? dropUnlabeled(original, dropped) : original;
  const [h, w, c] = data.shape;
  const d = imageSize(data.shape);
  const K = data.numClasses;
  const B = config.batchSize;
  const nU = Math.max(1, Math.round(config.mu * B * algo.unlabeledRatio));
  if (algo.unlabeledRatio > 0 && data.unlabeled.n === 0) {
    throw Object.assign(new Error(`${algo.name} needs unlabeled data but the unlabeled set is empty`), { code: 'BAD_USER_INPUT' });
  }
  const stepsPerEpoch = Math.max(1, Math.ceil(Math.max(data.unlabeled.n, 1) / Math.max(1, Math.round(config.mu * B))));
  const evalEvery = config.evalEvery ?? stepsPerEpoch;

  const model = createModel(config.model, data.shape, K, hashSeed(opts.seed, 'model'));
  if (opts.initialWeights) {
    try {
      loadWeightsInto(model, opts.initialWeights);
    } catch (e) {
      model.dispose();
      throw e;
    }
  }
  const opt = new SgdNesterov(model.variables, model.decay, {
    lr: config.lr, momentum: config.momentum, nesterov: config.nesterov, weightDecay: config.weightDecay,
    cosine: config.cosine, totalSteps: config.steps,
  });
  const ema = new WeightEma(model.variables, config.emaDecay);
  const labSampler = new Sampler(data.labeled.n, createRng(opts.seed, 'labeled-batches'));
  const unlSampler = new Sampler(Math.max(1, data.unlabeled.n), createRng(opts.seed, 'unlabeled-batches'));
  const augRng = createRng(opts.seed, 'augment');
  const algoRng = createRng(opts.seed, 'algorithm');
  const aug = augmentFor(data, augRng, config.augment);
  const metrics: TrainMetrics = { evals: [], loss: [], maskRate: [], finalTestAccuracy: 0 };
  const last: Record<string, number> = {};

  const evaluate = async (step: number) => {
    const epoch = Math.round((step / stepsPerEpoch) * 1000) / 1000;
    const probs = predictWith(model, ema.weights, data.test.x, data.test.n);
    const acc = accuracy(probs, data.test.y, K);
    metrics.evals.push({ step, epoch, testAccuracy: acc });
    metrics.finalTestAccuracy = acc;
    last.testAccuracy = acc;
    if (opts.observer && opts.observer.indices.length) {
      const xs = gatherRows(original.unlabeled.x, opts.observer.indices, d);
      opts.observer.onEval({ step, epoch, probs: predictWith(model, ema.weights, xs, opts.observer.indices.length) });
    }
    opts.onProgress?.({ phase: 'eval', step, total: config.steps, metrics: { ...last } });
    await yieldToEventLoop();
  };

  const trained: TrainedModel = {
    network: model, emaWeights: ema.weights, numClasses: K, inputShape: data.shape,
    predict: (x, n, bs) => predictWith(model, ema.weights, x, n, bs),
    apply: (x, training = false) => model.applyWith(ema.weights, x, { training, updateStats: false }),
    features: (x) => tf.tidy(() => model.applyWith(ema.weights, x, { training: false }).features),
    dispose: () => {
      model.dispose();
      ema.dispose();
    },
  };
  try {
    for (let step = 0; step < config.steps; step++) {
      checkAbort();
      const li = labSampler.next(B);
      const xlRaw = tf.tensor4d(gatherRows(data.labeled.x, li, d), [B, h, w, c]);
      const yl = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(Array.from(li, (i) => data.labeled.y[i]), 'int32'), K), 'float32') as tf.Tensor2D);
      const xl = aug.weak(xlRaw);
      const xu = algo.unlabeledRatio > 0 ? tf.tensor4d(gatherRows(data.unlabeled.x, unlSampler.next(nU), d), [nU, h, w, c]) : null;
      const ctx: StepContext = {
        model, xl, yl, xu, weak: aug.weak, strong: aug.strong, weakCutout: aug.weakCutout, rng: algoRng, step, totalSteps: config.steps, params,
        teacher: (x) => model.applyWith(model.variables, x, { training: true, updateStats: false }).logits,
        emaTeacher: (x) => model.applyWith(ema.weights, x, { training: true, updateStats: false }).logits,
      };
      const prepared = algo.prepare(ctx);
      const { value, grads } = tf.variableGrads(prepared.lossFn, model.variables);
      opt.apply(model.variables.map((v) => grads[v.name]), step);
      ema.update(step);
      const parts = prepared.parts!;
      if (step % config.logEvery === 0 || step === config.steps - 1) {
        const lr = opt.learningRate(step);
        const [tot, sup, uns] = [parts.total, parts.supervised, parts.unsupervised].map((t) => t.dataSync()[0]);
        if (!Number.isFinite(tot)) throw new Error(`loss became ${tot} at step ${step}`);
        metrics.loss.push({ step, total: tot, supervised: sup, unsupervised: uns, lr });
        Object.assign(last, { loss: tot, supervised: sup, unsupervised: uns, lr });
        if (parts.maskRate) {
          const m = parts.maskRate.dataSync()[0];
          metrics.maskRate.push({ step, value: m });
          last.maskRate = m;
        }
      }
      tf.dispose([value, ...Object.values(grads), parts.total, parts.supervised, parts.unsupervised, ...(parts.maskRate ? [parts.maskRate] : [])]);
      tf.dispose([xlRaw, yl, xl, ...(xu ? [xu] : []), ...prepared.dispose]);
      opts.onProgress?.({ phase: 'train', step: step + 1, total: config.steps, metrics: { ...last } });
      if ((step + 1) % evalEvery === 0 || step + 1 === config.steps) await evaluate(step + 1);
      else await yieldToEventLoop();
    }
  } catch (e) {
    trained.dispose();
    throw e;
  } finally {
    opt.dispose();
  }
  return {
    model: trained, metrics, backend: backend.name, seconds: (Date.now() - t0) / 1000, config,
    data: { labeled: data.labeled.n, unlabeled: data.unlabeled.n, test: data.test.n, dropped, stepsPerEpoch },
  };
}
