import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';

/** pg-boss keeps its tables in their own schema (created and migrated by pg-boss itself on start). */
export const BOSS_SCHEMA = 'pgboss';
/** One queue for every trial delivery (and the benchmark's no-op jobs). */
export const TRIAL_QUEUE = 'trial';
/** NOTIFY channels: new jobs (wake idle workers at once) and cancelled experiments (abort running trials at once). */
export const JOBS_CHANNEL = 'frogpond_jobs';
export const CANCEL_CHANNEL = 'frogpond_cancel';

/** What a job carries. The trial row is the source of truth; the job only points at it. */
export type JobPayload =
  | { kind: 'trial'; trialId: string; experimentId: string }
  // Benchmark/diagnostic job that runs nothing: measures the queue's own enqueue -> start latency.
  | { kind: 'noop'; enqueuedAt: number };

/**
 * Creates (not starts) the pg-boss instance for a database. Decisions:
 * - retryLimit 0 on the trial queue: pg-boss never re-delivers by itself. A trial that threw is FAILED on purpose
 *   (retrying a deterministic error wastes a GPU); a lost worker is detected by the trial's heartbeat lease and
 *   re-queued by our reaper with a NEW job (see queue.reaper.ts). One job = one delivery attempt.
 * - supervise: pg-boss's own maintenance (archive, expire, drop) runs in every process under pg-boss's advisory lock.
 */
export function createBoss(connectionString: string, opts: { max?: number; application?: string } = {}): PgBoss {
  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    max: opts.max ?? 4,
    application_name: opts.application ?? 'frogpond-queue',
    supervise: true,
    migrate: true,
    schedule: false,
    maintenanceIntervalSeconds: 60,
  });
  return boss;
}

/** Starts pg-boss (runs its schema migration in `pgboss` if needed) and makes sure our queue exists. */
export async function startBoss(boss: PgBoss): Promise<PgBoss> {
  await boss.start();
  // createQueue is idempotent in pg-boss 10 (INSERT ... ON CONFLICT DO NOTHING + partition) but not safe against
  // two processes creating the same partition at the same instant: tolerate the loser's duplicate error.
  if (!(await boss.getQueue(TRIAL_QUEUE))) {
    try {
      // retention 1 year: pg-boss archives jobs still waiting after their retention (default 14 days), and a big paper
      // matrix on few GPUs can wait longer than that (the reaper would re-enqueue such a trial, at the back)
      await boss.createQueue(TRIAL_QUEUE, { name: TRIAL_QUEUE, policy: 'standard', retryLimit: 0, retentionMinutes: 525_600 });
    } catch (err) {
      if (!(await boss.getQueue(TRIAL_QUEUE))) throw err;
    }
  }
  return boss;
}

/**
 * A pg-boss `Db` that runs its SQL on the connection of a TypeORM transaction. pg-boss 10.4.2 accepts
 * `{ db }` in insert/send/cancel/complete/fail (manager.js: `const db = options.db || this.db`), so the job rows are
 * written in OUR transaction: they commit or roll back together with the trial rows.
 */
export function transactionDb(manager: EntityManager): PgBoss.Db {
  const runner = manager.queryRunner;
  if (!runner || !runner.isTransactionActive) {
    throw new Error('transactionDb needs an EntityManager inside a transaction (dataSource.transaction(...))');
  }
  return {
    async executeSql(text: string, values: unknown[]) {
      // structured result: `records` is always the row array (TypeORM returns [rows, count] for UPDATE otherwise)
      const res = await runner.query(text, values as unknown[], true);
      return { rows: (res.records ?? []) as unknown[] };
    },
  } as PgBoss.Db;
}

/** Rows a transaction needs to enqueue one trial. */
export interface TrialToEnqueue {
  id: string;
  experimentId: string;
  /** `config.preset` of the trial: sets the job expiry (time limit + lease). */
  preset?: unknown;
  /** pg-boss priority (higher runs first; default 0): a benchmark's baselines wait behind everything else. */
  priority?: number;
}

/** Job id for a new delivery of a trial; generated here so the trial row can point at it in the same transaction. */
export function newJobId(): string {
  return crypto.randomUUID();
}
