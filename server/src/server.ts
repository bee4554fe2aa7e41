import 'reflect-metadata';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { Config, loadConfig } from './config/config';
import { connectAndMigrate, createDataSource } from './db/data-source';
import { EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded';
import { seedCatalogue } from './db/seed';
import { seedBenchmarks } from './modules/benchmark/benchmark-seed';
import { buildGraphQLSchema } from './graphql/schema';
import { createApp, FallbackHandler } from './http/app';
import { answerClientErrors } from './http/http-guards';
import { createServices, Services } from './services';
// The pg-boss queue, in-process workers, and the hooks that enqueue/cancel jobs inside
// the createExperiment/cancelExperiment transactions.
import { failureRecorder, resultRecorder } from './modules/queue/queue.recorder';
import { queueExperimentHooks } from './modules/queue/queue.hooks';
import { QueueRuntime, startQueue } from './modules/queue/queue.runtime';

export interface StartOptions {
  /** Overrides of the validated config (e.g. { port: 0, databaseUrl }). Defaults come from process.env. */
  config?: Partial<Config>;
  /** Handles every path other than /graphql and /healthz (Next.js). */
  fallbackHandler?: FallbackHandler;
  /** Called with each SQL statement (benchmark counting). */
  onQuery?: (sql: string) => void;
  /** Log lines (default console.log); pass () => {} to silence. */
  log?: (message: string) => void;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  graphqlUrl: string;
  port: number;
  config: Config;
  ds: DataSource;
  services: Services;
  http: http.Server;
  /** The embedded cluster when no DATABASE_URL was given. */
  embedded?: EmbeddedDatabase;
  /**
   * Settles once the missing baselines of every benchmark are queued (started after the server listens: building a
   * benchmark's sequestered files the first time takes a while); resolves at once when `benchmarkBaselines` is off.
   */
  baselinesQueued: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Boots everything: database (DATABASE_URL, else embedded PostgreSQL under FROGPOND_HOME), migrations, idempotent
 * seeding, the GraphQL schema (writing schema.graphql in dev), and an HTTP server. Used by main.ts and by tests
 * (`startServer({ config: { port: 0, databaseUrl } })`).
 */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const config: Config = { ...loadConfig(), ...opts.config };
  const log = opts.log ?? ((m: string) => console.log(m));
  let embedded: EmbeddedDatabase | undefined;
  let ds: DataSource | undefined;
  let queue: QueueRuntime | undefined;
  try {
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbeddedPostgres({ home: config.home, port: config.embeddedPgPort, log });
      url = embedded.url;
      log(`[frogpond] embedded PostgreSQL running on 127.0.0.1:${embedded.port} (data: ${embedded.dataDir})`);
    }
    ds = createDataSource({ url, logSql: config.logSql, onQuery: opts.onQuery });
    const ran = await connectAndMigrate(ds, async (d) => { await seedCatalogue(d); await seedBenchmarks(d); });
    if (ran.length) log(`[frogpond] applied migrations: ${ran.join(', ')}`);
    const schema = await buildGraphQLSchema(config.emitSchema);
    const services = createServices(ds, config);
    await services.cache.listen(url, log);
    // Always start pg-boss (createExperiment enqueues through it); FROGPOND_WORKERS (default 1, 0 = off)
    // worker loops run trials in this process so the embedded setup needs nothing else.
    queue = await startQueue({ ds, connectionString: url, workers: config.workers, record: resultRecorder(ds), recordFailure: failureRecorder(ds), log });
    services.experiments.registerHooks(queueExperimentHooks());
    if (config.workers > 0) log(`[frogpond] ${config.workers} in-process worker(s) running (FROGPOND_WORKERS=0 turns them off)`);
    const supervised = embedded;
    const app = await createApp({ ds, config, services, schema, fallbackHandler: opts.fallbackHandler, healthProbe: supervised ? () => supervised.state() : undefined });
    const server = http.createServer({ maxHeaderSize: config.maxHeaderBytes }, app.handle);
    answerClientErrors(server);
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => { server.off('error', reject); resolve(); });
    });
    const port = (server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const base = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
    if (opts.fallbackHandler) {
      // The web app in this process calls the API on its loopback address and builds absolute URLs from the public
      // origin: both from configuration, never from a request's headers.
      process.env.FROGPOND_API_URL ||= `${base}/graphql`;
      process.env.FROGPOND_PUBLIC_ORIGIN ||= config.publicOrigin ?? base;
    }
    const [{ tokens }] = await ds.query(`SELECT count(*)::int AS tokens FROM api_token`);
    if (tokens === 0) {
      // The only time we mention tokens: how to get one. A token itself is never logged.
      log('[frogpond] no API token exists yet. Create an organization and its admin token with:  npm run token -- create --org <name>');
    }
    // The seeded benchmarks' baselines are queued now, at start, never on a first read: the board shows them pending.
    const baselinesQueued = config.benchmarkBaselines
      ? services.baselines.ensureAll().then(
        (n) => { if (n) log(`[frogpond] queued ${n} benchmark baseline(s)`); },
        (e) => log(`[frogpond] queuing benchmark baselines failed (retried at the next start): ${(e as Error).message}`))
      : Promise.resolve();
    const dsRef = ds;
    const queueRef = queue;
    let stopping: Promise<void> | undefined;
    return {
      url: base, graphqlUrl: `${base}/graphql`, port, config, ds, services, http: server, embedded, baselinesQueued,
      stop() {
        stopping ??= (async () => {
          await baselinesQueued;
          server.closeIdleConnections?.();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await app.stop();
          await queueRef.stop(); // running trials are aborted and re-queued before the pool closes
          await services.cache.stop();
          await dsRef.destroy();
          await embedded?.stop();
        })();
        return stopping;
      },
    };
  } catch (e) {
    await queue?.stop().catch(() => undefined);
    if (ds?.isInitialized) await ds.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw e;
  }
}
