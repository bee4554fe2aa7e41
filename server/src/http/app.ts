import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { Config } from '../config/config';
import { Context } from '../graphql/context';
import { createLoaders } from '../graphql/loaders';
import { complexityLimitPlugin, depthLimit, queriesAndMutationsOnly } from '../graphql/limits';
import { formatError } from '../common/error-mapper';
import { AppError } from '../common/errors';
import { jsonTooDeep } from '../common/edge-validation';
import { HitCounter, RateLimiter } from '../common/rate-limit';
import { allowedOrigins, baseSecurityHeaders, isExplorerVisit, isUnsafeMethod, markExplorerVisit, stripSpoofableHeaders } from './http-guards';
import { Services } from '../services';
import { isDownload, serveDownload } from './downloads';
import { servePageCached } from './page-cache';
import { etagOf, httpCachePolicyPlugin, RESULT_ONLY_HEADER } from './http-cache';
import { handleBenchmarkDownload, isBenchmarkDownload } from '../modules/benchmark/benchmark.http';

export type FallbackHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface AppOptions {
  ds: DataSource;
  config: Config;
  services: Services;
  schema: GraphQLSchema;
  /** Handles every path other than /graphql and /healthz (the Next.js web app is mounted here). */
  fallbackHandler?: FallbackHandler;
  /** State of a supervised embedded database ('ok', 'restarting', ...); anything but 'ok' makes /healthz degraded. */
  healthProbe?: () => string;
}

export interface App {
  /** A node http request listener. */
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

/** Bodies beyond the limit are read and discarded up to this size (so the client gets its 413), then cut off. */
const MAX_DRAIN = 64 * 1024 * 1024;

/** HTTP status for a response whose every error has a client code and that carries no data. */
const STATUS_BY_CODE: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * Client errors get a 4xx status: a request that produced no data and only client-coded errors answers with the
 * status of its first error (rate limits 429). Partial results (data and errors) stay 200, as GraphQL clients expect.
 */
function httpStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (!errors?.length || (data !== undefined && data !== null)) return;
          const codes = errors.map((e) => String(e.extensions?.code ?? ''));
          if (!codes.every((c) => c in STATUS_BY_CODE)) return;
          response.http.status = errors[0].extensions?.rateLimited ? 429 : STATUS_BY_CODE[codes[0]];
        },
      };
    },
  };
}

/**
 * Mutations per minute, per token and per client address (the socket's, never a forwarded header), counted in
 * PostgreSQL so that every API process on the database shares the limit. Loopback callers
 * are exempt from the address limit: they are the web app hosted in this process (whose browser clients are limited
 * by address at the web edge) and local tools; their tokens are still limited.
 */
function mutationRateLimitPlugin(config: Config, limiter: HitCounter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          // Read at each request so an operator (or a test) can change the limits of a running server.
          const wait = Math.max(
            contextValue.actor ? await limiter.hit(`token:${contextValue.actor.tokenId}`, config.mutationsPerMinutePerToken) : 0,
            isLoopback(contextValue.clientIp) ? 0 : await limiter.hit(`ip:${contextValue.clientIp}`, config.mutationsPerMinutePerIp));
          if (wait > 0) {
            throw new GraphQLError(`Too many mutations; retry in ${wait} s`, {
              extensions: { code: 'FORBIDDEN', rateLimited: true, retryAfter: wait, http: { status: 429, headers: new Map([['retry-after', String(wait)]]) } },
            });
          }
        },
      };
    },
  };
}

