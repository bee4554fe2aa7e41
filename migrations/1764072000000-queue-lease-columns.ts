import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Columns the job queue needs on `trial` (the pg-boss tables live in their own schema `pgboss`, created by pg-boss's
 * own migration when the queue starts):
 * - job_id: the pg-boss job that currently delivers this trial. A job whose id is not the trial's job_id is stale and
 *   never claims the trial, so a superseded delivery can never run it a second time.
 * - heartbeat_at: refreshed by the worker about once a second while the trial runs; a RUNNING trial whose heartbeat is
 *   older than the lease was lost (worker killed, machine gone) and is re-queued by the reaper.
 * - lost_count: how many times a worker was lost while running this trial; past the limit the trial is FAILED instead
 *   of being retried forever (a trial that kills its worker, e.g. out of memory, must not loop).
 */
export class QueueLeaseColumns1764072000000 implements MigrationInterface {
  name = 'QueueLeaseColumns1764072000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE trial
        ADD COLUMN job_id uuid,
        ADD COLUMN heartbeat_at timestamptz,
        ADD COLUMN lost_count int NOT NULL DEFAULT 0;
      -- The reaper and the progress counters only look at unfinished trials: keep that scan small
      -- even when the table holds millions of finished ones.
      CREATE INDEX trial_unfinished_idx ON trial(status, heartbeat_at) WHERE status IN ('QUEUED', 'RUNNING');
      -- trials per minute looks at recently finished trials of one experiment
      CREATE INDEX trial_experiment_finished_idx ON trial(experiment_id, finished_at) WHERE finished_at IS NOT NULL;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS trial_experiment_finished_idx;
      DROP INDEX IF EXISTS trial_unfinished_idx;
      ALTER TABLE trial DROP COLUMN IF EXISTS lost_count, DROP COLUMN IF EXISTS heartbeat_at, DROP COLUMN IF EXISTS job_id;
    `);
  }
}
