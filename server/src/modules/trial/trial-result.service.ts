import crypto from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { TrialOutcome } from '@frogpond/compute';
import { Actor, canRead } from '../../common/auth';
import { checkArtifact } from '../../common/artifact-policy';
import { badInput, isUniqueViolation, notFound, pgConstraint } from '../../common/errors';
import { isUuid } from '../../common/uuid';
import { Experiment, Visibility } from '../experiment/experiment.entity';
import { Trial, TrialStatus } from './trial.entity';
import { TrialResult } from './trial-result.entity';
import { outcomeColumns } from './trial-outcome';
import { settleSubmission } from '../benchmark/submission-settle';

/**
 * What a result carries: compute's TrialOutcome (a worker records the whole outcome; tests may leave optional
 * fields out), with its artifacts as bytes.
 */
export type RecordedOutcome = Pick<TrialOutcome, 'success' | 'backend' | 'configHash'> & Partial<Omit<TrialOutcome, 'artifacts'>> & {
  artifacts?: { kind: string; mime: string; bytes: Uint8Array; sha256?: string }[];
};

/** The claim a worker holds on a trial: its name (trial.worker) and the attempt it claimed (trial.attempts). */
export interface TrialLease { worker: string; attempts: number }

/**
 * Trial results: written exactly once, never updated, and only by a worker that holds the trial's lease. There is
 * no API path to this service: user tokens can never record a result.
 */
