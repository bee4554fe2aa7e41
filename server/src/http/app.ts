import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { Config } from '../config/config';
import { Context } from '../graphql/context';
import { createLoaders } from '../graphql/loaders';
import { complexityLimitPlugin, depthLimit } from '../graphql/limits';
import { formatError } from '../common/error-mapper';
import { AppError } from '../common/errors';
import { Services } from '../services';

export type FallbackHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface AppOptions {
  ds: DataSource;
  config: Config;
  services: Services;
  schema: GraphQLSchema;
  /** Handles every path other than /graphql and /healthz (the Next.js web app is mounted here). */
  fallbackHandler?: FallbackHandler;
}

export interface App {
  /** A node http request listener. */
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;

/** Apollo on a plain node http server (Apollo 5 has no built-in integration): /graphql, /healthz, then the fallback. */
export async function createApp(opts: AppOptions): Promise<App> {
  const production = opts.config.nodeEnv === 'production';
  const apollo = new ApolloServer<Context>({
    schema: opts.schema,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, production),
    validationRules: [depthLimit(opts.config.maxDepth)],
    // No HTTP cache hints are used: the cache-control plugin would only add a hook call to every resolved field.
    plugins: [complexityLimitPlugin(opts.config.maxComplexity), ApolloServerPluginCacheControlDisabled()],
    // Compact JSON (Apollo pretty-prints by default): smaller responses, less CPU.
    stringifyResult: (value) => JSON.stringify(value),
    introspection: true,
  });
  await apollo.start();

  const handleGraphQL = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req);
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json')) {
        try { body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined; } catch {
          return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
        }
      } else {
        body = raw.toString('utf8');
      }
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      // Authentication errors are reported as a GraphQL error with code UNAUTHENTICATED.
      context: async () => {
        let actor;
        try {
          actor = await opts.services.organizations.authenticate(headers.get('authorization'));
        } catch (e) {
          if (e instanceof AppError) throw new GraphQLError(e.message, { extensions: { code: e.code, http: { status: 401 } } });
          throw e;
        }
        return { ds: opts.ds, config: opts.config, services: opts.services, actor, loaders: createLoaders(opts.ds) };
      },
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const run = async () => {
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      if (url.pathname === '/healthz') {
        await opts.ds.query('SELECT 1');
        return sendJson(res, 200, { ok: true });
      }
      if (opts.fallbackHandler) return opts.fallbackHandler(req, res);
      if (url.pathname === '/') return sendJson(res, 200, { name: 'frogpond', graphql: '/graphql' });
      return sendJson(res, 404, { error: 'not found' });
    };
    run().catch((err) => {
      const status = err instanceof AppError && err.code === 'UNAUTHENTICATED' ? 401 : err instanceof HttpError ? err.status : 500;
      if (status === 500) console.error('[frogpond] request failed:', err);
      if (!res.headersSent) {
        const code = status === 401 ? 'UNAUTHENTICATED' : status === 413 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
        const message = status === 500 && production ? 'Internal server error' : (err as Error).message;
        sendJson(res, status, { errors: [{ message, extensions: { code } }] });
      } else {
        res.end();
      }
    });
  };
  return { handle, apollo, stop: () => apollo.stop() };
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new HttpError(413, `Request body over ${MAX_BODY} bytes`)); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
