import { Client } from 'pg';
import { CANCEL_CHANNEL, JOBS_CHANNEL } from './queue.boss';

/**
 * One LISTEN connection per worker process: `frogpond_jobs` wakes idle loops as soon as jobs commit (so queue latency
 * is not the polling interval), `frogpond_cancel` (payload: experiment id) makes running trials check their status
 * at once. Both are only accelerators: workers also poll, so a lost connection costs latency, never correctness.
 */
export class QueueListener {
  private client: Client | null = null;
  private closed = false;
  private waiters = new Set<() => void>();
  private cancelHandlers = new Set<(experimentId: string) => void>();

  constructor(private readonly connectionString: string) {}

  async start(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.connectionString, application_name: 'frogpond-listen' });
    client.on('notification', (msg) => {
      if (msg.channel === JOBS_CHANNEL) this.wakeAll();
      else if (msg.channel === CANCEL_CHANNEL && msg.payload) for (const h of this.cancelHandlers) h(msg.payload);
    });
    client.on('error', (err) => {
      console.error(`[frogpond-worker] LISTEN connection lost (${err.message}); reconnecting, polling meanwhile`);
      this.reconnectLater(client);
    });
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${JOBS_CHANNEL}; LISTEN ${CANCEL_CHANNEL}`);
      this.client = client;
    } catch (err) {
      console.error(`[frogpond-worker] LISTEN failed (${(err as Error).message}); polling only, retrying`);
      this.reconnectLater(client);
    }
  }

  private reconnectLater(client: Client): void {
    if (this.client === client) this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (!this.closed) setTimeout(() => void this.start(), 2000).unref();
  }

  /** Resolves on the next job notification or after `ms`, whichever comes first. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => { clearTimeout(timer); this.waiters.delete(done); resolve(); };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  wakeAll(): void {
    for (const w of [...this.waiters]) w();
  }

  onCancel(handler: (experimentId: string) => void): () => void {
    this.cancelHandlers.add(handler);
    return () => this.cancelHandlers.delete(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    const c = this.client;
    this.client = null;
    if (c) { c.removeAllListeners('end'); await c.end().catch(() => undefined); }
  }
}
