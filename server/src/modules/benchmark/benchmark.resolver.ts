import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { Benchmark, BenchmarkDownload, BenchmarkSplit } from './benchmark.entity';
import { replicateId } from './benchmark-files';

@Resolver(() => Benchmark)
export class BenchmarkResolver {
  @Query(() => [Benchmark], { description: 'Every benchmark, latest version of each' })
  benchmarks(@Ctx() ctx: Context) { return ctx.services.benchmarks.list(); }

  @Query(() => Benchmark)
  benchmark(@Arg('slug') slug: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: Context) {
    return ctx.services.benchmarks.get(slug, version);
  }

  @FieldResolver(() => [String], { description: 'Ids of the sequestered test replicates, in the order a score file lists them' })
  testReplicateIds(@Root() b: Benchmark) {
    return Array.from({ length: b.testReplicates }, (_, i) => replicateId(BenchmarkSplit.TEST, i));
  }

  @FieldResolver(() => [BenchmarkDownload], { description: 'One archive per split (built on first request: the first call can take seconds)' })
  async downloads(@Root() b: Benchmark, @Ctx() ctx: Context) {
    return Promise.all([BenchmarkSplit.DEV, BenchmarkSplit.TEST].map((s) => ctx.services.benchmarks.download(b, s)));
  }
}
