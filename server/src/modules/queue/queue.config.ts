/**
 * Queue and worker settings, read from the environment with the same validation rules as server/src/config/config.ts
 * (kept in the queue module so the queue can be tuned without touching the server's config; FROGPOND_WORKERS itself
 * lives in the server config because `npm start` reads it).
 */
export interface QueueConfig {
  /** Lease of a running trial: a RUNNING trial without a heartbeat for this long is re-queued. */
  leaseSeconds: number;
  /** How often a running trial writes its heartbeat + latest progress (the progress write throttle). */
  heartbeatMs: number;
  /** Fallback polling interval of an idle worker (NOTIFY wakes it earlier). */
  pollMs: number;
  /** How often each worker process runs the lease reaper. */
  reapMs: number;
  /** Workers lost while running one trial this many times: the trial is FAILED instead of re-queued. */
  maxLost: number;
  /** Hard time limit of one trial per preset (seconds); also the pg-boss job expiration. */
  timeLimitSeconds: { toy: number; mini: number; paper: number };
}

export class QueueConfigError extends Error {
  override name = 'QueueConfigError';
}

function int(env: NodeJS.ProcessEnv, key: string, def: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') return def;
  if (!/^\d+$/.test(raw.trim())) throw new QueueConfigError(`${key} must be a non-negative integer, got "${raw}"`);
  const v = Number(raw);
  if (v < min || v > max) throw new QueueConfigError(`${key} must be between ${min} and ${max}, got ${v}`);
  return v;
}

/** Reads and validates the queue settings. Throws QueueConfigError with the offending variable named. */
export function loadQueueConfig(env: NodeJS.ProcessEnv = process.env): QueueConfig {
  const leaseSeconds = int(env, 'FROGPOND_LEASE_SECONDS', 60, 2, 3600);
  const heartbeatMs = int(env, 'FROGPOND_HEARTBEAT_MS', 1000, 200, 60_000);
  if (heartbeatMs * 2 > leaseSeconds * 1000) {
    throw new QueueConfigError('FROGPOND_HEARTBEAT_MS must be at most half of FROGPOND_LEASE_SECONDS');
  }
  return {
    leaseSeconds,
    heartbeatMs,
    pollMs: int(env, 'FROGPOND_POLL_MS', 2000, 100, 60_000),
    reapMs: int(env, 'FROGPOND_REAP_MS', Math.max(1000, Math.floor((leaseSeconds * 1000) / 2)), 500, 3_600_000),
    maxLost: int(env, 'FROGPOND_MAX_LOST', 3, 1, 100),
    timeLimitSeconds: {
      toy: int(env, 'FROGPOND_TIME_LIMIT_TOY_S', 600, 5, 79_200),
      mini: int(env, 'FROGPOND_TIME_LIMIT_MINI_S', 3600, 5, 79_200),
      // pg-boss refuses job expirations of 24 h or more; the job expiry is this limit plus the lease
      paper: int(env, 'FROGPOND_TIME_LIMIT_PAPER_S', 79_200, 5, 79_200),
    },
  };
}

/** Time limit for a trial of the given preset (unknown presets get the largest). */
export function timeLimitFor(cfg: QueueConfig, preset: unknown): number {
  if (preset === 'toy' || preset === 'mini' || preset === 'paper') return cfg.timeLimitSeconds[preset];
  return Math.max(cfg.timeLimitSeconds.toy, cfg.timeLimitSeconds.mini, cfg.timeLimitSeconds.paper);
}
