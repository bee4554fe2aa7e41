import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Node request handler for every non-/graphql path (the Next.js app). */
export type WebHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Folder of the Next.js app: the `@frogpond/web` workspace. */
export function webDir(): string {
  try {
    return path.dirname(require.resolve('@frogpond/web/package.json'));
  } catch {
    // dist/server/src/web -> repository root
    return path.resolve(__dirname, '..', '..', '..', '..', 'web');
  }
}

/** True when `npm run build:web` has produced a production build. */
export function webBuildExists(dir = webDir()): boolean {
  return fs.existsSync(path.join(dir, '.next', 'BUILD_ID'));
}

/**
 * Loads the production build of the web app and returns its request handler, or undefined when the
 * web app has not been built (the API then runs alone). `next` is required lazily so an API-only
 * process never pays for loading it.
 */
export async function loadNextHandler(options: { dir?: string; quiet?: boolean } = {}): Promise<WebHandler | undefined> {
  const dir = options.dir ?? webDir();
  if (!webBuildExists(dir)) {
    if (!options.quiet) console.log(`[web] no build in ${path.join(dir, '.next')}; run \`npm run build:web\` to serve the web app`);
    return undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('next') as NextFactory | { default: NextFactory };
  const createNext: NextFactory = typeof mod === 'function' ? mod : mod.default;
  const app = createNext({ dev: false, dir, quiet: options.quiet ?? true });
  await app.prepare();
  const handle = app.getRequestHandler();
  return async (req, res) => {
    await handle(req, res);
  };
}

type NextFactory = (options: { dev: boolean; dir: string; quiet?: boolean }) => {
  prepare(): Promise<void>;
  getRequestHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
};
