import type { DataSource } from 'typeorm';

/** Counts hits per key in fixed one-minute windows. */
export interface HitCounter {
  /** Counts one hit for `key`; resolves to the seconds to wait when `limit` is exceeded (0 = allowed). limit 0 = off. */
  hit(key: string, limit: number): Promise<number>;
}

/**
 * Fixed-window counters in PostgreSQL (table rate_limit_window), so that every API process on one database counts
 * toward the same limit. One upsert per hit; windows older than two minutes are swept now and then.
 */
export class RateLimiter implements HitCounter {
  private lastSweep = 0;

  constructor(private readonly ds: DataSource, private readonly windowSeconds = 60) {}

  async hit(key: string, limit: number): Promise<number> {
    if (limit <= 0) return 0;
    const w = this.windowSeconds;
    const [row] = await this.ds.query(
      `INSERT INTO rate_limit_window AS r (key, window_start, hits) VALUES ($1, clock_timestamp(), 1)
       ON CONFLICT (key) DO UPDATE SET
         window_start = CASE WHEN r.window_start <= clock_timestamp() - make_interval(secs => $2) THEN clock_timestamp() ELSE r.window_start END,
         hits = CASE WHEN r.window_start <= clock_timestamp() - make_interval(secs => $2) THEN 1 ELSE r.hits + 1 END
       RETURNING hits, ceil(extract(epoch FROM r.window_start + make_interval(secs => $2) - clock_timestamp()))::int AS wait`,
      [key, w],
    );
    this.sweepSometimes();
    return Number(row.hits) > limit ? Math.max(1, Number(row.wait)) : 0;
  }

  /** Drops windows that ended long ago (at most once a window per process; failures only delay the next sweep). */
  private sweepSometimes(): void {
    const t = Date.now();
    if (t - this.lastSweep < this.windowSeconds * 1000) return;
    this.lastSweep = t;
    this.ds.query(`DELETE FROM rate_limit_window WHERE window_start < clock_timestamp() - make_interval(secs => $1)`, [2 * this.windowSeconds])
      .catch(() => { this.lastSweep = 0; });
  }
}
