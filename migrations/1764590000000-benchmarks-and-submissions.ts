import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Benchmarks (frozen sets of poisoned tasks) and defense submissions scored against their sequestered replicates.
 * The truth of a sequestered replicate (its seed, order, poison indices, target) is derived from a server secret and
 * never stored in the database.
 */
/** Fixed id of the scoring organization (the same value as SCORING_ORG_ID in server/src/modules/benchmark). */
const SCORING_ORG_ID = 'f7a9b3c1-5e2d-4c8b-9a61-000000000001';

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

      -- Owner of the private experiments that retrain sequestered replicates. It has no members and no tokens, so
      -- nobody can read those trials (their seeds and targets); its slug is random so no team can claim it first.
      INSERT INTO organization (id, slug, name)
      VALUES ('${SCORING_ORG_ID}', 'scoring-' || substr(md5(random()::text || clock_timestamp()::text), 1, 20), 'frogpond benchmark scoring');

      CREATE TABLE defense_submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        benchmark_id uuid NOT NULL REFERENCES benchmark(id) ON DELETE CASCADE,
        organization_id uuid REFERENCES organization(id) ON DELETE CASCADE,
        created_by uuid REFERENCES member(id) ON DELETE SET NULL,
        -- score-file: a team's suspicion scores; baseline: computed by the server (no defense, random, oracle).
        kind text NOT NULL CHECK (kind IN ('score-file', 'baseline')),
        baseline text CHECK (baseline IN ('no-defense', 'random', 'oracle')),
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
        status text NOT NULL CHECK (status IN ('RECEIVED', 'SCORING', 'SCORED', 'FAILED')),
        failure_reason text,
        -- platform: the server failed (does not count against the quota); user: the submission itself was at fault.
        failure_kind text CHECK (failure_kind IN ('platform', 'user')),
        file_name text,
        file_sha256 char(64),
        file_bytes int,
        removal_fraction double precision CHECK (removal_fraction >= 0 AND removal_fraction <= 1),
        detection jsonb NOT NULL,
        auc double precision,
        tpr_at_1 double precision,
        tpr_at_5 double precision,
        removed_poisons int NOT NULL,
        removed_clean int NOT NULL,
        experiment_id uuid REFERENCES experiment(id) ON DELETE SET NULL,
        replicates int NOT NULL,
        successes int,
        trials int,
        clean_accuracy double precision,
        published boolean NOT NULL DEFAULT false,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        scored_at timestamptz,
        CHECK ((kind = 'baseline') = (baseline IS NOT NULL)),
        CHECK ((kind = 'baseline') = (organization_id IS NULL))
      );
      CREATE INDEX defense_submission_quota_idx ON defense_submission(organization_id, benchmark_id, created_at);
      CREATE INDEX defense_submission_board_idx ON defense_submission(benchmark_id, status) WHERE published;
      CREATE UNIQUE INDEX defense_submission_baseline_idx ON defense_submission(benchmark_id, baseline) WHERE kind = 'baseline';
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS defense_submission;
      DELETE FROM experiment WHERE organization_id = '${SCORING_ORG_ID}';
      DELETE FROM organization WHERE id = '${SCORING_ORG_ID}';
      DROP TABLE IF EXISTS benchmark;
    `);
  }
}
