import os from 'node:os';
import type PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import { TrialToEnqueue, createBoss, startBoss } from './queue.boss';
import { QueueConfig, loadQueueConfig } from './queue.config';
import { enqueueTrialJobs } from './queue.enqueue';
import { QueueListener } from './queue.listener';
import { startReaper } from './queue.reaper';
import { loadComputeRunTrial, RunTrialFn } from './queue.types';
import { ResultRecorder, TrialWorker } from './queue.worker';

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
  await startBoss(boss);
  const workers: TrialWorker[] = [];
  let listener: QueueListener | null = null;
  let stopReaper: (() => void) | null = null;
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
