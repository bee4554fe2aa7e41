import crypto from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { parseScoreFile, ReplicateScores, ScoreFileError } from '@frogpond/compute/benchmark/files';
import { createRng } from '@frogpond/compute/prng';
import { resolveTrialConfig } from '@frogpond/compute/contract';
import { Actor, canRead, requireActor, requireRole } from '../../common/auth';
import { badInput, forbidden, notFound } from '../../common/errors';
import { enqueueTrials } from '../queue/queue.runtime';
import type { ReplicateTruth } from './benchmark-files';
import { Benchmark } from './benchmark.entity';
import { SCORING_ORG_ID } from '../organization/scoring-organization';
import { BenchmarkService } from './benchmark.service';
import { scoreAgainstTruth, ScoredReplicates } from './submission-scoring';
import { DefenseSubmission, SubmissionKind, SubmissionProgress, SubmissionStatus } from './submission.entity';

/** Owner of the private experiments that retrain sequestered replicates (created by the benchmarks migration). */
export { SCORING_ORG_ID };

export interface SubmissionLimits {
  submissionsPerDay: number;
  submissionMaxBytes: number;
}

export interface SubmitScoresInput {
  benchmark: string;
  version?: number | null;
  label: string;
  fileName: string;
  contentBase64: string;
  removalFraction?: number | null;
}

const BASELINES = ['no-defense', 'random', 'oracle'] as const;
type Baseline = (typeof BASELINES)[number];

/**
 * Defense submissions: strict parsing, detection metrics at once against the sequestered truth, then one retraining
 * trial per replicate on the existing queue. Status moves RECEIVED -> SCORING -> SCORED or FAILED; a submission is
 * refreshed from its trials in one guarded UPDATE, so it is scored exactly once however often it is read.
 */
export class SubmissionService {
  /** Benchmarks known to have all their baselines (they are never deleted), so the board skips the check. */
  private readonly withBaselines = new Set<string>();

  constructor(private readonly ds: DataSource, private readonly benchmarks: BenchmarkService, private readonly limits: SubmissionLimits) {}

