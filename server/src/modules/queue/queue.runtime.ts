import os from 'node:os';
import type PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import { TrialToEnqueue, createBoss, startBoss } from './queue.boss';
import { QueueConfig, loadQueueConfig } from './queue.config';
import { enqueueTrialJobs } from './queue.enqueue';
import { QueueListener } from './queue.listener';
import { startReaper } from './queue.reaper';
import { loadComputeRunTrial, ResultRecorder, RunTrialFn, TrialWorker } from './queue.worker';

export interface QueueRuntime {
  boss: PgBoss;
  cfg: QueueConfig;
  workers: TrialWorker[];
  stop(): Promise<void>;
}

export interface StartQueueOptions {
  ds: DataSource;
  /** Same database as ds (pg-boss and LISTEN use their own connections). */
  connectionString: string;
  /** Worker loops in this process (0: enqueue only, e.g. an API-only server). */
  workers: number;
  record: ResultRecorder;
  recordFailure: (manager: EntityManager, trialId: string, message: string) => Promise<void>;
  loadRunTrial?: () => RunTrialFn;
  cfg?: QueueConfig;
  log?: (line: string) => void;
}

let current: QueueRuntime | null = null;

/**
 * Starts the queue in this process: pg-boss (creating/migrating schema `pgboss`), the trial queue, and `workers`
 * worker loops with their LISTEN connection and lease reaper. The API process needs it too (workers = 0) because
 * createExperiment enqueues through it.
 */
export async function startQueue(opts: StartQueueOptions): Promise<QueueRuntime> {
  const cfg = opts.cfg ?? loadQueueConfig();
  const log = opts.log ?? ((l: string) => console.log(`[frogpond-queue] ${l}`));
  const boss = createBoss(opts.connectionString, { max: 2 + opts.workers });
  boss.on('error', (err) => log(`pg-boss error: ${(err as Error).message}`));
  const workers: TrialWorker[] = [];
  let listener: QueueListener | null = null;
  let stopReaper: (() => void) | null = null;
  try {
    await withStartLock(opts.ds, () => startBoss(boss));
    if (opts.workers > 0) {
      listener = new QueueListener(opts.connectionString);
      await listener.start();
      for (let i = 0; i < opts.workers; i++) {
        const w = new TrialWorker({
          ds: opts.ds, boss, cfg, listener, record: opts.record, recordFailure: opts.recordFailure,
          loadRunTrial: opts.loadRunTrial ?? loadComputeRunTrial,
          name: `${os.hostname()}:${process.pid}${opts.workers > 1 ? `:${i}` : ''}`,
        });
        workers.push(w);
        w.start();
      }
      stopReaper = startReaper(opts.ds, boss, cfg, log);
    }
  } catch (e) {
    // A half-started queue must not outlive the failure: pg-boss's maintenance timers would keep the process alive.
    stopReaper?.();
    await Promise.all(workers.map((w) => w.stop())).catch(() => undefined);
    await listener?.close().catch(() => undefined);
    await boss.stop({ graceful: false, wait: true, close: true }).catch(() => undefined);
    throw e;
  }
  const runtime: QueueRuntime = {
    boss, cfg, workers,
    async stop() {
      stopReaper?.();
      await Promise.all(workers.map((w) => w.stop()));
      await listener?.close();
      await boss.stop({ graceful: false, wait: true, close: true });
      if (current === runtime) current = null;
    },
  };
  current = runtime;
  return runtime;
}

// Arbitrary constant key of the advisory lock that serialises pg-boss start-up across processes.
const BOSS_START_LOCK = 7_342_001;

/**
 * Runs pg-boss's start (schema install/migration, queue creation) under a session advisory lock: servers and workers
 * starting together on a fresh database otherwise race in pg-boss's own CREATE SCHEMA / partition DDL.
 */
async function withStartLock<T>(ds: DataSource, fn: () => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [BOSS_START_LOCK]);
    return await fn();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [BOSS_START_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** The queue started in this process, if any. */
export function queueRuntime(): QueueRuntime | null {
  return current;
}

/**
 * THE hook for createExperiment (and anything else that creates trials): call it inside the transaction that
 * inserts the trials. Throws when the queue was not started in this process (a trial without a job must not commit).
 */
export async function enqueueTrials(manager: EntityManager, trials: TrialToEnqueue[]): Promise<string[]> {
  if (!current) throw new Error('the job queue is not started in this process (startQueue) — refusing to create trials without jobs');
  return enqueueTrialJobs(current.boss, current.cfg, manager, trials);
}
