import crypto from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { parseScoreFile, ReplicateScores, ScoreFileError } from '@frogpond/compute/benchmark/files';
import { resolveTrialConfig } from '@frogpond/compute/contract';
import { Actor, canRead, requireActor, requireRole } from '../../common/auth';
import { badInput, forbidden, notFound } from '../../common/errors';
import { isUuid } from '../../common/uuid';
import { ReadCache } from '../../common/read-cache';
import { enqueueTrials } from '../queue/queue.runtime';
import type { ReplicateTruth } from './benchmark-files';
import { Benchmark } from './benchmark.entity';
import { SCORING_ORG_ID } from '../organization/scoring-organization';
import { BenchmarkService } from './benchmark.service';
import { scoreAgainstTruth, ScoredReplicates } from './submission-scoring';
import { notifyBoard, refreshLatest, settleSubmission } from './submission-settle';
import { verifiedDefense } from './verified-defense';
import { DefenseSubmission, SubmissionKind, SubmissionProgress, SubmissionStatus } from './submission.entity';

/** Owner of the private experiments that retrain sequestered replicates (created by the benchmarks migration). */
export { SCORING_ORG_ID };

/** Queue priority of baseline trials (below the default 0 of everything else). */
const BASELINE_PRIORITY = -1;

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

export interface SubmitVerifiedRunInput {
  benchmark: string;
  version?: number | null;
  label?: string | null;
  defense: string;
  params?: Record<string, unknown> | null;
}

/** What create() writes besides the scoring: who, which kind, and the kind's own columns. */
type SubmissionRow = Pick<DefenseSubmission, 'organizationId' | 'createdBy' | 'kind' | 'baseline' | 'label' | 'fileName' | 'fileSha256' | 'fileBytes' | 'removalFraction' | 'defense'>;

/**
 * Defense submissions: strict parsing, detection metrics at once against the sequestered truth (score files) or from
 * the workers' defended trials (verified runs), and one retraining trial per replicate on the existing queue. Status
 * moves RECEIVED -> SCORING -> SCORED or FAILED in the transaction that finishes a trial (submission-settle.ts), so
 * reads never write and a submission is scored exactly once.
 */
export class SubmissionService {
  constructor(private readonly ds: DataSource, private readonly benchmarks: BenchmarkService, private readonly limits: SubmissionLimits, private readonly cache?: ReadCache) {}

  /** Drops this process's cached board at once (other processes hear the NOTIFY sent with the change). */
  boardChanged(benchmarkId: string): void {
    this.cache?.invalidate(`benchmark:${benchmarkId}`);
  }

