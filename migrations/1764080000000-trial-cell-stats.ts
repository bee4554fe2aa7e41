import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-cell running totals of an experiment (scheduled trials, trials with a result, successes, clean accuracy),
 * maintained by statement-level triggers on trial and trial_result. A matrix then aggregates a few hundred cell rows
 * instead of joining every trial to its result: the same numbers (test/integration/api-experiments checks them
 * against a recount), one SQL statement, independent of the number of replicates.
 */
export class TrialCellStats1764080000000 implements MigrationInterface {
  name = 'TrialCellStats1764080000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE trial_cell (
        experiment_id uuid NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
        dataset text NOT NULL,
        labels int NOT NULL,
        algorithm text NOT NULL,
        rate double precision NOT NULL,
        density text,
        attack_id uuid,
        attack_kind text NOT NULL,
        defense_id uuid,
        defense_kind text NOT NULL,
        scheduled int NOT NULL DEFAULT 0,
        trials int NOT NULL DEFAULT 0,
        successes int NOT NULL DEFAULT 0,
        clean_accuracy_sum double precision NOT NULL DEFAULT 0,
        clean_accuracy_n int NOT NULL DEFAULT 0,
        CONSTRAINT trial_cell_key UNIQUE NULLS NOT DISTINCT (experiment_id, dataset, labels, algorithm, rate, density, attack_id, defense_id)
      );

      CREATE FUNCTION frogpond_trial_cell_trial() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO trial_cell AS c (experiment_id, dataset, labels, algorithm, rate, density, attack_id, attack_kind, defense_id, defense_kind, scheduled)
          SELECT experiment_id, dataset, labels, algorithm, rate, density, attack_id, min(attack_kind), defense_id, min(defense_kind), count(*)
            FROM new_rows GROUP BY experiment_id, dataset, labels, algorithm, rate, density, attack_id, defense_id
          ON CONFLICT ON CONSTRAINT trial_cell_key DO UPDATE SET scheduled = c.scheduled + EXCLUDED.scheduled;
        ELSE
          -- Deleted trials took their results with them (cascade, already done here): recount the cells they were in.
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

      CREATE FUNCTION frogpond_trial_cell_result() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE sign int := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
      BEGIN
        -- Rows of the statement, joined to their trials' cells (a deleted trial's row may already be gone: skipped).
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

      CREATE TRIGGER trial_cell_on_trial_insert AFTER INSERT ON trial REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION frogpond_trial_cell_trial();
      CREATE TRIGGER trial_cell_on_trial_delete AFTER DELETE ON trial REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION frogpond_trial_cell_trial();
      CREATE TRIGGER trial_cell_on_result_insert AFTER INSERT ON trial_result REFERENCING NEW TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION frogpond_trial_cell_result();
      CREATE TRIGGER trial_cell_on_result_delete AFTER DELETE ON trial_result REFERENCING OLD TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION frogpond_trial_cell_result();

      -- Backfill from what exists.
      INSERT INTO trial_cell (experiment_id, dataset, labels, algorithm, rate, density, attack_id, attack_kind, defense_id, defense_kind,
                              scheduled, trials, successes, clean_accuracy_sum, clean_accuracy_n)
      SELECT t.experiment_id, t.dataset, t.labels, t.algorithm, t.rate, t.density, t.attack_id, min(t.attack_kind), t.defense_id, min(t.defense_kind),
             count(*), count(r.id), count(*) FILTER (WHERE r.success), coalesce(sum(r.clean_accuracy), 0), count(r.clean_accuracy)
        FROM trial t LEFT JOIN trial_result r ON r.trial_id = t.id
       GROUP BY t.experiment_id, t.dataset, t.labels, t.algorithm, t.rate, t.density, t.attack_id, t.defense_id;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS trial_cell_on_result_delete ON trial_result;
      DROP TRIGGER IF EXISTS trial_cell_on_result_insert ON trial_result;
      DROP TRIGGER IF EXISTS trial_cell_on_trial_delete ON trial;
      DROP TRIGGER IF EXISTS trial_cell_on_trial_insert ON trial;
      DROP FUNCTION IF EXISTS frogpond_trial_cell_result();
      DROP FUNCTION IF EXISTS frogpond_trial_cell_trial();
      DROP TABLE IF EXISTS trial_cell;
    `);
  }
}
