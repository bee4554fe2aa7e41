import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { encodeNpy } from '@frogpond/compute/benchmark/files';
import { tarChunks, TarEntry } from '@frogpond/compute/benchmark/files';
import type { BenchmarkReplicate, ReplicateOptions } from '@frogpond/compute/benchmark';
import type { TrialConfig } from '@frogpond/compute';
import { BenchmarkKeys } from './benchmark-secret';
import { Benchmark, BenchmarkSplit } from './benchmark.entity';

/** What a client may know about one built archive. */
export interface BuiltArchive {
  file: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  replicates: number;
}

/** The server-only truth of one sequestered replicate. */
export interface ReplicateTruth {
  id: string;
  seed: number;
  unlabeledCount: number;
  poisonIndices: number[];
  /** Published position -> canonical index (clean unlabeled first, poisons appended), as runTrial orders them. */
  canonicalIndex: number[];
  targetIndex: number;
  targetLabel: number;
}

type MakeReplicate = (config: TrialConfig, opts: ReplicateOptions) => BenchmarkReplicate;
// Loaded on first use: it pulls TensorFlow.js, which an API process that serves no benchmark file never needs.
const loadMaker = (): MakeReplicate => (require('@frogpond/compute/benchmark') as { makeBenchmarkReplicate: MakeReplicate }).makeBenchmarkReplicate;

export const replicateId = (split: BenchmarkSplit, i: number) => `${split}-${String(i).padStart(2, '0')}`;

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/**
 * Builds, caches under `<home>/benchmarks` and describes the archives of a benchmark. Files are written to a temp
 * name then renamed, and concurrent requests for the same archive share one build, so a reader never sees half a file.
 */
export class BenchmarkFiles {
  private readonly building = new Map<string, Promise<BuiltArchive>>();
  private readonly truths = new Map<string, ReplicateTruth[]>();

  constructor(private readonly dir: string, private readonly keys: BenchmarkKeys, private readonly make: () => MakeReplicate = loadMaker) {}

  /** Seeds and order seeds of every replicate of a split (test seeds come from the secret). */
  private plan(b: Benchmark, split: BenchmarkSplit): { id: string; opts: ReplicateOptions }[] {
    if (split === BenchmarkSplit.DEV) {
      return b.devSeeds.map((seed, i) => ({ id: replicateId(split, i), opts: { seed, orderSeed: seed, withholdTarget: false } }));
    }
    return Array.from({ length: b.testReplicates }, (_, i) => ({
      id: replicateId(split, i),
      opts: { seed: this.keys.testSeed(b.slug, b.version, i), orderSeed: this.keys.testOrderSeed(b.slug, b.version, i), withholdTarget: true },
    }));
  }

  private baseName(b: Benchmark, split: BenchmarkSplit): string {
    return split === BenchmarkSplit.DEV ? `${b.slug}-v${b.version}-dev` : `${b.slug}-v${b.version}-test-${this.keys.fingerprint()}`;
  }

  /** The archive of a split, built on first use. */
  archive(b: Benchmark, split: BenchmarkSplit): Promise<BuiltArchive> {
    const base = this.baseName(b, split);
    const meta = path.join(this.dir, `${base}.json`);
    const fileName = `${b.slug}-v${b.version}-${split}.tar`;
    const cached = readJson<{ sizeBytes: number; sha256: string; replicates: number }>(meta);
    if (cached && fs.existsSync(path.join(this.dir, `${base}.tar`))) return Promise.resolve({ file: path.join(this.dir, `${base}.tar`), fileName, ...cached });
    let p = this.building.get(base);
    if (!p) {
      p = Promise.resolve().then(() => this.build(b, split, base, fileName)).finally(() => this.building.delete(base));
      this.building.set(base, p);
    }
    return p;
  }

  /** Server-only: the truth of every sequestered replicate (never serialised into any response). */
  async testTruth(b: Benchmark): Promise<ReplicateTruth[]> {
    const base = this.baseName(b, BenchmarkSplit.TEST);
    const hit = this.truths.get(base) ?? readJson<ReplicateTruth[]>(path.join(this.dir, `${base}.truth.json`));
    if (hit) {
      this.truths.set(base, hit);
      return hit;
    }
    await this.archive(b, BenchmarkSplit.TEST);
    const built = readJson<ReplicateTruth[]>(path.join(this.dir, `${base}.truth.json`));
    if (!built) throw new Error(`benchmark ${b.slug} v${b.version}: sequestered truth missing after build`);
    this.truths.set(base, built);
    return built;
  }

