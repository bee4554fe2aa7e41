import os from 'node:os';
import path from 'node:path';

/** Validated runtime configuration. Every environment variable the server reads goes through here. */
export interface Config {
  /** PostgreSQL connection string; undefined means "boot the embedded PostgreSQL". */
  databaseUrl?: string;
  /** Directory for the embedded database and other local state. */
  home: string;
  port: number;
  host: string;
  nodeEnv: 'development' | 'production' | 'test';
  /** Largest matrix (number of trials) one createExperiment may expand into. */
  maxTrials: number;
  /** Per-organization quota: QUEUED + RUNNING trials it may have at once (createExperiment refuses beyond). */
  orgActiveTrials: number;
  /** Number of in-process trial workers the server starts (0: none; `npm run worker` runs them apart). */
  workers: number;
  /** Query depth and complexity limits of the GraphQL endpoint. */
  maxDepth: number;
  maxComplexity: number;
  /** Port for the embedded PostgreSQL; 0 picks a free port at every start. */
  embeddedPgPort: number;
  /** Log SQL statements (debugging). */
  logSql: boolean;
  /** Write schema.graphql at the repo root when the schema is built (dev/build, never in production). */
  emitSchema: boolean;
  /**
   * The origin users reach the web app on (e.g. https://frogpond.example.org). Redirects, the Origin check of
   * server actions and cookie `Secure` derive from it, never from request headers. Default: http://HOST:PORT.
   */
  publicOrigin?: string;
  /** GraphQL introspection (default: on unless production). */
  introspection: boolean;
  /**
   * The GraphQL explorer (GraphiQL, bundled with the web app) answers browser visits of `/graphql` (default: on
   * unless production). Needs the web app.
   */
  graphqlExplorer: boolean;
  /** Organizations one token may found through the API, and one founding chain (all its descendants) in total. */
  orgsPerToken: number;
  orgsPerFounderTree: number;
  /** Custom densities one organization may own. */
  densitiesPerOrg: number;
  /** Mutations allowed per minute per token and per client IP (0 turns a limit off). */
  mutationsPerMinutePerToken: number;
  mutationsPerMinutePerIp: number;
  /** Lifetime of a web session token, seconds. */
  sessionTtlSeconds: number;
  /** Largest request body and request header block accepted, bytes (413 / 431 beyond). */
  maxBodyBytes: number;
  maxHeaderBytes: number;
  /**
   * The base of permalinks and citations: `publicOrigin` when configured, else http://localhost:PORT (never a
   * request header).
   */
  publicUrl: string;
  /** Secret sequestering benchmark test replicates; unset: a random one kept under `home`. */
  benchmarkSecret?: string;
  /** Defense submissions one organization may make per benchmark per UTC day (platform failures are not counted). */
  submissionsPerDay: number;
  /** Largest score file accepted, bytes. */
  submissionMaxBytes: number;
  /** Queue the missing baselines of every benchmark when the server starts (FROGPOND_BENCHMARK_BASELINES, default on). */
  benchmarkBaselines: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function int(env: NodeJS.ProcessEnv, key: string, def: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return def;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(`${key} must be an integer, got "${raw}"`);
  const v = Number(raw);
  if (v < min || v > max) throw new ConfigError(`${key} must be between ${min} and ${max}, got ${v}`);
  return v;
}

function bool(env: NodeJS.ProcessEnv, key: string, def: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return def;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${key} must be a boolean (true/false), got "${raw}"`);
}

/** An http(s) origin (scheme://host[:port], no path); trailing slash tolerated. */
function origin(env: NodeJS.ProcessEnv, key: string): string | undefined {
  const raw = env[key]?.trim();
  if (!raw) return undefined;
  let u: URL;
  try { u = new URL(raw); } catch { throw new ConfigError(`${key} must be an http(s) origin like https://frogpond.example.org, got "${raw}"`); }
  if (!/^https?:$/.test(u.protocol) || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash || u.username || u.password) {
    throw new ConfigError(`${key} must be an http(s) origin like https://frogpond.example.org, got "${raw}"`);
  }
  return u.origin;
}

/** A secret of at least 32 characters, or undefined when unset. */
function secret(env: NodeJS.ProcessEnv, key: string): string | undefined {
  const raw = env[key]?.trim();
  if (!raw) return undefined;
  if (raw.length < 32) throw new ConfigError(`${key} must be at least 32 characters (e.g. openssl rand -hex 32)`);
  return raw;
}

function expandHome(p: string): string {
  if (p === '~') return os.homedir();
  if (p.startsWith('~/')) return path.join(os.homedir(), p.slice(2));
  return path.resolve(p);
}

/** Reads and validates configuration from an environment (process.env by default). Throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as Config['nodeEnv'];
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const publicOrigin = origin(env, 'FROGPOND_PUBLIC_ORIGIN');
  const port = int(env, 'PORT', 4000, 0, 65535);
  return {
    databaseUrl,
    home: expandHome(env.FROGPOND_HOME?.trim() || '~/.frogpond'),
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    nodeEnv,
    maxTrials: int(env, 'FROGPOND_MAX_TRIALS', 10000, 1, 10_000_000),
    orgActiveTrials: int(env, 'FROGPOND_ORG_ACTIVE_TRIALS', 100_000, 1, 100_000_000),
    workers: int(env, 'FROGPOND_WORKERS', 1, 0, 256),
    maxDepth: int(env, 'FROGPOND_MAX_DEPTH', 8, 2, 64),
    maxComplexity: int(env, 'FROGPOND_MAX_COMPLEXITY', 5000, 10, 10_000_000),
    embeddedPgPort: int(env, 'FROGPOND_PG_PORT', 0, 0, 65535),
    logSql: bool(env, 'FROGPOND_LOG_SQL', false),
    publicOrigin,
    introspection: bool(env, 'FROGPOND_INTROSPECTION', nodeEnv !== 'production'),
    graphqlExplorer: bool(env, 'FROGPOND_GRAPHQL_EXPLORER', nodeEnv !== 'production'),
    orgsPerToken: int(env, 'FROGPOND_ORGS_PER_TOKEN', 3, 0, 1_000_000),
    orgsPerFounderTree: int(env, 'FROGPOND_ORGS_PER_FOUNDER_TREE', 20, 0, 1_000_000),
    densitiesPerOrg: int(env, 'FROGPOND_DENSITIES_PER_ORG', 200, 0, 1_000_000),
    mutationsPerMinutePerToken: int(env, 'FROGPOND_MUTATIONS_PER_MINUTE_PER_TOKEN', 120, 0, 1_000_000),
    mutationsPerMinutePerIp: int(env, 'FROGPOND_MUTATIONS_PER_MINUTE_PER_IP', 300, 0, 1_000_000),
    sessionTtlSeconds: int(env, 'FROGPOND_SESSION_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    maxBodyBytes: int(env, 'FROGPOND_MAX_BODY_BYTES', 2 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    maxHeaderBytes: int(env, 'FROGPOND_MAX_HEADER_BYTES', 16 * 1024, 1024, 1024 * 1024),
    emitSchema: bool(env, 'FROGPOND_EMIT_SCHEMA', nodeEnv !== 'production'),
    publicUrl: publicOrigin ?? `http://localhost:${port}`,
    benchmarkSecret: secret(env, 'FROGPOND_BENCHMARK_SECRET'),
    submissionsPerDay: int(env, 'FROGPOND_SUBMISSIONS_PER_DAY', 5, 1, 10_000),
    submissionMaxBytes: int(env, 'FROGPOND_SUBMISSION_MAX_BYTES', 8 * 1024 * 1024, 1024, 15 * 1024 * 1024),
    benchmarkBaselines: bool(env, 'FROGPOND_BENCHMARK_BASELINES', true),
  };
}

/**
 * Loads `.env` from the working directory into process.env when the file exists (variables already set win,
 * as with `node --env-file`). Called by the entry points (npm start, npm run token), never by tests.
 */
export function loadDotEnv(file = '.env'): boolean {
  const fs = require('node:fs') as typeof import('node:fs');
  if (!fs.existsSync(file)) return false;
  const before = { ...process.env };
  process.loadEnvFile(file);
  for (const [k, v] of Object.entries(before)) process.env[k] = v;
  return true;
}

let cached: Config | undefined;
/** Process-wide config, loaded once. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
