import type { EntityManager } from 'typeorm';
import type { ExperimentHooks } from '../experiment/experiment.service';
import { CANCEL_CHANNEL, TRIAL_QUEUE, transactionDb } from './queue.boss';
import { enqueueTrials, queueRuntime } from './queue.runtime';
import { sqlTx } from './queue.sql';

/**
 * Hooks the queue registers on ExperimentService: they run INSIDE the transaction that creates or cancels the
 * trials, so the jobs are created/cancelled atomically with the trial rows.
 */
export function queueExperimentHooks(): ExperimentHooks {
  return {
    async afterCreate(manager, experiment, trials) {
      await enqueueTrials(manager, trials.map((t) => ({ id: t.id, experimentId: experiment.id, preset: t.config.preset })));
    },
    async afterCancel(manager, experiment, cancelledTrialIds) {
      await cancelTrialJobs(manager, experiment.id, cancelledTrialIds);
    },
  };
}

/**
 * Cancels the pg-boss jobs of trials just set to CANCELLED (same transaction) and NOTIFYs running workers, which then
 * abort those trials through their AbortSignal (they would also notice at their next heartbeat, ~1 s).
 */
export async function cancelTrialJobs(manager: EntityManager, experimentId: string, trialIds: string[]): Promise<number> {
  const rt = queueRuntime();
  if (!rt) throw new Error('the job queue is not started in this process (startQueue)');
  let cancelled = 0;
  if (trialIds.length) {
    const { rows } = await sqlTx<{ job_id: string }>(manager,
      'SELECT job_id FROM trial WHERE id = ANY($1::uuid[]) AND job_id IS NOT NULL', [trialIds]);
    const jobIds = rows.map((r) => r.job_id);
    for (let i = 0; i < jobIds.length; i += 5000) {
      const r = await rt.boss.cancel(TRIAL_QUEUE, jobIds.slice(i, i + 5000), { db: transactionDb(manager) }) as unknown as { affected?: number } | undefined;
      cancelled += r?.affected ?? 0;
    }
  }
  await sqlTx(manager, 'SELECT pg_notify($1, $2)', [CANCEL_CHANNEL, experimentId]);
  return cancelled;
}
