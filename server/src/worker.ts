import 'reflect-metadata';
import os from 'node:os';
import { config, ConfigError } from './config/config';
import { createDataSource } from './db/data-source';
import { loadQueueConfig, QueueConfigError } from './modules/queue/queue.config';
import { failureRecorder, resultRecorder } from './modules/queue/queue.recorder';
import { startQueue } from './modules/queue/queue.runtime';

/**
 * `npm run worker`: a compute worker process. It needs only DATABASE_URL (the same PostgreSQL as the server), so any
 * machine — a GPU box with @tensorflow/tfjs-node-gpu, a container scaled with `--scale worker=N` — joins by running
 * this entry point. It never migrates: it waits until the server has migrated the schema.
 * FROGPOND_WORKER_CONCURRENCY (default 1) sets the number of trial loops in this process.
 */
async function main(): Promise<void> {
  const cfg = config();
  const queueCfg = loadQueueConfig();
  if (!cfg.databaseUrl) {
    console.error('[frogpond-worker] DATABASE_URL is required (the PostgreSQL the frogpond server uses)');
    process.exit(2);
  }
  const concurrency = Number(process.env.FROGPOND_WORKER_CONCURRENCY ?? '1');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    console.error('[frogpond-worker] FROGPOND_WORKER_CONCURRENCY must be an integer between 1 and 64');
    process.exit(2);
  }
  const ds = createDataSource({ url: cfg.databaseUrl, logSql: cfg.logSql, poolSize: 2 + 2 * concurrency });
  await ds.initialize();
  const waitS = Number(process.env.FROGPOND_WORKER_WAIT_S ?? '300');
  const t0 = Date.now();
  while (await ds.showMigrations()) {
    if ((Date.now() - t0) / 1000 > waitS) {
      console.error('[frogpond-worker] the database schema is not migrated; start the server once (npm start) first');
      process.exit(1);
    }
    console.log('[frogpond-worker] waiting for the server to migrate the database ...');
    await new Promise((r) => setTimeout(r, 2000));
  }
  const rt = await startQueue({
    ds, connectionString: cfg.databaseUrl, workers: concurrency, record: resultRecorder(ds), recordFailure: failureRecorder(ds), cfg: queueCfg,
    log: (l) => console.log(`[frogpond-worker ${os.hostname()}:${process.pid}] ${l}`),
  });
  console.log(`[frogpond-worker] ${os.hostname()}:${process.pid} ready: ${concurrency} loop(s), lease ${queueCfg.leaseSeconds}s, heartbeat ${queueCfg.heartbeatMs}ms`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[frogpond-worker] ${signal}: stopping (a running trial is aborted and re-queued)`);
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await rt.stop();
    await ds.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof QueueConfigError) {
    console.error(`[frogpond-worker] configuration error: ${err.message}`);
    process.exit(2);
  }
  console.error('[frogpond-worker] fatal:', err);
  process.exit(1);
});
