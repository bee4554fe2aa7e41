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
  return {
    databaseUrl,
    home: expandHome(env.FROGPOND_HOME?.trim() || '~/.frogpond'),
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    nodeEnv,
    maxTrials: int(env, 'FROGPOND_MAX_TRIALS', 10000, 1, 10_000_000),
    orgActiveTrials: int(env, 'FROGPOND_ORG_ACTIVE_TRIALS', 100_000, 1, 100_000_000),
    workers: int(env, 'FROGPOND_WORKERS', 1, 0, 256),
    maxDepth: int(env, 'FROGPOND_MAX_DEPTH', 8, 2, 64),
    maxComplexity: int(env, 'FROGPOND_MAX_COMPLEXITY', 5000, 10, 10_000_000),
    embeddedPgPort: int(env, 'FROGPOND_PG_PORT', 0, 0, 65535),
    logSql: bool(env, 'FROGPOND_LOG_SQL', false),
    emitSchema: bool(env, 'FROGPOND_EMIT_SCHEMA', nodeEnv !== 'production'),
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
