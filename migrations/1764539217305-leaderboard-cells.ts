import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the server-side leaderboard needs from the per-cell totals, plus cache invalidation:
 * - trial_cell.near_chance / near_chance_successes: results whose clean accuracy is near chance (below chance plus a
 *   tenth of the way from chance to perfect, chance = 1 / classes of the dataset). Such a model learned nothing, so
 *   an attack "succeeding" on it says little: the leaderboard flags these trials and leaves them out of ranks.
 * - NOTIFY frogpond_results when results land or trials go: the payload is the comma-separated experiment ids, or
 *   '*' when they are unknown (cascaded deletes) or too many. Read caches listen and drop what changed.
 * - trial_cell_setting_idx: the leaderboard groups every visible cell by its setting.
 */
export class LeaderboardCells1764539217305 implements MigrationInterface {
  name = 'LeaderboardCells1764539217305';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE trial_cell
        ADD COLUMN near_chance int NOT NULL DEFAULT 0,
        ADD COLUMN near_chance_successes int NOT NULL DEFAULT 0;

      CREATE FUNCTION frogpond_near_chance(accuracy double precision, classes int) RETURNS boolean
        LANGUAGE sql IMMUTABLE AS $$
          SELECT accuracy IS NOT NULL AND classes > 1 AND accuracy < 1.0 / classes + 0.1 * (1 - 1.0 / classes)
        $$;

      CREATE OR REPLACE FUNCTION frogpond_trial_cell_trial() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO trial_cell AS c (experiment_id, dataset, labels, algorithm, rate, density, attack_id, attack_kind, defense_id, defense_kind, scheduled)
          SELECT experiment_id, dataset, labels, algorithm, rate, density, attack_id, min(attack_kind), defense_id, min(defense_kind), count(*)
            FROM new_rows GROUP BY experiment_id, dataset, labels, algorithm, rate, density, attack_id, defense_id
          ON CONFLICT ON CONSTRAINT trial_cell_key DO UPDATE SET scheduled = c.scheduled + EXCLUDED.scheduled;
        ELSE
          -- Deleted trials took their results with them (cascade, already done here): recount the cells they were in.
          UPDATE trial_cell c SET scheduled = coalesce(x.scheduled, 0), trials = coalesce(x.trials, 0), successes = coalesce(x.successes, 0),
                 clean_accuracy_sum = coalesce(x.acc_sum, 0), clean_accuracy_n = coalesce(x.acc_n, 0),
                 near_chance = coalesce(x.near_chance, 0), near_chance_successes = coalesce(x.near_chance_successes, 0)
            FROM (SELECT DISTINCT experiment_id, dataset, labels, algorithm, rate, density, attack_id, defense_id FROM old_rows) d
            LEFT JOIN dataset ds ON ds.slug = d.dataset
            LEFT JOIN LATERAL (
              SELECT count(*) AS scheduled, count(r.id) AS trials, count(*) FILTER (WHERE r.success) AS successes,
                     sum(r.clean_accuracy) AS acc_sum, count(r.clean_accuracy) AS acc_n,
                     count(*) FILTER (WHERE frogpond_near_chance(r.clean_accuracy, ds.num_classes)) AS near_chance,
                     count(*) FILTER (WHERE r.success AND frogpond_near_chance(r.clean_accuracy, ds.num_classes)) AS near_chance_successes
                FROM trial t LEFT JOIN trial_result r ON r.trial_id = t.id
               WHERE t.experiment_id = d.experiment_id AND t.dataset = d.dataset AND t.labels = d.labels AND t.algorithm = d.algorithm
                 AND t.rate = d.rate AND t.density IS NOT DISTINCT FROM d.density AND t.attack_id IS NOT DISTINCT FROM d.attack_id
                 AND t.defense_id IS NOT DISTINCT FROM d.defense_id) x ON true
           WHERE c.experiment_id = d.experiment_id AND c.dataset = d.dataset AND c.labels = d.labels AND c.algorithm = d.algorithm
             AND c.rate = d.rate AND c.density IS NOT DISTINCT FROM d.density AND c.attack_id IS NOT DISTINCT FROM d.attack_id
             AND c.defense_id IS NOT DISTINCT FROM d.defense_id;
          PERFORM pg_notify('frogpond_results', '*');
        END IF;
        RETURN NULL;
      END $$;

