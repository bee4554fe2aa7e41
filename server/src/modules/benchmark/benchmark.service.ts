import path from 'node:path';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors';
import { ReadCache } from '../../common/read-cache';
import { BenchmarkFiles, BuiltArchive, ReplicateTruth } from './benchmark-files';
import { BenchmarkKeys, resolveBenchmarkSecret } from './benchmark-secret';
import { Benchmark, BenchmarkDownload, BenchmarkSplit } from './benchmark.entity';

export interface BenchmarkServiceConfig {
  home: string;
  benchmarkSecret?: string;
}

/** Benchmarks: read-only catalogue, archives built on first download, the sequestered truth for scoring. */
export class BenchmarkService {
  private filesCache?: BenchmarkFiles;

  constructor(private readonly ds: DataSource, private readonly config: BenchmarkServiceConfig, private readonly cache?: ReadCache) {}

  private get files(): BenchmarkFiles {
    // The secret is resolved on first use, so processes that never touch a benchmark never create it.
    this.filesCache ??= new BenchmarkFiles(path.join(this.config.home, 'benchmarks'), new BenchmarkKeys(resolveBenchmarkSecret(this.config.benchmarkSecret, this.config.home)));
    return this.filesCache;
  }

  list(): Promise<Benchmark[]> {
    // Latest version of every slug.
    return this.ds.getRepository(Benchmark).createQueryBuilder('b')
      .distinctOn(['b.slug']).orderBy('b.slug').addOrderBy('b.version', 'DESC').getMany();
  }

  /**
   * A benchmark by slug (latest version unless one is given); NOT_FOUND otherwise. A version never changes, so the
   * row is read through the read cache (every board read starts here).
   */
  async get(slug: string, version?: number | null): Promise<Benchmark> {
    if (!this.cache) return this.load(slug, version);
    return this.cache.getOrCompute(`benchmark:${slug}:${version ?? 'latest'}`, null, () => this.load(slug, version));
  }

  private async load(slug: string, version?: number | null): Promise<Benchmark> {
    const qb = this.ds.getRepository(Benchmark).createQueryBuilder('b').where('b.slug = :slug', { slug });
    if (version != null) qb.andWhere('b.version = :version', { version });
    const b = await qb.orderBy('b.version', 'DESC').getOne();
    if (!b) throw notFound('Benchmark', version != null ? `${slug} v${version}` : slug);
    return b;
  }

  async byId(id: string): Promise<Benchmark> {
    const b = await this.ds.getRepository(Benchmark).findOneBy({ id });
    if (!b) throw notFound('Benchmark', id);
    return b;
  }

  static downloadPath(b: Benchmark, split: BenchmarkSplit): string {
    return `/downloads/benchmarks/${b.slug}/v${b.version}/${split}.tar`;
  }

  archive(b: Benchmark, split: BenchmarkSplit): Promise<BuiltArchive> {
    return this.files.archive(b, split);
  }

  async download(b: Benchmark, split: BenchmarkSplit): Promise<BenchmarkDownload> {
    const a = await this.files.archive(b, split);
    return { split, path: BenchmarkService.downloadPath(b, split), fileName: a.fileName, sizeBytes: a.sizeBytes, sha256: a.sha256, replicates: a.replicates };
  }

  /** Server-only truth of the sequestered replicates (for scoring; never returned by the API). */
  testTruth(b: Benchmark): Promise<ReplicateTruth[]> {
    return this.files.testTruth(b);
  }
}