  async submitScores(actor: Actor | null, input: SubmitScoresInput): Promise<DefenseSubmission> {
    const a = requireActor(actor);
    requireRole(a, a.organizationId);
    const label = checkLabel(input.label);
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
      await this.checkQuota(t, a.organizationId, b);
      return this.create(t, b, truth, scored, {
        organizationId: a.organizationId, createdBy: a.memberId, kind: SubmissionKind.SCORE_FILE, baseline: null, label, defense: null,
        fileName: input.fileName, fileSha256: crypto.createHash('sha256').update(bytes).digest('hex'), fileBytes: bytes.length, removalFraction: fraction,
      });
    });
  }

  /**
   * A verified run: a defense kind of the trial contract and its parameters, validated by the contract before anything
   * is written, then run by the workers on every sequestered replicate (one defended trial each, the replicate's seed).
   */
  async submitVerifiedRun(actor: Actor | null, input: SubmitVerifiedRunInput): Promise<DefenseSubmission> {
    const a = requireActor(actor);
    requireRole(a, a.organizationId);
    const b = await this.benchmarks.get(input.benchmark, input.version);
    const defense = verifiedDefense(b, input.defense, input.params);
    const label = checkLabel(input.label?.trim() || defense.kind);
    const truth = await this.benchmarks.testTruth(b);
    return this.ds.transaction(async (t) => {
      await this.checkQuota(t, a.organizationId, b);
      return this.create(t, b, truth, null, {
        organizationId: a.organizationId, createdBy: a.memberId, kind: SubmissionKind.VERIFIED_RUN, baseline: null, label, defense,
        fileName: null, fileSha256: null, fileBytes: null, removalFraction: null,
      });
    });
  }

  /** The daily cap per organization and benchmark; failures of the platform are not counted. */
  private async checkQuota(t: EntityManager, organizationId: string, b: Benchmark): Promise<void> {
    // One submitter at a time per organization and benchmark, so two parallel submissions cannot both pass the cap.
    await t.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`submission:${organizationId}:${b.id}`]);
    const [{ used }] = await t.query(
      `SELECT count(*)::int AS used FROM defense_submission
        WHERE organization_id = $1 AND benchmark_id = $2 AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
          AND NOT (status = 'FAILED' AND failure_kind = 'platform')`, [organizationId, b.id]);
    if (used >= this.limits.submissionsPerDay) {
      throw forbidden(`your organization has used its ${this.limits.submissionsPerDay} submissions to ${b.slug} today (UTC); failures caused by the platform are not counted`);
    }
  }

  /**
   * Inserts a submission and its trials (one per replicate, the replicate's own seed) with their jobs: retraining
   * without the removed examples for scored removals, the named defense for verified runs.
   */
  async create(t: EntityManager, b: Benchmark, truth: ReplicateTruth[], scored: ScoredReplicates | null, row: SubmissionRow): Promise<DefenseSubmission> {
    const config = b.config as { preset: string; dataset: string; labels: number; algorithm: string; rate: number; density?: string; attack: { kind: string } };
    const [exp] = await t.query(
      `INSERT INTO experiment (organization_id, name, description, visibility, matrix, seed_base, preset, trial_count)
       VALUES ($1, $2, $3, 'PRIVATE', $4, 0, $5, $6) RETURNING id`,
      [SCORING_ORG_ID, `scoring ${b.slug} v${b.version}`, 'Trials of sequestered replicates for one defense submission', JSON.stringify({ benchmark: b.id }), config.preset, truth.length]);
    const trials: { id: string }[] = [];
    for (const [i, rep] of truth.entries()) {
      const defense = row.defense ?? { kind: 'external-scores', params: { remove: scored!.removed[i].map((p) => rep.canonicalIndex[p]).sort((x, y) => x - y) } };
      // Stored resolved, as every trial is: the worker hands compute exactly this config.
      const trialConfig = resolveTrialConfig({ ...config, defense });
      const [trial] = await t.query(
        `INSERT INTO trial (experiment_id, ordinal, dataset, labels, algorithm, rate, density, attack_kind, defense_kind, replicate, seed, config)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $2, $10, $11) RETURNING id`,
        [exp.id, i, config.dataset, config.labels, config.algorithm, config.rate, config.density ?? null, config.attack.kind, defense.kind, rep.seed, JSON.stringify(trialConfig)]);
      trials.push(trial);
    }
    const s = t.create(DefenseSubmission, {
      ...row, benchmarkId: b.id, status: SubmissionStatus.SCORING, experimentId: exp.id, replicates: truth.length, progressDone: 0,
      detection: scored?.detection ?? [], auc: scored?.auc ?? null, tprAt1: scored?.tprAt1 ?? null, tprAt5: scored?.tprAt5 ?? null,
      removedPoisons: scored?.removedPoisons ?? 0, removedClean: scored?.removedClean ?? 0,
      published: row.baseline !== null, publishedAt: row.baseline !== null ? new Date() : null, onBoard: false, latest: false,
    });
    const saved = await t.save(s);
    // A benchmark's baselines (dozens of trials at its creation) run when nothing else waits: teams' submissions and
    // experiments queued meanwhile go first.
    const priority = row.baseline !== null ? BASELINE_PRIORITY : 0;
    await enqueueTrials(t, trials.map((x) => ({ id: x.id, experimentId: exp.id, preset: config.preset, priority })));
    await notifyBoard(t, b.id);
    return saved;
  }

  /** Settles every submission still scoring (each in its own transaction); trial completion does this as it happens. */
  async refresh(benchmarkId?: string): Promise<void> {
    const rows: { experiment_id: string }[] = await this.ds.query(
      `SELECT experiment_id FROM defense_submission WHERE status IN ('RECEIVED', 'SCORING') AND experiment_id IS NOT NULL AND ($1::uuid IS NULL OR benchmark_id = $1)`,
      [benchmarkId ?? null]);
    for (const r of rows) await this.ds.transaction((t) => settleSubmission(t, r.experiment_id));
  }

  /** A submission its reader may see: published ones and baselines for anyone, the rest for its organization. */
  async get(actor: Actor | null, id: string): Promise<DefenseSubmission> {
    if (!isUuid(id)) throw notFound('Submission', id);
    const s = await this.ds.getRepository(DefenseSubmission).findOneBy({ id });
    if (!s || !this.visible(actor, s)) throw notFound('Submission', id);
    return s;
  }

  visible(actor: Actor | null, s: DefenseSubmission): boolean {
    return s.baseline !== null || canRead(actor, s.organizationId ?? '', s.published);
  }

  /** Publishing is the organization's choice; it puts the submission on the public board. */
  async publish(actor: Actor | null, id: string): Promise<DefenseSubmission> {
    requireActor(actor);
    const s = await this.get(actor, id);
    if (s.baseline !== null) throw forbidden('Baselines belong to the server');
    requireRole(actor, s.organizationId ?? '');
    if (s.status !== SubmissionStatus.SCORED) throw badInput(`only scored submissions can be published (this one is ${s.status})`);
    if (!s.published) {
      await this.ds.transaction(async (t) => {
        await t.query(`UPDATE defense_submission SET published = true, published_at = now(), on_board = true WHERE id = $1 AND status = 'SCORED'`, [id]);
        await refreshLatest(t, s.benchmarkId, s.organizationId!);
        await notifyBoard(t, s.benchmarkId);
      });
      this.boardChanged(s.benchmarkId);
    }
    return this.get(actor, id);
  }

  /** The caller's organization's submissions to a benchmark, newest first. */
  async mine(actor: Actor | null, b: Benchmark): Promise<DefenseSubmission[]> {
    if (!actor) return [];
    return this.ds.getRepository(DefenseSubmission).find({ where: { benchmarkId: b.id, organizationId: actor.organizationId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  /** Per-replicate results merged into the detection rows (a verified run's rows arrive as its trials finish). */
  async replicateScores(s: DefenseSubmission) {
    const rows: { replicate: number; success: boolean | null; clean_accuracy: number | null }[] = s.experimentId
      ? await this.ds.query(`SELECT t.replicate, r.success, r.clean_accuracy FROM trial t LEFT JOIN trial_result r ON r.trial_id = t.id WHERE t.experiment_id = $1`, [s.experimentId])
      : [];
    const byIndex = new Map(rows.map((r) => [r.replicate, r]));
    return s.detection.map((d) => {
      const r = byIndex.get(Number(d.replicate.slice(d.replicate.lastIndexOf('-') + 1)));
      return { ...d, success: r?.success ?? null, cleanAccuracy: r?.clean_accuracy ?? null };
    });
  }

  progress(s: DefenseSubmission): SubmissionProgress {
    return { done: s.progressDone, total: s.replicates };
  }
}

function checkLabel(raw: string): string {
  const label = raw.trim();
  if (!label || label.length > 100) throw badInput('label must be 1 to 100 characters', { field: 'label' });
  return label;
}
