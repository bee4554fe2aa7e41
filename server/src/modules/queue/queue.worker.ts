import os from 'node:os';
import type PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import { JobPayload, TRIAL_QUEUE, transactionDb } from './queue.boss';
import { QueueConfig, timeLimitFor } from './queue.config';
import { QueueListener } from './queue.listener';
import { ProgressReporter } from './queue.progress';
import { lockExperiment, publicErrorMessage, sqlTx } from './queue.sql';
import type { ResolvedTrialConfig, runTrial, TrialOutcome } from '@frogpond/compute';

/** compute's runTrial, as the worker calls it. */
export type RunTrialFn = typeof runTrial;

/** Loads the real runTrial from @frogpond/compute (lazily: tfjs is heavy and the API process may never need it). */
export function loadComputeRunTrial(): RunTrialFn {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('@frogpond/compute') as typeof import('@frogpond/compute')).runTrial;
}

/** Writes a trial's result rows (TrialResult + artifacts) in the given transaction; the server's service. */
export type ResultRecorder = (manager: EntityManager, trialId: string, outcome: TrialOutcome, worker: string) => Promise<unknown>;

export interface WorkerDeps {
  ds: DataSource;
  boss: PgBoss;
  cfg: QueueConfig;
  listener: QueueListener;
  record: ResultRecorder;
  /** Marks a trial FAILED with a client-safe message in the given transaction (the server's TrialService). */
  recordFailure: (manager: EntityManager, trialId: string, message: string) => Promise<void>;
  /** Loads runTrial lazily: tfjs is only imported by processes that actually run trials. */
  loadRunTrial: () => RunTrialFn;
  /** Shown in trial.worker: host:pid:loop. */
  name?: string;
  log?: (line: string) => void;
}

type Claimed = { attempts: number; config: ResolvedTrialConfig; seed: number; experimentId: string };

/**
 * One worker loop: fetch one job, run it, record, repeat. Life cycle of a trial job:
 *  1. fetch (pg-boss, SKIP LOCKED: one worker per job)          job created -> active
 *  2. claim: trial QUEUED -> RUNNING, attempts+1, heartbeat     only if trial.job_id = this job (stale jobs skip)
 *  3. run runTrial with an AbortSignal; heartbeat+progress ~1/s, fenced by attempts (cancel/takeover -> abort)
 *  4. one transaction: lock experiment, re-check trial is RUNNING under our attempt, write result + SUCCEEDED
 *     (or FAILED with the error message), complete the job, complete the experiment when it was the last trial.
 * A crash anywhere leaves either a QUEUED trial with a live job or a RUNNING trial whose heartbeat stops:
 * the reaper re-queues both (queue.reaper.ts).
 */
export class TrialWorker {
  private stopping = false;
  private loop: Promise<void> | null = null;
  private current: { abort: (reason: string) => void; requeueOnStop: boolean } | null = null;
  readonly name: string;
  private readonly log: (line: string) => void;
  /** Trials this loop finished (any final state), for logs and tests. */
  finished = 0;

