import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * rate_limit_window: the current one-minute window of each rate-limited key (a token or a client address), shared by
 * every API process on the database so that several processes enforce one limit. UNLOGGED: counters need no
 * crash safety (a crash only resets the current minute), and skipping the WAL keeps each hit to one cheap upsert.
 */
export class RateLimitWindows1764600000001 implements MigrationInterface {
  name = 'RateLimitWindows1764600000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_window (
        key text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL
      );
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS rate_limit_window`);
  }
}
