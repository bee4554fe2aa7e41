import type { DataSource } from 'typeorm';
import type { TrialProgress } from '@frogpond/compute';
import { sql } from './queue.sql';

/**
 * Heartbeat + throttled progress of one running trial. runTrial may call onProgress thousands of times a second;
 * we keep only the latest event in memory and write it with the heartbeat, at most once per `intervalMs`
 * (default 1 s). Every write is fenced by (status = RUNNING, attempts = ours): when it matches no row the trial was
 * cancelled or taken over by the reaper, and `onLost` aborts the run within one interval.
 */
export class ProgressReporter {
  private latest: TrialProgress | null = null;
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private lost = false;
  /** Number of progress/heartbeat writes done (tests check the throttle). */
  writes = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly trialId: string,
    private readonly attempt: number,
    private readonly intervalMs: number,
    private readonly onLost: (reason: string) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  /** onProgress callback handed to runTrial: O(1), never touches the database. */
  readonly update = (p: TrialProgress): void => {
    this.latest = { phase: p.phase, step: p.step, total: p.total, ...(p.metrics ? { metrics: p.metrics } : {}) };
    this.dirty = true;
  };

  /** Writes heartbeat (+ progress when it changed) now; also used when a cancel NOTIFY arrives. */
  async flush(): Promise<void> {
    if (this.lost) return;
    if (this.writing) {
      // A write already in flight carries an older snapshot: wait for it, then write what arrived since, so that a
      // final flush always stores the latest event (under load the in-flight write can be seconds old).
      await this.writing;
      return this.dirty && !this.lost ? this.flush() : undefined;
    }
    this.writing = (async () => {
      const progress = this.dirty ? JSON.stringify({ ...this.latest, at: new Date().toISOString() }) : null;
      this.dirty = false;
      try {
        const { affected } = await sql(this.ds, `
          UPDATE trial SET heartbeat_at = now(), progress = COALESCE($3::jsonb, progress)
          WHERE id = $1 AND status = 'RUNNING' AND attempts = $2`, [this.trialId, this.attempt, progress]);
        this.writes++;
        if (affected === 0 && !this.lost) {
          this.lost = true;
          this.onLost('trial is no longer running under this attempt (cancelled or re-queued)');
        }
      } catch (err) {
        // A failed heartbeat (DB restart) is not fatal: the next tick retries; the lease tolerates several misses.
        console.error(`[frogpond-worker] heartbeat for trial ${this.trialId} failed: ${(err as Error).message}`);
      } finally {
        this.writing = null;
      }
    })();
    return this.writing;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.writing) await this.writing;
  }
}
