import type PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import { BOSS_SCHEMA, TRIAL_QUEUE, TrialToEnqueue, transactionDb } from './queue.boss';
import { QueueConfig } from './queue.config';
import { enqueueTrialJobs } from './queue.enqueue';
import { settleSubmission } from '../benchmark/submission-settle';
import { completeExperimentIfDone, lockExperiment, sql, sqlTx } from './queue.sql';

/**
 * Puts trials back to QUEUED with a NEW job each (caller holds the experiment lock and the trial rows).
 * The old job, if still alive, no longer matches trial.job_id and will never claim the trial.
 */
export async function requeueTrials(boss: PgBoss, cfg: QueueConfig, m: EntityManager, trials: TrialToEnqueue[]): Promise<void> {
  if (!trials.length) return;
  await sqlTx(m, `
    UPDATE trial SET status = 'QUEUED', heartbeat_at = NULL, worker = NULL, started_at = NULL, finished_at = NULL,
           progress = NULL, updated_at = now()
    WHERE id = ANY($1::uuid[])`, [trials.map((t) => t.id)]);
  await enqueueTrialJobs(boss, cfg, m, trials);
}

interface Candidate { id: string; experiment_id: string; status: string; job_id: string | null }

/**
 * The lease reaper (runs in every worker process, every `reapMs`). A trial is re-queued when
 *  - it is RUNNING and its heartbeat is older than the lease (worker SIGKILLed, machine lost, DB unreachable), or
 *  - it is QUEUED but its job can no longer deliver it: job missing/archived/finished, or fetched (active) longer
 *    than the lease ago without the trial ever being claimed (worker died between fetch and claim).
 * A trial lost `maxLost` times while running is FAILED instead (a trial that kills its worker must not loop).
 * Each trial is handled in its own transaction with the usual lock order (experiment, then trial) and re-checked
 * under the lock, so concurrent reapers and workers never both act on one trial.
 */
export async function reapOnce(ds: DataSource, boss: PgBoss, cfg: QueueConfig): Promise<{ requeued: number; failed: number }> {
  const lease = cfg.leaseSeconds;
  const { rows } = await sql<Candidate>(ds, `
    SELECT t.id, t.experiment_id, t.status, t.job_id
    FROM trial t
    LEFT JOIN ${BOSS_SCHEMA}.job j ON j.name = $2 AND j.id = t.job_id
    WHERE t.status IN ('QUEUED', 'RUNNING')
      AND (
        (t.status = 'RUNNING' AND COALESCE(t.heartbeat_at, t.started_at, t.updated_at) < now() - make_interval(secs => $1))
        OR (t.status = 'QUEUED' AND t.created_at < now() - make_interval(secs => $1) AND (
              j.id IS NULL OR j.state IN ('completed', 'cancelled', 'failed')
              OR (j.state = 'active' AND j.started_on < now() - make_interval(secs => $1))))
      )
    LIMIT 500`, [lease, TRIAL_QUEUE]);
  let requeued = 0;
  let failed = 0;
  for (const c of rows) {
    await ds.transaction(async (m) => {
      await lockExperiment(m, c.experiment_id);
      const { rows: locked } = await sqlTx<{ status: string; lost_count: number; job_id: string | null; preset: unknown; stale: boolean }>(m, `
        SELECT t.status, t.lost_count, t.job_id, t.config->'preset' AS preset,
               (t.status = 'RUNNING' AND COALESCE(t.heartbeat_at, t.started_at, t.updated_at) < now() - make_interval(secs => $2))
               OR (t.status = 'QUEUED' AND NOT EXISTS (
                    SELECT 1 FROM ${BOSS_SCHEMA}.job j WHERE j.name = $3 AND j.id = t.job_id
                      AND (j.state IN ('created', 'retry') OR (j.state = 'active' AND j.started_on >= now() - make_interval(secs => $2))))) AS stale
        FROM trial t WHERE t.id = $1 FOR UPDATE`, [c.id, lease, TRIAL_QUEUE]);
      const t = locked[0];
      if (!t || !t.stale) return;
      const db = transactionDb(m);
      if (t.job_id) await boss.cancel(TRIAL_QUEUE, t.job_id, { db }); // a zombie worker's job can no longer complete
      if (t.status === 'RUNNING' && t.lost_count + 1 >= cfg.maxLost) {
        await sqlTx(m, `
          UPDATE trial SET status = 'FAILED', lost_count = lost_count + 1, finished_at = now(), updated_at = now(),
                 error = $2 WHERE id = $1`,
          [c.id, `worker lost ${t.lost_count + 1} times while running this trial (killed or out of memory?)`]);
        await completeExperimentIfDone(m, c.experiment_id);
        await settleSubmission(m, c.experiment_id);
        failed++;
        return;
      }
      if (t.status === 'RUNNING') await sqlTx(m, 'UPDATE trial SET lost_count = lost_count + 1 WHERE id = $1', [c.id]);
      await requeueTrials(boss, cfg, m, [{ id: c.id, experimentId: c.experiment_id, preset: t.preset }]);
      requeued++;
    });
  }
  return { requeued, failed };
}

/** Runs reapOnce every cfg.reapMs (with jitter so many workers do not reap in lock-step). */
export function startReaper(ds: DataSource, boss: PgBoss, cfg: QueueConfig, log: (l: string) => void): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const tick = async () => {
    try {
      const r = await reapOnce(ds, boss, cfg);
      if (r.requeued || r.failed) log(`reaper: re-queued ${r.requeued} lost trial(s), failed ${r.failed}`);
    } catch (err) {
      log(`reaper failed: ${(err as Error).message}`);
    }
    if (!stopped) timer = setTimeout(tick, cfg.reapMs * (0.75 + Math.random() * 0.5));
  };
  timer = setTimeout(tick, cfg.reapMs * Math.random());
  return () => { stopped = true; if (timer) clearTimeout(timer); };
}
