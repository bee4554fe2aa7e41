import { MigrationInterface, QueryRunner } from 'typeorm';

/** Fixed id of the scoring organization (the same value as SCORING_ORG_ID in server/src/modules/organization). */
const SCORING_ORG_ID = 'f7a9b3c1-5e2d-4c8b-9a61-000000000001';

/**
 * Verified runs and a board served from stored aggregates:
 * - kind 'verified-run': a defense of the trial contract run by the workers on the sequestered replicates
 *   (`defense` holds its kind and resolved parameters). The built-in defenses are baselines of this kind, owned by
 *   the scoring organization; the other baselines (no defense, random, oracle) keep kind 'baseline' and no owner.
 * - Each submission's board aggregates are written once, when it is scored: the 95% Wilson interval of success
 *   after the defense, the clean-accuracy drop against the no-defense baseline, `progress_done` (trials finished,
 *   kept while scoring), `on_board` (scored, and published or a baseline) and `latest` (its team's newest entry on
 *   the board). Two partial indexes hold the ranking order, so a board page is an index range scan.
 * - A failed baseline no longer blocks its replacement: only one live baseline of each name per benchmark.
 */
export class VerifiedRunsAndBoard1764600000002 implements MigrationInterface {
  name = 'VerifiedRunsAndBoard1764600000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE defense_submission
        DROP CONSTRAINT defense_submission_kind_check,
        DROP CONSTRAINT defense_submission_baseline_check,
        DROP CONSTRAINT defense_submission_check,
        DROP CONSTRAINT defense_submission_check1,
        ADD COLUMN defense jsonb,
        ADD COLUMN progress_done int NOT NULL DEFAULT 0,
        ADD COLUMN success_low double precision,
        ADD COLUMN success_high double precision,
        ADD COLUMN clean_accuracy_drop double precision,
        ADD COLUMN on_board boolean NOT NULL DEFAULT false,
        ADD COLUMN latest boolean NOT NULL DEFAULT false;
      ALTER TABLE defense_submission
        ADD CONSTRAINT defense_submission_kind_check CHECK (kind IN ('score-file', 'verified-run', 'baseline')),
        ADD CONSTRAINT defense_submission_baseline_check CHECK (baseline ~ '^[a-z][a-z-]{0,62}$'),
        -- Server baselines without a defense have no owner; built-in defenses run as the scoring organization.
        ADD CONSTRAINT defense_submission_owner_check CHECK (CASE kind
          WHEN 'baseline' THEN baseline IS NOT NULL AND organization_id IS NULL
          ELSE organization_id IS NOT NULL AND (baseline IS NULL OR organization_id = '${SCORING_ORG_ID}') END),
        ADD CONSTRAINT defense_submission_defense_check CHECK ((kind = 'verified-run') = (defense IS NOT NULL));

      DROP INDEX defense_submission_baseline_idx;
      CREATE UNIQUE INDEX defense_submission_baseline_idx ON defense_submission(benchmark_id, baseline) WHERE baseline IS NOT NULL AND status <> 'FAILED';
      DROP INDEX defense_submission_board_idx;
      CREATE INDEX defense_submission_board_idx ON defense_submission(benchmark_id, success_high, auc DESC NULLS LAST, created_at) WHERE on_board;
      CREATE INDEX defense_submission_board_latest_idx ON defense_submission(benchmark_id, success_high, auc DESC NULLS LAST, created_at) WHERE on_board AND latest;
      CREATE INDEX defense_submission_pending_idx ON defense_submission(benchmark_id) WHERE status IN ('RECEIVED', 'SCORING');
      CREATE INDEX defense_submission_experiment_idx ON defense_submission(experiment_id);

      -- Aggregates of what is already scored (the Wilson interval at z = 1.959963984540054).
      UPDATE defense_submission s SET progress_done = (
          SELECT count(*) FROM trial t WHERE t.experiment_id = s.experiment_id AND t.status IN ('SUCCEEDED', 'FAILED', 'CANCELLED'));
      UPDATE defense_submission s SET
          success_low = greatest(0, ((w.p + w.z2 / (2 * w.n)) - w.z * sqrt(w.p * (1 - w.p) / w.n + w.z2 / (4.0 * w.n * w.n))) / (1 + w.z2 / w.n)),
          success_high = least(1, ((w.p + w.z2 / (2 * w.n)) + w.z * sqrt(w.p * (1 - w.p) / w.n + w.z2 / (4.0 * w.n * w.n))) / (1 + w.z2 / w.n)),
          on_board = s.published OR s.baseline IS NOT NULL
        FROM (SELECT id, successes::float8 / trials AS p, trials::float8 AS n, 1.959963984540054 AS z, 1.959963984540054 ^ 2 AS z2
                FROM defense_submission WHERE status = 'SCORED' AND trials > 0) w
       WHERE s.id = w.id;
      UPDATE defense_submission s SET clean_accuracy_drop = b.clean_accuracy - s.clean_accuracy
        FROM defense_submission b
       WHERE b.benchmark_id = s.benchmark_id AND b.baseline = 'no-defense' AND b.status = 'SCORED' AND s.status = 'SCORED';
      UPDATE defense_submission s SET latest = true
        FROM (SELECT DISTINCT ON (benchmark_id, coalesce(organization_id::text, ''), baseline) id FROM defense_submission
               WHERE on_board ORDER BY benchmark_id, coalesce(organization_id::text, ''), baseline, created_at DESC) l
       WHERE s.id = l.id;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM defense_submission WHERE kind = 'verified-run';
      DELETE FROM defense_submission a USING defense_submission b
       WHERE a.kind = 'baseline' AND b.kind = 'baseline' AND a.benchmark_id = b.benchmark_id AND a.baseline = b.baseline AND a.created_at < b.created_at;
      DROP INDEX defense_submission_experiment_idx;
      DROP INDEX defense_submission_pending_idx;
      DROP INDEX defense_submission_board_latest_idx;
      DROP INDEX defense_submission_board_idx;
      DROP INDEX defense_submission_baseline_idx;
      CREATE UNIQUE INDEX defense_submission_baseline_idx ON defense_submission(benchmark_id, baseline) WHERE kind = 'baseline';
      CREATE INDEX defense_submission_board_idx ON defense_submission(benchmark_id, status) WHERE published;
      ALTER TABLE defense_submission
        DROP CONSTRAINT defense_submission_defense_check,
        DROP CONSTRAINT defense_submission_owner_check,
        DROP CONSTRAINT defense_submission_baseline_check,
        DROP CONSTRAINT defense_submission_kind_check,
        DROP COLUMN defense, DROP COLUMN progress_done, DROP COLUMN success_low, DROP COLUMN success_high,
        DROP COLUMN clean_accuracy_drop, DROP COLUMN on_board, DROP COLUMN latest;
      ALTER TABLE defense_submission
        ADD CONSTRAINT defense_submission_kind_check CHECK (kind IN ('score-file', 'baseline')),
        ADD CONSTRAINT defense_submission_baseline_check CHECK (baseline IN ('no-defense', 'random', 'oracle')),
        ADD CONSTRAINT defense_submission_check CHECK ((kind = 'baseline') = (baseline IS NOT NULL)),
        ADD CONSTRAINT defense_submission_check1 CHECK ((kind = 'baseline') = (organization_id IS NULL));
    `);
  }
}
