import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { defaultCacheDir } from '../data/mnist.loader';
import { configHash } from './config-hash';
import { TrialData, TrialEngine, TrialModel, TrialTrainProgress } from './engine.types';

/** What determines a pre-trained feature extractor: the supervised pre-training config and its seed. */
export interface ExtractorSpec {
  config: { preset: string; dataset: string; labels: number; algorithm: string; overrides?: Record<string, unknown> };
  seed: number;
}

// Bump when training code changes what a given config produces, so that stale extractors on disk are not reused.
const EXTRACTOR_FORMAT = 'extractor-v1';

// Feature extractors are trained once per pre-training config and reused by every trial (the transfer setting
// assumes a public pre-trained network): in memory per process, and on disk so that workers and later runs do not
// retrain them.
const memory = new Map<string, Promise<{ model: TrialModel; data: TrialData }>>();

/** Forgets the in-memory extractors (tests; memory). The disk cache is kept. */
export function clearExtractorCache(): void {
  for (const p of memory.values()) void p.then((e) => e.model.dispose()).catch(() => undefined);
  memory.clear();
}

/** `<cacheDir>/extractors`: the `cacheDir` training override if set, else `$FROGPOND_HOME/cache` (~/.frogpond/cache). */
export function extractorCacheDir(overrides?: Record<string, unknown>): string {
  const dir = typeof overrides?.cacheDir === 'string' && overrides.cacheDir ? overrides.cacheDir : defaultCacheDir();
  return path.join(dir, 'extractors');
}

/** The cache key: hash of the pre-training config, its seed, the backend (results differ by backend) and the format. */
export function extractorKey(spec: ExtractorSpec, backend: string): string {
  return configHash({ ...spec.config, pretrainSeed: spec.seed, backend, format: EXTRACTOR_FORMAT });
}

/**
 * The pre-trained extractor of `spec` and the split it was trained on: from memory, else from the disk cache (when
 * the engine can import models), else trained and written to disk atomically. The model is shared: callers must not
 * dispose or modify it.
 */
export async function pretrainedExtractor(
  engine: TrialEngine,
  spec: ExtractorSpec,
  opts: { backend: string; signal?: AbortSignal; onProgress?: (p: TrialTrainProgress) => void; dir?: string },
): Promise<{ model: TrialModel; data: TrialData; key: string }> {
  const key = extractorKey(spec, opts.backend);
  let cached = memory.get(key);
  if (!cached) {
    cached = loadOrTrain(engine, spec, key, opts);
    memory.set(key, cached);
    cached.catch(() => memory.delete(key));
  }
  return { ...(await cached), key };
}

async function loadOrTrain(
  engine: TrialEngine,
  spec: ExtractorSpec,
  key: string,
  opts: { signal?: AbortSignal; onProgress?: (p: TrialTrainProgress) => void; dir?: string },
): Promise<{ model: TrialModel; data: TrialData }> {
  const data = await engine.split(spec.config, spec.seed);
  const dir = opts.dir ?? extractorCacheDir(spec.config.overrides);
  const file = path.join(dir, `${key}.bin`);
  if (engine.importModel && fs.existsSync(file)) {
    try {
      return { model: engine.importModel(spec.config, data, fs.readFileSync(file)), data };
    } catch {
      // A corrupt or foreign file is retrained and overwritten, not fatal.
    }
  }
  const model = await engine.train(spec.config, data, { seed: spec.seed, signal: opts.signal, onProgress: opts.onProgress });
  if (engine.exportModel) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      // Atomic: a concurrent reader sees either no file or a whole one. The thread id keeps two worker threads of one
      // process (repro:mini --workers) from writing the same temporary file.
      const tmp = `${file}.${process.pid}-${threadId}.tmp`;
      fs.writeFileSync(tmp, engine.exportModel(model));
      fs.renameSync(tmp, file);
    } catch {
      // A read-only cache only costs retraining next time.
    }
  }
  return { model, data };
}