export class TrialResultService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Records the result of a trial in the caller's transaction (`manager`): inserts TrialResult (every outcome field,
   * see trial-outcome.ts) and artifacts, marks the trial SUCCEEDED and refreshes the experiment's status. A second
   * result for the same trial is refused (BAD_USER_INPUT "already has a result"); a cancelled trial takes no result.
   * The trial must be RUNNING under `lease` (claimed by that worker, that attempt): a trial nobody claimed takes no
   * result. The lease's worker is stored as the result's provenance.
   */
  async record(manager: EntityManager, trialId: string, outcome: RecordedOutcome, lease: TrialLease): Promise<TrialResult> {
    // Not inside a transaction (e.g. ds.manager)? Open one: the result, artifacts and status change go together.
    if (!manager.queryRunner?.isTransactionActive) return manager.transaction((t) => this.record(t, trialId, outcome, lease));
    const trial = await manager.findOne(Trial, { where: { id: trialId }, lock: { mode: 'pessimistic_write' } });
    if (!trial) throw notFound('Trial', trialId);
    if (trial.status === TrialStatus.CANCELLED) throw badInput(`Trial ${trialId} was cancelled; its result is not recorded`);
    if (trial.status !== TrialStatus.RUNNING || !lease || trial.worker !== lease.worker || trial.attempts !== lease.attempts) {
      throw badInput(`Trial ${trialId} is not running under this worker's lease; its result is not recorded`);
    }
    if (typeof outcome.success !== 'boolean' || !outcome.backend || !outcome.configHash) {
      throw badInput('A result needs success (boolean), backend and configHash');
    }
    const artifacts = (outcome.artifacts ?? []).map((a) => {
      const bytes = Buffer.from(a.bytes);
      checkArtifact(a.kind, a.mime, bytes);
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      if (a.sha256 && a.sha256.toLowerCase() !== sha256) throw badInput(`Artifact ${a.kind}: sha256 does not match its bytes`);
      return { kind: a.kind, mime: a.mime, bytes, sha256 };
    });
    // The trial row is locked (FOR UPDATE above), so this check cannot race; it keeps a caller's transaction usable
    // (a unique violation would abort it). The unique constraint stays the final guard.
    const [dup] = await manager.query(`SELECT 1 FROM trial_result WHERE trial_id = $1`, [trialId]);
    if (dup) throw badInput(`Trial ${trialId} already has a result; results are written once and never updated`);
    const cols = outcomeColumns(outcome, lease.worker);
    let resultId: string;
    try {
      const names = Object.keys(cols);
      const [row] = await manager.query(
        `INSERT INTO trial_result (trial_id, ${names.join(', ')}) VALUES ($1, ${names.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
        [trialId, ...Object.values(cols)]);
      resultId = row.id;
    } catch (e) {
      if (isUniqueViolation(e) && pgConstraint(e) === 'trial_result_trial_unique') {
        throw badInput(`Trial ${trialId} already has a result; results are written once and never updated`);
      }
      throw e;
    }
    for (const a of artifacts) {
      await manager.query(
        `INSERT INTO artifact (trial_id, kind, mime, sha256, size, bytes) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`,
        [trialId, a.kind, a.mime, a.sha256, a.bytes.length, a.bytes]);
    }
    await manager.query(
      `UPDATE trial SET status = 'SUCCEEDED', error = NULL, backend = $2, finished_at = now(), updated_at = now(),
         source_index = coalesce($3, source_index), target_index = coalesce($4, target_index),
         target_class = coalesce($5, target_class), target_label = coalesce($6, target_label)
       WHERE id = $1`,
      [trialId, outcome.backend, outcome.sourceIndex ?? null, outcome.targetIndex ?? null, outcome.targetClass ?? null, outcome.targetLabel ?? null]);
    await refreshExperimentStatus(manager, trial.experimentId);
    return (await manager.findOneBy(TrialResult, { id: resultId }))!;
  }
}

/** Trial reads and the FAILED transition the queue's workers record through. */
export class TrialService {
  constructor(private readonly ds: DataSource) {}

  /** RUNNING -> FAILED with an error message (`retry`: back to QUEUED instead, for another attempt). */
  async markFailed(manager: EntityManager, trialId: string, error: string, retry = false): Promise<void> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
    const [rows]: [{ experiment_id: string }[], number] = await manager.query(
      // $3 is cast explicitly: it is used as the enum and compared as text, and PostgreSQL cannot infer one type.
      `UPDATE trial SET status = $3::text::trial_status, error = $2, finished_at = CASE WHEN $3::text = 'FAILED' THEN now() END, updated_at = now()
       WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING experiment_id`, [trialId, error.slice(0, 4000), retry ? 'QUEUED' : 'FAILED']);
    if (rows.length) await refreshExperimentStatus(manager, rows[0].experiment_id);
  }

  async get(actor: Actor | null, id: string): Promise<Trial> {
    const trial = isUuid(id) ? await this.ds.getRepository(Trial).findOneBy({ id }) : null;
    if (!trial) throw notFound('Trial', id);
    const exp = await this.ds.getRepository(Experiment).findOneBy({ id: trial.experimentId });
    if (!exp || !canRead(actor, exp.organizationId, exp.visibility === Visibility.PUBLIC)) throw notFound('Trial', id);
    return trial;
  }

  /** Bytes of an artifact (not selected by default). */
  async artifactBytes(artifactId: string): Promise<Buffer | null> {
    const rows = await this.ds.query(`SELECT bytes FROM artifact WHERE id = $1`, [artifactId]);
    return rows[0]?.bytes ?? null;
  }
}

/**
 * COMPLETED once no trial is QUEUED or RUNNING; a cancelled experiment stays cancelled. A benchmark submission
 * scored by this experiment is brought up to date in the same transaction (progress, then SCORED or FAILED once).
 */
async function refreshExperimentStatus(manager: EntityManager, experimentId: string) {
  await settleSubmission(manager, experimentId);
  await manager.query(
    `UPDATE experiment SET updated_at = now(), status = CASE WHEN EXISTS (
        SELECT 1 FROM trial WHERE experiment_id = $1 AND status IN ('QUEUED', 'RUNNING')) THEN 'RUNNING'::experiment_status ELSE 'COMPLETED'::experiment_status END
     WHERE id = $1 AND status <> 'CANCELLED'`, [experimentId]);
}
