import 'reflect-metadata';
import path from 'node:path';
import { DataSource, Logger, QueryRunner } from 'typeorm';

/** dist/server/src/db -> dist */
const DIST_ROOT = path.resolve(__dirname, '../../..');

export interface DataSourceOptions {
  url: string;
  logSql?: boolean;
  /** Called for every SQL statement TypeORM sends (used by the benchmark to count statements per request). */
  onQuery?: (sql: string) => void;
  poolSize?: number;
}

class HookLogger implements Logger {
  constructor(private readonly onQuery?: (sql: string) => void, private readonly print = false) {}
  logQuery(query: string, _params?: unknown[], _qr?: QueryRunner) {
    this.onQuery?.(query);
    if (this.print) console.log('[sql]', query);
  }
  logQueryError(error: string | Error, query: string) { if (this.print) console.error('[sql error]', query, error); }
  logQuerySlow(time: number, query: string) { if (this.print) console.warn(`[sql slow ${time}ms]`, query); }
  logSchemaBuild() {}
  logMigration(message: string) { if (this.print) console.log('[migration]', message); }
  log(level: 'log' | 'info' | 'warn', message: unknown) { if (this.print || level === 'warn') console.log(`[typeorm ${level}]`, message); }
}

/**
 * The one TypeORM DataSource factory. Entities and migrations are discovered by glob in dist so feature
 * folders added later (e.g. modules/queue) are picked up without editing this file.
 * `synchronize` is always false: the schema only changes through migrations/.
 */
export function createDataSource(opts: DataSourceOptions): DataSource {
  const hooked = !!(opts.onQuery || opts.logSql);
  return new DataSource({
    type: 'postgres',
    url: opts.url,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'typeorm_migrations',
    entities: [path.join(DIST_ROOT, 'server/src/modules/**/*.entity.js')],
    migrations: [path.join(DIST_ROOT, 'migrations/*.js')],
    logging: hooked ? ['query', 'error', 'warn', 'migration'] : ['warn'],
    logger: new HookLogger(opts.onQuery, !!opts.logSql),
    extra: { max: opts.poolSize ?? 10 },
  });
}

/** Advisory lock key serialising schema changes between processes sharing one database. */
const MIGRATION_LOCK = 0x66726f67; // 'frog'

/**
 * Connects and runs pending migrations (each in its own transaction), plus an optional step (seeding) under the same
 * PostgreSQL advisory lock, so servers and workers starting together against one DATABASE_URL never race.
 */
export async function connectAndMigrate(ds: DataSource, thenUnderLock?: (ds: DataSource) => Promise<void>): Promise<string[]> {
  if (!ds.isInitialized) await ds.initialize();
  const lock = ds.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const ran = await ds.runMigrations({ transaction: 'each' });
    await thenUnderLock?.(ds);
    return ran.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}
