import { selectBackend } from '../backend';
import { DatasetName, SslData } from '../data/dataset.types';
import { decodeWeights, encodeWeights, exportWeights, isTrainedModel, restoreTrainedModel, prepareData, resolveTrainConfig, trainSemiSupervised, TrainConfigInput, TrainedModel } from '../training';
import { TrialData, TrialEngine } from './engine.types';

type EngineConfig = { preset: string; dataset: string; labels: number; algorithm?: string; overrides?: Record<string, unknown> };

/** A trial config as the compute engine's TrainConfigInput: the preset, then overrides, then the trial's own fields. */
export function trainInput(config: EngineConfig): TrainConfigInput {
  return {
    ...(config.overrides as TrainConfigInput),
    preset: config.preset as TrainConfigInput['preset'],
    dataset: config.dataset as DatasetName,
    labels: config.labels,
    ...(config.algorithm ? { algorithm: config.algorithm as TrainConfigInput['algorithm'] } : {}),
  };
}

/**
 * The trial runner's view of this package's compute engine: backend selection, the seeded split (the same one
 * trainSemiSupervised would make) and training on an already split, possibly poisoned, dataset.
 */
export function defaultEngine(): TrialEngine {
  return {
    async backend() {
      return (await selectBackend()).name;
    },
    async split(config, seed) {
      const resolved = resolveTrainConfig(trainInput(config));
      await selectBackend(resolved.backend);
      return prepareData(resolved, seed) as TrialData;
    },
    async train(config, data, opts) {
      // Warm start (end-to-end retraining): the initial model must be one this engine trained or restored.
      if (opts.initialModel && !isTrainedModel(opts.initialModel)) {
        throw Object.assign(new Error('warm start needs a model trained by the compute engine'), { code: 'BAD_USER_INPUT' });
      }
      const result = await trainSemiSupervised(trainInput(config), {
        seed: opts.seed,
        signal: opts.signal,
        data: data as SslData,
        observer: opts.observer,
        initialWeights: opts.initialModel ? exportWeights(opts.initialModel as TrainedModel) : undefined,
        onProgress: opts.onProgress ? (p) => opts.onProgress!({ step: p.step, total: p.total, metrics: p.metrics as Record<string, number> }) : undefined,
      });
      return result.model;
    },
    exportModel(model) {
      if (!isTrainedModel(model)) throw new Error('exportModel needs a model trained by the compute engine');
      return encodeWeights(exportWeights(model));
    },
    importModel(config, data, bytes) {
      const [h, w, c] = data.shape;
      return restoreTrainedModel(trainInput(config), [h, w, c], data.numClasses, decodeWeights(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    },
  };
}
