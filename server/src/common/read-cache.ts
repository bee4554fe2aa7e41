import { Client } from 'pg';

/** The channel the result triggers NOTIFY on; the payload is comma-separated experiment ids, or '*'. */
export const RESULTS_CHANNEL = 'frogpond_results';

interface Entry { value: unknown; experimentId: string | null }

/**
 * In-process cache of derived reads (matrices, leaderboard pages). Finished results never change, so a read is
 * recomputed only when a result lands or trials go: the database triggers NOTIFY `frogpond_results`, and the entries
 * of the experiments named (all of them for '*', and every entry not tied to one experiment, e.g. leaderboard pages)
 * are dropped.
 *
 * The cache serves nothing until it listens: a process that cannot hear invalidations must not serve stale reads.
 * A read that raced an invalidation (started before it, finished after) is not stored: `generation` tells.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private client: Client | null = null;
  private stopped = false;

  constructor(private readonly maxEntries = 2000) {}

  get enabled(): boolean { return this.client !== null; }

  /** Listens on RESULTS_CHANNEL over its own connection; reconnects (cache off meanwhile) if the connection drops. */
  async listen(connectionString: string, log: (m: string) => void = () => {}): Promise<void> {
    const client = new Client({ connectionString });
    client.on('notification', (n) => { if (n.channel === RESULTS_CHANNEL) this.invalidate(n.payload ?? '*'); });
    client.on('error', (e) => {
      if (this.stopped) return;
      log(`[frogpond] read cache: listener connection lost (${e.message}); cache off until it reconnects`);
      this.detach(client);
      setTimeout(() => { if (!this.stopped) this.listen(connectionString, log).catch(() => undefined); }, 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${RESULTS_CHANNEL}`);
    if (this.stopped) { await client.end().catch(() => undefined); return; }
    // Anything cached before (or while) the connection was down may be stale.
    this.invalidate('*');
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const c = this.client;
    this.detach(c);
    await c?.end().catch(() => undefined);
  }

  private detach(client: Client | null) {
    if (client && this.client === client) this.client = null;
    this.invalidate('*');
  }

  /** Drops the entries of the given experiments ('*' or '' = everything) and every entry not tied to one. */
  invalidate(payload: string): void {
    this.generation++;
    if (payload === '*' || payload === '') { this.entries.clear(); return; }
    const ids = new Set(payload.split(','));
    for (const [key, e] of this.entries) if (e.experimentId === null || ids.has(e.experimentId)) this.entries.delete(key);
  }

  /** A cached value, if the cache serves reads now. */
  lookup<T>(key: string): T | undefined {
    return this.client ? (this.entries.get(key)?.value as T | undefined) : undefined;
  }

  /** Call before computing a value to `put` later: the value is kept only if nothing was invalidated in between. */
  begin(): number { return this.generation; }

  put(key: string, experimentId: string | null, value: unknown, generation: number): void {
    if (generation !== this.generation || !this.client) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, experimentId });
  }

  /**
   * The cached value of `key`, else `compute()`'s, stored when no invalidation happened meanwhile.
   * `experimentId`: the experiment the value derives from alone (null: derived from many, e.g. a leaderboard).
   */
  async getOrCompute<T>(key: string, experimentId: string | null, compute: () => Promise<T>): Promise<T> {
    if (!this.client) return compute();
    const hit = this.entries.get(key);
    if (hit) return hit.value as T;
    const gen = this.begin();
    const value = await compute();
    this.put(key, experimentId, value, gen);
    return value;
  }
}
