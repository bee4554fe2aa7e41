import 'reflect-metadata';
import { ConfigError } from './config/config';
import { AlreadyRunningError } from './db/embedded';
import { startServer } from './server';

/** `npm start`: boots the API (and the embedded PostgreSQL when DATABASE_URL is unset). */
async function main() {
  const server = await startServer();
  console.log(`[frogpond] GraphQL API ready at ${server.graphqlUrl}`);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`[frogpond] ${signal}: shutting down`);
    server.stop().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
  };
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
