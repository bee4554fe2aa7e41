/**
 * Scale presets. toy: 2-D moons + MLP (seconds). mini: MNIST / Fashion-MNIST + small CNN,
 * sized for ~2 minutes of 40-label FixMatch on 2 CPU cores (WASM). paper: CIFAR-10 / SVHN /
 * STL-10 + WRN-28-2 with the FixMatch schedule (2^20 steps, B=64, mu=7, lr 0.03, cosine,
 * wd 5e-4, EMA 0.999): meant for GPU workers (tfjs-node-gpu), see compute/README.md.
 */
import { DatasetName } from '../data/dataset.types';
import { PresetName, TrainConfig, TrainConfigInput } from './train-config';

const TOY: Omit<TrainConfig, 'algorithm'> = {
  preset: 'toy', dataset: 'moons', labels: 10, model: { kind: 'mlp', hidden: [64, 64] },
  steps: 1500, batchSize: 10, mu: 7, lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 5e-4,
  cosine: true, emaDecay: 0.99, evalEvery: 500, logEvery: 10,
  // MixMatch's lambda_u = 75 was tuned for Adam; with SGD at lr 0.1 it collapses the toy model.
  perAlgorithm: { mixmatch: { lambdaU: 25 } },
  toy: { nTrain: 2000, nTest: 1000, noise: 0.1 },
};

const MINI: Omit<TrainConfig, 'algorithm'> = {
  preset: 'mini', dataset: 'mnist', labels: 40, model: { kind: 'cnn', widths: [16, 32, 64, 64] },
  steps: 1500, batchSize: 16, mu: 2, lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 5e-4,
  cosine: true, emaDecay: 0.99, logEvery: 10, maxUnlabeled: 5000, maxTest: 1000,
  // Measured on MNIST-40: lambda_u 75 (tuned for Adam) collapses MixMatch to ~32 % with SGD lr 0.1; 25 trains.
  perAlgorithm: { mixmatch: { lambdaU: 25 } },
};

const PAPER: Omit<TrainConfig, 'algorithm'> = {
  preset: 'paper', dataset: 'cifar10', labels: 250, model: { kind: 'wrn', depth: 28, widen: 2 },
  steps: 1 << 20, batchSize: 64, mu: 7, lr: 0.03, momentum: 0.9, nesterov: true, weightDecay: 5e-4,
  cosine: true, emaDecay: 0.999, evalEvery: 1024, logEvery: 64,
};

export const PRESETS: Record<PresetName, Omit<TrainConfig, 'algorithm'>> = { toy: TOY, mini: MINI, paper: PAPER };

const PRESET_DATASETS: Record<PresetName, readonly DatasetName[]> = {
  toy: ['moons', 'blobs'], mini: ['mnist', 'fashion-mnist'], paper: ['cifar10', 'svhn', 'stl10'],
};

/** The preset whose datasets include `dataset`. */
export function presetForDataset(dataset: DatasetName): PresetName {
  for (const p of ['toy', 'mini', 'paper'] as const) if (PRESET_DATASETS[p].includes(dataset)) return p;
  return 'mini';
}

/** Merges a preset's defaults with overrides; validates the numbers that would break training. */
export function resolveTrainConfig(input: TrainConfigInput): TrainConfig {
  const preset = input.preset ?? (input.dataset ? presetForDataset(input.dataset) : 'toy');
  const base = PRESETS[preset];
  if (!base) throw Object.assign(new Error(`unknown preset "${String(preset)}"`), { code: 'BAD_USER_INPUT' });
  const cfg: TrainConfig = { algorithm: 'fixmatch', ...base, ...stripUndefined(input), preset } as TrainConfig;
  if (preset === 'paper' && input.weightDecay === undefined && cfg.dataset === 'cifar10' && cfg.labels >= 10000) cfg.weightDecay = 1e-3;
  const bad = (m: string) => Object.assign(new Error(m), { code: 'BAD_USER_INPUT' });
  for (const k of ['steps', 'batchSize', 'labels'] as const) {
    if (!Number.isInteger(cfg[k]) || cfg[k] <= 0) throw bad(`${k} must be a positive integer`);
  }
  if (!(cfg.mu > 0) || !(cfg.lr > 0) || !(cfg.emaDecay >= 0 && cfg.emaDecay < 1)) throw bad('mu, lr must be > 0 and emaDecay in [0,1)');
  return cfg;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