  private async build(b: Benchmark, split: BenchmarkSplit, base: string, fileName: string): Promise<BuiltArchive> {
    const make = this.make();
    const entries: TarEntry[] = [];
    const files: { path: string; bytes: number; sha256: string; dtype: string; shape: number[] }[] = [];
    const add = (p: string, data: Uint8Array | Int32Array, shape: number[]) => {
      const bytes = encodeNpy(data, shape);
      entries.push({ name: p, bytes });
      files.push({ path: p, bytes: bytes.length, sha256: sha256(bytes), dtype: data instanceof Uint8Array ? 'uint8' : 'int32', shape });
    };
    const replicates: Record<string, unknown>[] = [];
    const truths: ReplicateTruth[] = [];
    let shape: number[] = [];
    let numClasses = 0;
    for (const { id, opts } of this.plan(b, split)) {
      await new Promise((resolve) => setImmediate(resolve)); // keep serving other requests between replicates
      const r = make(b.config as unknown as TrialConfig, opts);
      shape = r.shape;
      numClasses = r.numClasses;
      const [h, w, c] = r.shape;
      add(`${id}/labeled_x.npy`, r.labeled.x, [r.labeled.n, h, w, c]);
      add(`${id}/labeled_y.npy`, r.labeled.y, [r.labeled.n]);
      add(`${id}/unlabeled_x.npy`, r.unlabeled.x, [r.unlabeled.n, h, w, c]);
      add(`${id}/test_x.npy`, r.test.x, [r.test.n, h, w, c]);
      add(`${id}/test_y.npy`, r.test.y, [r.test.n]);
      const counts = { labeled: r.labeled.n, unlabeled: r.unlabeled.n, test: r.test.n };
      if (split === BenchmarkSplit.DEV) {
        add(`${id}/poison_indices.npy`, Int32Array.from(r.truth.poisonIndices), [r.truth.poisonIndices.length]);
        replicates.push({
          id, seed: opts.seed, counts, poisonIndices: r.truth.poisonIndices,
          target: { testIndex: r.truth.targetIndex, trueClass: r.truth.targetClass, targetLabel: r.truth.targetLabel },
          source: { labeledIndex: r.truth.sourceIndex },
        });
      } else {
        replicates.push({ id, counts });
        truths.push({
          id, seed: opts.seed, unlabeledCount: r.unlabeled.n, poisonIndices: r.truth.poisonIndices,
          canonicalIndex: Array.from(r.truth.canonicalIndex), targetIndex: r.truth.targetIndex, targetLabel: r.truth.targetLabel,
        });
      }
    }
    const manifest = {
      format: 'frogpond-benchmark/1',
      benchmark: b.slug, version: b.version, name: b.name, license: b.license, split,
      description: split === BenchmarkSplit.DEV
        ? 'Development replicates: each lists its poison indices (positions in unlabeled_x) and the attack target (an index into test_x).'
        : 'Sequestered test replicates: poison indices and targets are kept on the server; the target is left out of test_x. Submit one score per unlabeled example of every replicate.',
      config: b.config, imageShape: shape, numClasses,
      arrays: 'NumPy .npy: *_x uint8 (n, height, width, channels), *_y and poison_indices int32; load with numpy.load(path)',
      replicates, files,
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
    entries.unshift({ name: 'manifest.json', bytes: manifestBytes });
    fs.mkdirSync(this.dir, { recursive: true });
    const tmp = path.join(this.dir, `.${base}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
    const hash = crypto.createHash('sha256');
    let size = 0;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      for (const chunk of tarChunks(entries)) {
        fs.writeSync(fd, chunk);
        hash.update(chunk);
        size += chunk.length;
      }
    } finally {
      fs.closeSync(fd);
    }
    const info = { sizeBytes: size, sha256: hash.digest('hex'), replicates: replicates.length };
    if (split === BenchmarkSplit.TEST) writeAtomic(path.join(this.dir, `${base}.truth.json`), JSON.stringify(truths));
    fs.renameSync(tmp, path.join(this.dir, `${base}.tar`));
    writeAtomic(path.join(this.dir, `${base}.json`), JSON.stringify(info));
    return { file: path.join(this.dir, `${base}.tar`), fileName, ...info };
  }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}
