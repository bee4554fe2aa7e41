import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Benchmarks (frozen sets of poisoned tasks) and defense submissions scored against their sequestered replicates.
 * The truth of a sequestered replicate (its seed, order, poison indices, target) is derived from a server secret and
 * never stored in the database.
 */
export class BenchmarksAndSubmissions1764590000000 implements MigrationInterface {
  name = 'BenchmarksAndSubmissions1764590000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE benchmark (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        version int NOT NULL CHECK (version >= 1),
        name text NOT NULL,
        description text NOT NULL,
        license text NOT NULL,
        config jsonb NOT NULL,
        dev_seeds int[] NOT NULL,
        test_replicates int NOT NULL CHECK (test_replicates BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (slug, version)
      );
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS benchmark;`);
  }
}