/** Apollo on a plain node http server (Apollo 5 has no built-in integration): /graphql, /healthz, then the fallback. */
export async function createApp(opts: AppOptions): Promise<App> {
  const production = opts.config.nodeEnv === 'production';
  const limiter = new RateLimiter(opts.ds);
  const apollo = new ApolloServer<Context>({
    schema: opts.schema,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, production),
    validationRules: [depthLimit(opts.config.maxDepth), queriesAndMutationsOnly],
    // No HTTP cache hints are used: the cache-control plugin would only add a hook call to every resolved field.
    // Apollo's own landing page loads its explorer from a CDN: off. The explorer is GraphiQL, bundled with the web app
    // and served from this origin (isExplorerVisit).
    plugins: [complexityLimitPlugin(opts.config.maxComplexity), mutationRateLimitPlugin(opts.config, limiter), httpStatusPlugin(),
      ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), httpCachePolicyPlugin],
    // Compact JSON (Apollo pretty-prints by default): smaller responses, less CPU.
    stringifyResult: (value) => JSON.stringify(value),
    introspection: opts.config.introspection,
  });
  await apollo.start();

  const handleGraphQL = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    let cacheKey: string | null = null;
    let generation = 0;
    if (req.method === 'POST') {
      const raw = await readBody(req, opts.config.maxBodyBytes);
      // Anonymous reads of public results are answered from memory until a result lands (the same bytes Apollo
      // would produce: same operation, same variables, public data only).
      if (!req.headers.authorization && raw.length <= 16_384) {
        cacheKey = `http:${headers.get('accept') ?? ''}:${headers.get('content-type') ?? ''}:${raw.toString('utf8')}`;
        const hit = opts.services.cache.lookup<CachedAnswer>(cacheKey);
        if (hit) return sendCached(req, res, hit);
        generation = opts.services.cache.begin();
      }
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json')) {
        try { body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined; } catch {
          return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
        }
        // A variable nested thousands of levels deep would exhaust the stack of whatever walks it next.
        if (jsonTooDeep(body)) {
          return sendJson(res, 400, { errors: [{ message: 'Request body is nested too deeply', extensions: { code: 'BAD_USER_INPUT' } }] });
        }
      } else {
        body = raw.toString('utf8');
      }
    }
    const clientIp = req.socket.remoteAddress ?? 'unknown';
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
        return { ds: opts.ds, config: opts.config, services: opts.services, actor, loaders: createLoaders(opts.ds), clientIp };
      },
    });
    const resultsOnly = result.headers.get(RESULT_ONLY_HEADER) === '1';
    result.headers.delete(RESULT_ONLY_HEADER);
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      if (cacheKey && resultsOnly && res.statusCode === 200 && result.body.string.length <= 512 * 1024) {
        const etag = etagOf(result.body.string);
        opts.services.cache.put(cacheKey, null, { body: result.body.string, etag, contentType: result.headers.get('content-type') ?? 'application/json' }, generation);
      }
      // Cacheable answers carry an ETag; a client holding the same bytes gets 304 and no body.
      if (res.statusCode === 200 && !String(res.getHeader('cache-control') ?? 'no-store').includes('no-store')) {
        const etag = etagOf(result.body.string);
        res.setHeader('etag', etag);
        if (req.headers['if-none-match'] === etag) { res.statusCode = 304; return res.end(); }
      }
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const security = baseSecurityHeaders(opts.config.publicOrigin);
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    let url: URL;
    try { url = new URL(req.url ?? '/', 'http://localhost'); } catch { return sendJson(res, 400, { errors: [{ message: 'Bad request URL', extensions: { code: 'BAD_USER_INPUT' } }] }); }
    for (const [k, v] of Object.entries(security)) res.setHeader(k, v);
    const run = async () => {
      if (url.pathname === '/graphql' && opts.fallbackHandler && isExplorerVisit(opts.config, req, url)) {
        stripSpoofableHeaders(req);
        markExplorerVisit(req);
        return opts.fallbackHandler(req, res);
      }
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      if (isDownload(url.pathname)) return serveDownload(opts.services, opts.config.publicUrl, req, res, url);
      if (isBenchmarkDownload(url.pathname)) return handleBenchmarkDownload(opts.services, req, res, url);
      if (url.pathname === '/healthz') return health(res);
      if (opts.fallbackHandler) {
        stripSpoofableHeaders(req);
        // State changes from a browser must come from the app's own origin (server actions, sign-out).
        if (isUnsafeMethod(req.method)) {
          const origin = req.headers.origin;
          if (!origin || !allowedOrigins(opts.config, req.socket.localPort ?? 0).has(origin)) {
            return sendJson(res, 403, { errors: [{ message: 'Cross-origin request refused', extensions: { code: 'FORBIDDEN' } }] });
          }
          // Server actions are the web app's mutations: limited by the browser's address, as /graphql mutations are.
          const wait = await limiter.hit(`ip:${req.socket.remoteAddress ?? 'unknown'}`, opts.config.mutationsPerMinutePerIp);
          if (wait > 0) {
            res.setHeader('retry-after', String(wait));
            return sendJson(res, 429, { errors: [{ message: `Too many requests; retry in ${wait} s`, extensions: { code: 'FORBIDDEN', rateLimited: true, retryAfter: wait } }] });
          }
        }
        return servePageCached(opts.services.cache, opts.fallbackHandler, req, res, url);
      }
      if (url.pathname === '/') return sendJson(res, 200, { name: 'frogpond', graphql: '/graphql' });
      return sendJson(res, 404, { error: 'not found' });
    };
    run().catch((err) => {
      const status = err instanceof AppError && err.code === 'UNAUTHENTICATED' ? 401 : err instanceof HttpError ? err.status : 500;
      if (status === 500) console.error('[frogpond] request failed:', err);
      if (!res.headersSent) {
        if (status === 413) res.setHeader('connection', 'close');
        const code = status === 401 ? 'UNAUTHENTICATED' : status === 413 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
        const message = status === 500 && production ? 'Internal server error' : (err as Error).message;
        sendJson(res, status, { errors: [{ message, extensions: { code } }] });
      } else {
        res.end();
      }
    });
  };
  /** 200 when the database answers, 503 with `degraded` while it does not (e.g. the embedded cluster restarting). */
  async function health(res: http.ServerResponse) {
    const embedded = opts.healthProbe?.();
    try {
      await opts.ds.query('SELECT 1');
      if (embedded && embedded !== 'ok') return sendJson(res, 503, { ok: false, status: 'degraded', database: embedded });
      return sendJson(res, 200, { ok: true });
    } catch {
      return sendJson(res, 503, { ok: false, status: 'degraded', database: embedded ?? 'unreachable' });
    }
  }
  return { handle, apollo, stop: () => apollo.stop() };
}

const isLoopback = (ip: string) => ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');

class HttpError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

/**
 * Reads a request body of at most `max` bytes. A larger one is refused with 413; its remaining bytes are read and
 * dropped (up to MAX_DRAIN) so that the client, still sending, receives the answer instead of a reset connection.
 */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new HttpError(413, `Request body over ${max} bytes`);
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > max;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_DRAIN) { req.destroy(); return; }
      if (over) return;
      if (size > max) { over = true; chunks.length = 0; return; }
      chunks.push(c);
    });
    req.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => { if (over) reject(tooLarge()); });
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

interface CachedAnswer { body: string; etag: string; contentType: string }

function sendCached(req: http.IncomingMessage, res: http.ServerResponse, hit: CachedAnswer) {
  res.setHeader('content-type', hit.contentType);
  res.setHeader('cache-control', 'public, max-age=0, must-revalidate');
  res.setHeader('vary', 'Authorization');
  res.setHeader('etag', hit.etag);
  if (req.headers['if-none-match'] === hit.etag) { res.statusCode = 304; res.end(); return; }
  res.statusCode = 200;
  res.end(hit.body);
}