      CREATE OR REPLACE FUNCTION frogpond_trial_cell_result() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        sign int := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
        ids text;
      BEGIN
        -- Rows of the statement, joined to their trials' cells (a deleted trial's row may already be gone: skipped).
        UPDATE trial_cell c SET trials = c.trials + sign * d.n, successes = c.successes + sign * d.k,
               clean_accuracy_sum = c.clean_accuracy_sum + sign * d.acc_sum, clean_accuracy_n = c.clean_accuracy_n + sign * d.acc_n,
               near_chance = c.near_chance + sign * d.nc, near_chance_successes = c.near_chance_successes + sign * d.nck
          FROM (SELECT t.experiment_id, t.dataset, t.labels, t.algorithm, t.rate, t.density, t.attack_id, t.defense_id,
                       count(*) AS n, count(*) FILTER (WHERE r.success) AS k,
                       coalesce(sum(r.clean_accuracy), 0) AS acc_sum, count(r.clean_accuracy) AS acc_n,
                       count(*) FILTER (WHERE frogpond_near_chance(r.clean_accuracy, ds.num_classes)) AS nc,
                       count(*) FILTER (WHERE r.success AND frogpond_near_chance(r.clean_accuracy, ds.num_classes)) AS nck
                  FROM changed r JOIN trial t ON t.id = r.trial_id LEFT JOIN dataset ds ON ds.slug = t.dataset
                 GROUP BY t.experiment_id, t.dataset, t.labels, t.algorithm, t.rate, t.density, t.attack_id, t.defense_id) d
         WHERE c.experiment_id = d.experiment_id AND c.dataset = d.dataset AND c.labels = d.labels AND c.algorithm = d.algorithm
           AND c.rate = d.rate AND c.density IS NOT DISTINCT FROM d.density AND c.attack_id IS NOT DISTINCT FROM d.attack_id
           AND c.defense_id IS NOT DISTINCT FROM d.defense_id;
        IF TG_OP = 'INSERT' THEN
          SELECT string_agg(DISTINCT t.experiment_id::text, ',') INTO ids FROM changed r JOIN trial t ON t.id = r.trial_id;
        END IF;
        PERFORM pg_notify('frogpond_results', CASE WHEN ids IS NULL OR length(ids) > 7000 THEN '*' ELSE ids END);
        RETURN NULL;
      END $$;

      -- Backfill the new counts from what exists.
      UPDATE trial_cell c SET near_chance = x.nc, near_chance_successes = x.nck
        FROM (SELECT t.experiment_id, t.dataset, t.labels, t.algorithm, t.rate, t.density, t.attack_id, t.defense_id,
                     count(*) FILTER (WHERE frogpond_near_chance(r.clean_accuracy, ds.num_classes)) AS nc,
                     count(*) FILTER (WHERE r.success AND frogpond_near_chance(r.clean_accuracy, ds.num_classes)) AS nck
                FROM trial t JOIN trial_result r ON r.trial_id = t.id LEFT JOIN dataset ds ON ds.slug = t.dataset
               GROUP BY t.experiment_id, t.dataset, t.labels, t.algorithm, t.rate, t.density, t.attack_id, t.defense_id) x
       WHERE c.experiment_id = x.experiment_id AND c.dataset = x.dataset AND c.labels = x.labels AND c.algorithm = x.algorithm
         AND c.rate = x.rate AND c.density IS NOT DISTINCT FROM x.density AND c.attack_id IS NOT DISTINCT FROM x.attack_id
         AND c.defense_id IS NOT DISTINCT FROM x.defense_id;

      -- Only cells with a result reach the leaderboard: a small partial index however many trials are queued.
      CREATE INDEX trial_cell_finished_idx ON trial_cell(experiment_id) INCLUDE (trials, successes, near_chance) WHERE trials > 0;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    // The functions as the per-cell totals migration created them (no near-chance counts, no NOTIFY).
    await q.query(`
      DROP INDEX IF EXISTS trial_cell_finished_idx;
      CREATE OR REPLACE FUNCTION frogpond_trial_cell_trial() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO trial_cell AS c (experiment_id, dataset, labels, algorithm, rate, density, attack_id, attack_kind, defense_id, defense_kind, scheduled)
          SELECT experiment_id, dataset, labels, algorithm, rate, density, attack_id, min(attack_kind), defense_id, min(defense_kind), count(*)
            FROM new_rows GROUP BY experiment_id, dataset, labels, algorithm, rate, density, attack_id, defense_id
          ON CONFLICT ON CONSTRAINT trial_cell_key DO UPDATE SET scheduled = c.scheduled + EXCLUDED.scheduled;
        ELSE
          UPDATE trial_cell c SET scheduled = coalesce(x.scheduled, 0), trials = coalesce(x.trials, 0), successes = coalesce(x.successes, 0),
                 clean_accuracy_sum = coalesce(x.acc_sum, 0), clean_accuracy_n = coalesce(x.acc_n, 0)
            FROM (SELECT DISTINCT experiment_id, dataset, labels, algorithm, rate, density, attack_id, defense_id FROM old_rows) d
            LEFT JOIN LATERAL (
              SELECT count(*) AS scheduled, count(r.id) AS trials, count(*) FILTER (WHERE r.success) AS successes,
                     sum(r.clean_accuracy) AS acc_sum, count(r.clean_accuracy) AS acc_n
                FROM trial t LEFT JOIN trial_result r ON r.trial_id = t.id
               WHERE t.experiment_id = d.experiment_id AND t.dataset = d.dataset AND t.labels = d.labels AND t.algorithm = d.algorithm
                 AND t.rate = d.rate AND t.density IS NOT DISTINCT FROM d.density AND t.attack_id IS NOT DISTINCT FROM d.attack_id
                 AND t.defense_id IS NOT DISTINCT FROM d.defense_id) x ON true
           WHERE c.experiment_id = d.experiment_id AND c.dataset = d.dataset AND c.labels = d.labels AND c.algorithm = d.algorithm
             AND c.rate = d.rate AND c.density IS NOT DISTINCT FROM d.density AND c.attack_id IS NOT DISTINCT FROM d.attack_id
             AND c.defense_id IS NOT DISTINCT FROM d.defense_id;
        END IF;
        RETURN NULL;
      END $$;
      CREATE OR REPLACE FUNCTION frogpond_trial_cell_result() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE sign int := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
      BEGIN
        UPDATE trial_cell c SET trials = c.trials + sign * d.n, successes = c.successes + sign * d.k,
               clean_accuracy_sum = c.clean_accuracy_sum + sign * d.acc_sum, clean_accuracy_n = c.clean_accuracy_n + sign * d.acc_n
          FROM (SELECT t.experiment_id, t.dataset, t.labels, t.algorithm, t.rate, t.density, t.attack_id, t.defense_id,
                       count(*) AS n, count(*) FILTER (WHERE r.success) AS k,
                       coalesce(sum(r.clean_accuracy), 0) AS acc_sum, count(r.clean_accuracy) AS acc_n
                  FROM changed r JOIN trial t ON t.id = r.trial_id
                 GROUP BY t.experiment_id, t.dataset, t.labels, t.algorithm, t.rate, t.density, t.attack_id, t.defense_id) d
         WHERE c.experiment_id = d.experiment_id AND c.dataset = d.dataset AND c.labels = d.labels AND c.algorithm = d.algorithm
           AND c.rate = d.rate AND c.density IS NOT DISTINCT FROM d.density AND c.attack_id IS NOT DISTINCT FROM d.attack_id
           AND c.defense_id IS NOT DISTINCT FROM d.defense_id;
        RETURN NULL;
      END $$;
      DROP FUNCTION IF EXISTS frogpond_near_chance(double precision, int);
      ALTER TABLE trial_cell DROP COLUMN IF EXISTS near_chance_successes, DROP COLUMN IF EXISTS near_chance;
    `);
  }
}
