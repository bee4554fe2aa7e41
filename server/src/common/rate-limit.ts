/**
 * Fixed-window counters (one minute) keyed by token or client address. In-process: each API process limits its own
 * traffic, which is what a single-node deployment needs; the windows are small and old keys are swept.
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(private readonly windowMs = 60_000, private readonly now = () => Date.now()) {}

  /** Counts one hit for `key`; returns the seconds to wait when `limit` is exceeded (0 = allowed). limit 0 = off. */
  hit(key: string, limit: number): number {
    if (limit <= 0) return 0;
    const t = this.now();
    if (t - this.lastSweep > this.windowMs) this.sweep(t);
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) this.windows.set(key, (w = { start: t, count: 0 }));
    w.count++;
    return w.count > limit ? Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000)) : 0;
  }

  private sweep(t: number) {
    this.lastSweep = t;
    for (const [k, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(k);
  }
}
