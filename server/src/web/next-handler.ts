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
 *
 * Next.js must know the origin it is served on (server actions that redirect fetch the target page
 * from their own server). With `port: 0` the port is only known once the HTTP server listens, so the
 * Next app is created on the first request, from the socket that request arrived on.
 */
export async function loadNextHandler(options: { dir?: string; quiet?: boolean; hostname?: string; port?: number } = {}): Promise<WebHandler | undefined> {
  const dir = options.dir ?? webDir();
  if (!webBuildExists(dir)) {
    if (!options.quiet) console.log(`[web] no build in ${path.join(dir, '.next')}; run \`npm run build:web\` to serve the web app`);
    return undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('next') as NextFactory | { default: NextFactory };
  const createNext: NextFactory = typeof mod === 'function' ? mod : mod.default;
  const start = (hostname: string, port: number) => {
    const app = createNext({ dev: false, dir, quiet: options.quiet ?? true, hostname, port });
    return app.prepare().then(() => app.getRequestHandler());
  };
  let ready = options.port ? start(options.hostname ?? '127.0.0.1', options.port) : undefined;
  return async (req, res) => {
    if (!ready) {
      const local = req.socket.localAddress ?? '127.0.0.1';
      const hostname = local.includes(':') && !local.startsWith('::ffff:') ? (local === '::' || local === '::1' ? '::1' : local) : local.replace(/^::ffff:/, '');
      ready = start(hostname, req.socket.localPort ?? 3000);
    }
    const handle = await ready;
    await handle(req, res);
  };
}

type NextFactory = (options: { dev: boolean; dir: string; quiet?: boolean; hostname?: string; port?: number }) => {
  prepare(): Promise<void>;
  getRequestHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
};
