import { DataSource } from 'typeorm';
import { createRng } from '@frogpond/compute/prng';
import { DEFENSE_DESCRIPTIONS, DefenseKind, resolveDefenseParams } from '@frogpond/compute/contract';
import { verifiedRunDefenseKinds } from '@frogpond/compute/defenses';
import type { ReplicateScores } from '@frogpond/compute/benchmark/files';
import { SCORING_ORG_ID } from '../organization/scoring-organization';
import type { ReplicateTruth } from './benchmark-files';
import { Benchmark } from './benchmark.entity';
import { BenchmarkService } from './benchmark.service';
import { scoreAgainstTruth } from './submission-scoring';
import { DefenseSubmission, SubmissionKind } from './submission.entity';
import type { SubmissionService } from './submission.service';

/** Baselines the server scores from the truth itself: removals that need no defense. */
export const REMOVAL_BASELINES = ['no-defense', 'random', 'oracle'] as const;
type RemovalBaseline = (typeof REMOVAL_BASELINES)[number];

const LABELS: Record<RemovalBaseline, string> = {
  'no-defense': 'No defense (nothing removed)',
  random: 'Random scores (removes as many as there are poisons)',
  oracle: 'Oracle (removes exactly the poisons)',
};

/** Every baseline a benchmark's board carries: the three removals, then each built-in defense as a verified run. */
export const baselineNames = (): string[] => [...REMOVAL_BASELINES, ...verifiedRunDefenseKinds()];

/**
 * The server's baselines of every benchmark, queued when a benchmark is created (at first start for the seeded ones)
 * rather than on a first read: no defense, random scores, the oracle, and each built-in defense with its default
 * parameters as a verified run of the scoring organization. A baseline whose trials failed is queued again by the
 * next call; one that is scoring or scored is never queued twice (unique index).
 */
export class BaselineService {
  constructor(private readonly ds: DataSource, private readonly benchmarks: BenchmarkService, private readonly submissions: SubmissionService) {}

  /** Queues the missing baselines of every benchmark; returns how many were queued. */
  async ensureAll(): Promise<number> {
    let queued = 0;
    for (const b of await this.ds.getRepository(Benchmark).find({ order: { slug: 'ASC', version: 'ASC' } })) queued += await this.ensure(b);
    return queued;
  }

  /** Queues the missing baselines of one benchmark; returns how many were queued. */
  async ensure(b: Benchmark): Promise<number> {
    const missing = async (q: { query: DataSource['query'] }) => {
      const have = new Set((await q.query(`SELECT baseline FROM defense_submission WHERE benchmark_id = $1 AND baseline IS NOT NULL AND status <> 'FAILED'`, [b.id]))
        .map((r: { baseline: string }) => r.baseline));
      return baselineNames().filter((n) => !have.has(n));
    };
    if (!(await missing(this.ds)).length) return 0;
    const truth = await this.benchmarks.testTruth(b);
    const queued = await this.ds.transaction(async (t) => {
      await t.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`baselines:${b.id}`]);
      const todo = await missing(t);
      for (const name of todo) {
        if ((REMOVAL_BASELINES as readonly string[]).includes(name)) {
          const kind = name as RemovalBaseline;
          const parsed = new Map(truth.map((r) => [r.id, removalScores(kind, r, b)]));
          await this.submissions.create(t, b, truth, scoreAgainstTruth(parsed, truth, null), {
            organizationId: null, createdBy: null, kind: SubmissionKind.BASELINE, baseline: kind, label: LABELS[kind], defense: null,
            fileName: null, fileSha256: null, fileBytes: null, removalFraction: null,
          });
        } else {
          const defense = resolveDefenseParams(name, {});
          await this.submissions.create(t, b, truth, null, {
            organizationId: SCORING_ORG_ID, createdBy: null, kind: SubmissionKind.VERIFIED_RUN, baseline: name,
            label: `${DEFENSE_DESCRIPTIONS[name as DefenseKind]}, built-in with default parameters`.slice(0, 100),
            defense: { kind: defense.kind, params: defense.params as Record<string, unknown> },
            fileName: null, fileSha256: null, fileBytes: null, removalFraction: null,
          });
        }
      }
      return todo.length;
    });
    this.submissions.boardChanged(b.id);
    return queued;
  }

  /** Baselines of a benchmark (the live one of each name), in the order of baselineNames(). */
  async list(b: Benchmark): Promise<DefenseSubmission[]> {
    const rows = await this.ds.getRepository(DefenseSubmission).createQueryBuilder('s')
      .where('s.benchmarkId = :id AND s.baseline IS NOT NULL', { id: b.id }).orderBy('s.createdAt', 'DESC').getMany();
    const order = baselineNames();
    const latest = new Map<string, DefenseSubmission>();
    for (const s of rows) if (!latest.has(s.baseline!)) latest.set(s.baseline!, s);
    return [...latest.values()].sort((x, y) => order.indexOf(x.baseline!) - order.indexOf(y.baseline!));
  }
}

/** Scores of a removal baseline on one replicate: nothing removed, a random ranking, or exactly the poisons. */
export function removalScores(kind: RemovalBaseline, t: ReplicateTruth, b: Benchmark): ReplicateScores {
  const n = t.unlabeledCount;
  const scores = new Float64Array(n);
  if (kind === 'oracle') {
    for (const i of t.poisonIndices) scores[i] = 1;
    return { scores, removed: [...t.poisonIndices] };
  }
  if (kind === 'no-defense') return { scores, removed: [] };
  const rng = createRng(t.seed, `random-baseline:${b.slug}:${b.version}`);
  for (let i = 0; i < n; i++) scores[i] = rng.next();
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => scores[y] - scores[x]);
  return { scores, removed: order.slice(0, t.poisonIndices.length) };
}