  constructor(private readonly deps: WorkerDeps) {
    this.name = deps.name ?? `${os.hostname()}:${process.pid}`;
    this.log = deps.log ?? ((l) => console.log(`[frogpond-worker ${this.name}] ${l}`));
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops fetching; a running trial is aborted and put back in the queue (another worker re-runs it). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.deps.listener.wakeAll();
    this.current?.abort('worker shutting down');
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let job: PgBoss.Job<JobPayload> | undefined;
      try {
        [job] = await this.deps.boss.fetch<JobPayload>(TRIAL_QUEUE, { batchSize: 1 });
      } catch (err) {
        this.log(`fetch failed: ${(err as Error).message}`);
      }
      if (!job) {
        await this.deps.listener.wait(this.deps.cfg.pollMs);
        continue;
      }
      try {
        await this.handle(job);
      } catch (err) {
        // Never let one job kill the loop. The job stays active; the lease/reaper recovers the trial.
        this.log(`job ${job.id} crashed the handler: ${(err as Error).stack ?? err}`);
      }
    }
  }

  private async handle(job: PgBoss.Job<JobPayload>): Promise<void> {
    const data = job.data;
    if (data.kind === 'noop') {
      await this.deps.boss.complete(TRIAL_QUEUE, job.id, { startedAt: Date.now() });
      return;
    }
    const claimed = await this.claim(job.id, data.trialId, data.experimentId);
    if (!claimed) {
      // Trial finished, cancelled, or superseded by a newer job: nothing to run, exactly-once preserved.
      await this.deps.boss.complete(TRIAL_QUEUE, job.id, { skipped: true });
      return;
    }
    await this.execute(job.id, data.trialId, claimed);
  }

  private async claim(jobId: string, trialId: string, experimentId: string): Promise<Claimed | null> {
    return this.deps.ds.transaction(async (m) => {
      const exp = await lockExperiment(m, experimentId);
      if (!exp || exp.status === 'CANCELLED') return null;
      const { rows } = await sqlTx<{ attempts: number; config: ResolvedTrialConfig; seed: number }>(m, `
        UPDATE trial SET status = 'RUNNING', attempts = attempts + 1, worker = $3, started_at = now(),
               heartbeat_at = now(), finished_at = NULL, progress = NULL, error = NULL, updated_at = now()
        WHERE id = $1 AND job_id = $2 AND status = 'QUEUED'
          AND NOT EXISTS (SELECT 1 FROM trial_result r WHERE r.trial_id = $1)
        RETURNING attempts, config, seed`, [trialId, jobId, this.name]);
      if (!rows[0]) return null;
      if (exp.status === 'QUEUED') {
        await sqlTx(m, `UPDATE experiment SET status = 'RUNNING', updated_at = now() WHERE id = $1`, [experimentId]);
      }
      return { ...rows[0], experimentId };
    });
  }

  private async execute(jobId: string, trialId: string, claim: Claimed): Promise<void> {
    const { ds, cfg, listener } = this.deps;
    const controller = new AbortController();
    let abortReason: string | null = null;
    const abort = (reason: string) => {
      if (abortReason) return;
      abortReason = reason;
      controller.abort(new Error(reason));
    };
    const state = { abort, requeueOnStop: true };
    this.current = state;
    const reporter = new ProgressReporter(ds, trialId, claim.attempts, cfg.heartbeatMs, (why) => {
      state.requeueOnStop = false; // someone else owns the trial now
      abort(why);
    });
    const offCancel = listener.onCancel((expId) => { if (expId === claim.experimentId) void reporter.flush(); });
    const limitS = timeLimitFor(cfg, claim.config.preset);
    const limitTimer = setTimeout(() => abort(`time limit of ${limitS} s exceeded`), limitS * 1000);
    reporter.start();
    this.log(`trial ${trialId} attempt ${claim.attempts} started`);
    let outcome: TrialOutcome | null = null;
    let failure: unknown = null;
    try {
      const runTrial = this.deps.loadRunTrial();
      outcome = await runTrial(claim.config, { seed: claim.seed, onProgress: reporter.update, signal: controller.signal });
    } catch (err) {
      failure = err;
    } finally {
      clearTimeout(limitTimer);
      offCancel();
      await reporter.stop();
      this.current = null;
    }

    if (abortReason && (!state.requeueOnStop || abortReason === 'worker shutting down')) {
      // Cancelled / taken over: the trial row is not ours any more. Shutting down: give the trial back now rather
      // than after the lease.
      if (abortReason === 'worker shutting down' && state.requeueOnStop) await this.requeue(jobId, trialId, claim);
      else await this.deps.boss.complete(TRIAL_QUEUE, jobId, { aborted: abortReason }).catch(() => undefined);
      this.log(`trial ${trialId} aborted: ${abortReason}`);
      return;
    }
    const message = failure ? publicErrorMessage(abortReason ?? failure) : null;
    if (failure && !abortReason) this.log(`trial ${trialId} threw: ${(failure as Error)?.stack ?? failure}`);
    try {
      await this.finish(jobId, trialId, claim, outcome, message);
    } catch (err) {
      // The result itself was refused (e.g. a malformed outcome): record FAILED rather than re-running forever.
      this.log(`recording trial ${trialId} failed: ${(err as Error)?.stack ?? err}`);
      await this.finish(jobId, trialId, claim, null, `recording the result failed: ${publicErrorMessage(err)}`);
    }
  }

  /** Writes the final state exactly once: fenced by status RUNNING + our attempt number, under the experiment lock. */
  private async finish(jobId: string, trialId: string, claim: Claimed, outcome: TrialOutcome | null, error: string | null): Promise<void> {
    const status = await this.deps.ds.transaction(async (m) => {
      await lockExperiment(m, claim.experimentId);
      const { rows } = await sqlTx<{ status: string; attempts: number }>(m,
        'SELECT status, attempts FROM trial WHERE id = $1 FOR UPDATE', [trialId]);
      const t = rows[0];
      const db = transactionDb(m);
      if (!t || t.status !== 'RUNNING' || t.attempts !== claim.attempts) {
        await this.deps.boss.complete(TRIAL_QUEUE, jobId, { discarded: true }, { db });
        return `discarded (trial is ${t?.status ?? 'gone'})`;
      }
      // The server's services write the rows (TrialResult + artifacts + SUCCEEDED, or FAILED + error) and refresh the
      // experiment status; holding the experiment lock makes "last trial -> COMPLETED" race-free across workers.
      if (outcome) await this.deps.record(m, trialId, outcome, this.name);
      else await this.deps.recordFailure(m, trialId, error ?? 'trial failed');
      await this.deps.boss.complete(TRIAL_QUEUE, jobId, { status: outcome ? 'SUCCEEDED' : 'FAILED' }, { db });
      return outcome ? 'SUCCEEDED' : 'FAILED';
    });
    this.finished++;
    this.log(`trial ${trialId} ${status}${error ? `: ${error.split('\n')[0]}` : ''}`);
  }

  /** Puts a trial we were running back to QUEUED with a fresh job (graceful shutdown). */
  private async requeue(jobId: string, trialId: string, claim: Claimed): Promise<void> {
    const { requeueTrials } = await import('./queue.reaper');
    await this.deps.ds.transaction(async (m) => {
      await lockExperiment(m, claim.experimentId);
      const { rows } = await sqlTx<{ status: string; attempts: number }>(m,
        'SELECT status, attempts FROM trial WHERE id = $1 FOR UPDATE', [trialId]);
      if (rows[0]?.status === 'RUNNING' && rows[0].attempts === claim.attempts) {
        await requeueTrials(this.deps.boss, this.deps.cfg, m, [{ id: trialId, experimentId: claim.experimentId, preset: claim.config.preset }]);
      }
      await this.deps.boss.complete(TRIAL_QUEUE, jobId, { requeued: true }, { db: transactionDb(m) });
    });
  }
}
