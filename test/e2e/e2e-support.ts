import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freshDatabase as freshTestDatabase } from '../integration/api-helpers';

/** Repository root (this file compiles to dist/test/e2e). */
export const REPO = path.resolve(__dirname, '..', '..', '..');
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` when set, else a system Chromium when one is installed,
 * else the headless build that ships inside the npm package `@sparticuz/chromium` (unpacked to the temp
 * directory on first use), so `npm install && npm test` needs no apt step.
 */
export async function chromiumExecutable(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const system = SYSTEM_CHROMIUM.find((p) => fs.existsSync(p));
  if (system) return system;
  const bundled = (await import('@sparticuz/chromium')).default;
  return bundled.executablePath();
}
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A fresh user-data-dir per browser, removed by the caller. */
export function freshProfileDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-chromium-'));
}

/**
 * A fresh database for one run: a new database on the TEST_DATABASE_URL server (dropped afterwards), else a
 * throw-away embedded PostgreSQL — the same helper the API integration tests use.
 */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  return freshTestDatabase();
}

/** Fails clearly when the web app has not been built (the e2e tests need `npm run build:web`). */
export function requireWebBuild(): void {
  if (!fs.existsSync(path.join(REPO, 'web', '.next', 'BUILD_ID'))) {
    throw new Error('web/.next is missing: run `npm run build:web` before the e2e tests');
  }
}

/**
 * Tears a browser test down in order, whatever got started: the browser, then the server, then the database, then
 * the temporary directories. Each step runs even when an earlier one failed.
 */
export async function tearDown(parts: {
  browser?: { close(): Promise<unknown> }; server?: { stop(): Promise<unknown> }; dropDb?: () => Promise<unknown>; dirs?: (string | undefined)[];
}): Promise<void> {
  await parts.browser?.close().catch(() => undefined);
  await parts.server?.stop().catch(() => undefined);
  await parts.dropDb?.().catch(() => undefined);
  for (const dir of parts.dirs ?? []) if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
