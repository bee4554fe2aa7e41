import type PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { JOBS_CHANNEL, JobPayload, TRIAL_QUEUE, TrialToEnqueue, newJobId, transactionDb } from './queue.boss';
import { QueueConfig, timeLimitFor } from './queue.config';
import { sqlTx } from './queue.sql';

const CHUNK = 2000;

/**
 * Enqueues one pg-boss job per trial INSIDE the caller's transaction and points each trial at its job
 * (`trial.job_id`). Both writes use the transaction's connection (pg-boss `insert(jobs, { db })`), so either the
 * trials and their jobs commit together or neither exists: no trial without a job, no job without a trial.
 * The NOTIFY is transactional too: idle workers are woken only when the commit makes the jobs visible.
 */
export async function enqueueTrialJobs(boss: PgBoss, cfg: QueueConfig, manager: EntityManager, trials: TrialToEnqueue[]): Promise<string[]> {
  if (trials.length === 0) return [];
  const db = transactionDb(manager);
  const jobIds: string[] = [];
  for (let i = 0; i < trials.length; i += CHUNK) {
    const chunk = trials.slice(i, i + CHUNK);
    const jobs: PgBoss.JobInsert<JobPayload>[] = chunk.map((t) => {
      const id = newJobId();
      jobIds.push(id);
      return {
        id,
        name: TRIAL_QUEUE,
        data: { kind: 'trial', trialId: t.id, experimentId: t.experimentId },
        retryLimit: 0,
        ...(t.priority ? { priority: t.priority } : {}),
        // Safety net only: the worker enforces the time limit itself and the lease catches lost workers far sooner.
        expireInSeconds: timeLimitFor(cfg, t.preset) + cfg.leaseSeconds,
      };
    });
    await boss.insert(jobs, { db });
    await sqlTx(manager, `
      UPDATE trial SET job_id = v.job_id
      FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::uuid[]) AS job_id) v
      WHERE trial.id = v.id`, [chunk.map((t) => t.id), jobIds.slice(i, i + chunk.length)]);
  }
  await sqlTx(manager, 'SELECT pg_notify($1, $2)', [JOBS_CHANNEL, String(trials.length)]);
  return jobIds;
}

/** Enqueues benchmark no-op jobs (no trial behind them) in the caller's transaction. */
export async function enqueueNoopJobs(boss: PgBoss, manager: EntityManager, count: number): Promise<string[]> {
  const db = transactionDb(manager);
  const ids = Array.from({ length: count }, () => newJobId());
  const now = Date.now();
  await boss.insert(ids.map((id) => ({ id, name: TRIAL_QUEUE, data: { kind: 'noop', enqueuedAt: now } as JobPayload, retryLimit: 0 })), { db });
  await sqlTx(manager, 'SELECT pg_notify($1, $2)', [JOBS_CHANNEL, String(count)]);
  return ids;
}