  async submitScores(actor: Actor | null, input: SubmitScoresInput): Promise<DefenseSubmission> {
    const a = requireActor(actor);
    requireRole(a, a.organizationId);
    const label = input.label.trim();
    if (!label || label.length > 100) throw badInput('label must be 1 to 100 characters', { field: 'label' });
    if (!/^[\w.-]{1,200}$/.test(input.fileName)) throw badInput('fileName must be 1 to 200 letters, digits, dots, dashes or underscores', { field: 'scoreFile' });
    // base64 is 4/3 of the bytes: refuse before decoding anything large.
    if (input.contentBase64.length > Math.ceil(this.limits.submissionMaxBytes / 3) * 4) {
      throw badInput(`the score file is over the ${this.limits.submissionMaxBytes}-byte limit`, { field: 'scoreFile' });
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64)) throw badInput('the score file must be sent base64-encoded', { field: 'scoreFile' });
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length === 0) throw badInput('the score file is empty', { field: 'scoreFile' });
    const fraction = input.removalFraction ?? null;
    if (fraction !== null && !(Number.isFinite(fraction) && fraction >= 0 && fraction <= 1)) throw badInput('removalFraction must be a number in [0, 1]', { field: 'removalFraction' });
    const b = await this.benchmarks.get(input.benchmark, input.version);
    const truth = await this.benchmarks.testTruth(b);
    let parsed: Map<string, ReplicateScores>;
    try {
      parsed = parseScoreFile(input.fileName, bytes, { replicates: truth.map((t) => ({ id: t.id, size: t.unlabeledCount })) });
    } catch (e) {
      if (e instanceof ScoreFileError) throw badInput(e.message, { field: 'scoreFile', file: e.file, line: e.line, reason: e.reason });
      throw e;
    }
    const explicit = [...parsed.values()].filter((r) => r.removed).length;
    if (fraction !== null && explicit) throw badInput('give either removalFraction or removed indices in the file, not both', { field: 'removalFraction' });
    if (fraction === null && explicit !== truth.length) throw badInput('give removalFraction, or removed indices for every replicate in the file', { field: 'removalFraction' });
    const scored = scoreAgainstTruth(parsed, truth, fraction);
    return this.ds.transaction(async (t) => {
      // One submitter at a time per organization and benchmark, so two parallel uploads cannot both pass the cap.
      await t.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`submission:${a.organizationId}:${b.id}`]);
      const [{ used }] = await t.query(
        `SELECT count(*)::int AS used FROM defense_submission
          WHERE organization_id = $1 AND benchmark_id = $2 AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
            AND NOT (status = 'FAILED' AND failure_kind = 'platform')`, [a.organizationId, b.id]);
      if (used >= this.limits.submissionsPerDay) {
        throw forbidden(`your organization has used its ${this.limits.submissionsPerDay} submissions to ${b.slug} today (UTC); failures caused by the platform are not counted`);
      }
      return this.create(t, b, truth, scored, {
        organizationId: a.organizationId, createdBy: a.memberId, kind: SubmissionKind.SCORE_FILE, baseline: null, label,
        fileName: input.fileName, fileSha256: crypto.createHash('sha256').update(bytes).digest('hex'), fileBytes: bytes.length, removalFraction: fraction,
      });
    });
  }

  /** Inserts a submission and its retraining trials (one per replicate, the replicate's own seed) with their jobs. */
  private async create(t: EntityManager, b: Benchmark, truth: ReplicateTruth[], scored: ScoredReplicates, row: Partial<DefenseSubmission>): Promise<DefenseSubmission> {
    const config = b.config as { preset: string; dataset: string; labels: number; algorithm: string; rate: number; density?: string; attack: { kind: string } };
    const [exp] = await t.query(
      `INSERT INTO experiment (organization_id, name, description, visibility, matrix, seed_base, preset, trial_count)
       VALUES ($1, $2, $3, 'PRIVATE', $4, 0, $5, $6) RETURNING id`,
      [SCORING_ORG_ID, `scoring ${b.slug} v${b.version}`, 'Retraining of sequestered replicates for one defense submission', JSON.stringify({ benchmark: b.id }), config.preset, truth.length]);
    const trials: { id: string }[] = [];
    for (const [i, rep] of truth.entries()) {
      const remove = scored.removed[i].map((p) => rep.canonicalIndex[p]).sort((x, y) => x - y);
      // Stored resolved, as every trial is: the worker hands compute exactly this config.
      const trialConfig = resolveTrialConfig({ ...config, defense: { kind: 'external-scores', params: { remove } } });
      const [trial] = await t.query(
        `INSERT INTO trial (experiment_id, ordinal, dataset, labels, algorithm, rate, density, attack_kind, defense_kind, replicate, seed, config)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'external-scores', $2, $9, $10) RETURNING id`,
        [exp.id, i, config.dataset, config.labels, config.algorithm, config.rate, config.density ?? null, config.attack.kind, rep.seed, JSON.stringify(trialConfig)]);
      trials.push(trial);
    }
    const s = t.create(DefenseSubmission, {
      ...row, benchmarkId: b.id, status: SubmissionStatus.SCORING, detection: scored.detection, auc: scored.auc, tprAt1: scored.tprAt1, tprAt5: scored.tprAt5,
      removedPoisons: scored.removedPoisons, removedClean: scored.removedClean, experimentId: exp.id, replicates: truth.length,
      published: row.kind === SubmissionKind.BASELINE, publishedAt: row.kind === SubmissionKind.BASELINE ? new Date() : null,
    });
    const saved = await t.save(s);
    await enqueueTrials(t, trials.map((x) => ({ id: x.id, experimentId: exp.id, preset: config.preset })));
    return saved;
  }

  /** Creates the server's baselines of a benchmark once: no defense, random scores, the oracle. */
  async ensureBaselines(b: Benchmark): Promise<void> {
    if (this.withBaselines.has(b.id)) return;
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM defense_submission WHERE benchmark_id = $1 AND kind = 'baseline'`, [b.id]);
    if (n === BASELINES.length) {
      this.withBaselines.add(b.id);
      return;
    }
    const truth = await this.benchmarks.testTruth(b);
    await this.ds.transaction(async (t) => {
      await t.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`baselines:${b.id}`]);
      const have = new Set((await t.query(`SELECT baseline FROM defense_submission WHERE benchmark_id = $1 AND kind = 'baseline'`, [b.id])).map((r: { baseline: string }) => r.baseline));
      for (const kind of BASELINES) {
        if (have.has(kind)) continue;
        const parsed = new Map(truth.map((r) => [r.id, baselineScores(kind, r, b)]));
        await this.create(t, b, truth, scoreAgainstTruth(parsed, truth, null), {
          organizationId: null, createdBy: null, kind: SubmissionKind.BASELINE, baseline: kind, label: BASELINE_LABELS[kind],
          fileName: null, fileSha256: null, fileBytes: null, removalFraction: null,
        });
      }
    });
  }

  /** Moves SCORING submissions whose trials are all finished to SCORED or FAILED (guarded: once only). */
  async refresh(benchmarkId?: string, submissionId?: string): Promise<void> {
    await this.ds.query(`
      WITH agg AS (
        SELECT t.experiment_id, count(*) AS total,
               count(*) FILTER (WHERE t.status = 'SUCCEEDED' AND r.id IS NOT NULL) AS ok,
               count(*) FILTER (WHERE t.status IN ('FAILED', 'CANCELLED')) AS bad,
               count(*) FILTER (WHERE r.success) AS k,
               avg(r.clean_accuracy) AS acc,
               string_agg(CASE WHEN t.status IN ('FAILED', 'CANCELLED') THEN 'test-' || lpad(t.replicate::text, 2, '0') END, ', ' ORDER BY t.replicate) AS failed
          FROM defense_submission s JOIN trial t ON t.experiment_id = s.experiment_id LEFT JOIN trial_result r ON r.trial_id = t.id
         WHERE s.status = 'SCORING' AND ($1::uuid IS NULL OR s.benchmark_id = $1) AND ($2::uuid IS NULL OR s.id = $2)
         GROUP BY t.experiment_id)
      UPDATE defense_submission s SET
        status = CASE WHEN agg.bad > 0 THEN 'FAILED' ELSE 'SCORED' END,
        failure_kind = CASE WHEN agg.bad > 0 THEN 'platform' END,
        failure_reason = CASE WHEN agg.bad > 0 THEN 'Retraining failed on the server for ' || agg.failed
          || '. This does not count against your daily quota: submit the same file again.' END,
        successes = CASE WHEN agg.bad = 0 THEN agg.k END,
        trials = CASE WHEN agg.bad = 0 THEN agg.total END,
        clean_accuracy = CASE WHEN agg.bad = 0 THEN agg.acc END,
        scored_at = now()
      FROM agg
      WHERE s.experiment_id = agg.experiment_id AND s.status = 'SCORING' AND (agg.bad > 0 OR agg.ok = agg.total)`,
    [benchmarkId ?? null, submissionId ?? null]);
  }

  /** A submission its reader may see: published ones and baselines for anyone, the rest for its organization. */
  async get(actor: Actor | null, id: string): Promise<DefenseSubmission> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Submission', id);
    await this.refresh(undefined, id);
    const s = await this.ds.getRepository(DefenseSubmission).findOneBy({ id });
    if (!s || !this.visible(actor, s)) throw notFound('Submission', id);
    return s;
  }

  visible(actor: Actor | null, s: DefenseSubmission): boolean {
    return s.kind === SubmissionKind.BASELINE || canRead(actor, s.organizationId ?? '', s.published);
  }

  /** Publishing is the organization's choice; it puts the submission on the public board. */
  async publish(actor: Actor | null, id: string): Promise<DefenseSubmission> {
    requireActor(actor);
    const s = await this.get(actor, id);
    requireRole(actor, s.organizationId ?? '');
    if (s.status !== SubmissionStatus.SCORED) throw badInput(`only scored submissions can be published (this one is ${s.status})`);
    if (!s.published) await this.ds.query(`UPDATE defense_submission SET published = true, published_at = now() WHERE id = $1`, [id]);
    return this.get(actor, id);
  }

  /** The caller's organization's submissions to a benchmark, newest first. */
  async mine(actor: Actor | null, b: Benchmark): Promise<DefenseSubmission[]> {
    if (!actor) return [];
    await this.refresh(b.id);
    return this.ds.getRepository(DefenseSubmission).find({ where: { benchmarkId: b.id, organizationId: actor.organizationId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  async baselines(b: Benchmark): Promise<DefenseSubmission[]> {
    await this.refresh(b.id);
    return this.ds.getRepository(DefenseSubmission).find({ where: { benchmarkId: b.id, kind: SubmissionKind.BASELINE }, order: { label: 'ASC' } });
  }

  /** Per-replicate retraining results merged into the detection rows. */
  async replicateScores(s: DefenseSubmission) {
    const rows: { replicate: number; success: boolean | null; clean_accuracy: number | null }[] = s.experimentId
      ? await this.ds.query(`SELECT t.replicate, r.success, r.clean_accuracy FROM trial t LEFT JOIN trial_result r ON r.trial_id = t.id WHERE t.experiment_id = $1`, [s.experimentId])
      : [];
    const byIndex = new Map(rows.map((r) => [r.replicate, r]));
    return s.detection.map((d, i) => ({ ...d, success: byIndex.get(i)?.success ?? null, cleanAccuracy: byIndex.get(i)?.clean_accuracy ?? null }));
  }

  async progress(s: DefenseSubmission): Promise<SubmissionProgress> {
    if (!s.experimentId) return { done: 0, total: s.replicates };
    const [r] = await this.ds.query(`SELECT count(*) FILTER (WHERE status IN ('SUCCEEDED', 'FAILED', 'CANCELLED'))::int AS done, count(*)::int AS total FROM trial WHERE experiment_id = $1`, [s.experimentId]);
    return r;
  }
}

const BASELINE_LABELS: Record<Baseline, string> = {
  'no-defense': 'No defense (nothing removed)',
  random: 'Random scores (removes as many as there are poisons)',
  oracle: 'Oracle (removes exactly the poisons)',
};

function baselineScores(kind: Baseline, t: ReplicateTruth, b: Benchmark): ReplicateScores {
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
