import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-cell totals of what a defended trial measured, next to the existing ones in trial_cell, so that matrices and
 * the leaderboard show success with and without the defense without reading every result:
 * - undefended_*: the same trial (same seed) trained without the defense (trial_result.detection->'undefended'):
 *   results that carry it, their successes and clean accuracy, and how many of them are near chance by the trial's
 *   own clean accuracy (the leaderboard leaves those out of both rates alike).
 * - roc_auc_* / tpr_at_5_fpr_*: sums and counts of the defense's ranking metrics, where it scored.
 * - removal_trials, removed_poisons, poisons, removed_clean, clean: pooled removal counts of the results that report
 *   all four.
 * The trigger functions are the previous ones with these sums added; `down` recreates the previous ones from the
 * same builder with the new sums left out.
 */

const U = `r.detection->'undefended'`;
const num = (json: string) => `CASE WHEN jsonb_typeof(${json}) = 'number' THEN (${json})::float8 END`;
const hasUndefended = `jsonb_typeof(${U}->'success') = 'boolean'`;
const undefendedWon = `${U}->'success' = 'true'::jsonb`;
const nearChance = 'frogpond_near_chance(r.clean_accuracy, ds.num_classes)';
const removal = ['removedPoisons', 'poisons', 'cleanRemoved', 'clean'].map((k) => `jsonb_typeof(r.detection->'${k}') = 'number'`).join(' AND ');
const removalCount = (k: string) => `coalesce(sum(CASE WHEN ${removal} THEN round((r.detection->'${k}')::float8) END), 0)`;

/** Column, SQL type and its aggregate over result rows `r` (joined to their dataset `ds`). */
type Total = [column: string, type: 'int' | 'double precision', aggregate: string];

/** The totals trial_cell kept before this migration (the first four as per-cell totals, the last two near chance). */
const BASE: Total[] = [
  ['trials', 'int', 'count(r.id)'],
  ['successes', 'int', 'count(*) FILTER (WHERE r.success)'],
  ['clean_accuracy_sum', 'double precision', 'coalesce(sum(r.clean_accuracy), 0)'],
  ['clean_accuracy_n', 'int', 'count(r.clean_accuracy)'],
  ['near_chance', 'int', `count(*) FILTER (WHERE ${nearChance})`],
  ['near_chance_successes', 'int', `count(*) FILTER (WHERE r.success AND ${nearChance})`],
];

const DEFENSE: Total[] = [
  ['undefended_trials', 'int', `count(*) FILTER (WHERE ${hasUndefended})`],
  ['undefended_successes', 'int', `count(*) FILTER (WHERE ${undefendedWon})`],
  ['undefended_near_chance', 'int', `count(*) FILTER (WHERE ${hasUndefended} AND ${nearChance})`],
  ['undefended_near_chance_successes', 'int', `count(*) FILTER (WHERE ${undefendedWon} AND ${nearChance})`],
  ['undefended_accuracy_sum', 'double precision', `coalesce(sum(${num(`${U}->'cleanAccuracy'`)}), 0)`],
  ['undefended_accuracy_n', 'int', `count(${num(`${U}->'cleanAccuracy'`)})`],
  ['roc_auc_sum', 'double precision', `coalesce(sum(${num(`r.detection->'rocAuc'`)}), 0)`],
  ['roc_auc_n', 'int', `count(${num(`r.detection->'rocAuc'`)})`],
  ['tpr_at_5_fpr_sum', 'double precision', `coalesce(sum(${num(`r.detection->'tprAt5Fpr'`)}), 0)`],
  ['tpr_at_5_fpr_n', 'int', `count(${num(`r.detection->'tprAt5Fpr'`)})`],
  ['removal_trials', 'int', `count(*) FILTER (WHERE ${removal})`],
  ['removed_poisons', 'int', removalCount('removedPoisons')],
  ['poisons', 'int', removalCount('poisons')],
  ['removed_clean', 'int', removalCount('cleanRemoved')],
  ['clean', 'int', removalCount('clean')],
];

const CELL_MATCH = (a: string, b: string) => `${a}.experiment_id = ${b}.experiment_id AND ${a}.dataset = ${b}.dataset AND ${a}.labels = ${b}.labels
             AND ${a}.algorithm = ${b}.algorithm AND ${a}.rate = ${b}.rate AND ${a}.density IS NOT DISTINCT FROM ${b}.density
             AND ${a}.attack_id IS NOT DISTINCT FROM ${b}.attack_id AND ${a}.defense_id IS NOT DISTINCT FROM ${b}.defense_id`;
const CELL_COLS = 'experiment_id, dataset, labels, algorithm, rate, density, attack_id, defense_id';
const TCELL_COLS = CELL_COLS.split(', ').map((c) => `t.${c}`).join(', ');
const cast = (t: Total) => (t[1] === 'int' ? '::int' : '');

/** The two trigger functions of trial_cell, keeping the given totals. */
function triggerFunctions(totals: Total[]): string {
  const recount = totals.map((t) => `${t[0]} = coalesce(x.${t[0]}, 0)`).join(',\n                 ');
  const recountAgg = totals.map((t) => `${t[2]}${cast(t)} AS ${t[0]}`).join(',\n                     ');
  const add = totals.map((t) => `${t[0]} = c.${t[0]} + sign * d.${t[0]}`).join(',\n               ');
  return `
      CREATE OR REPLACE FUNCTION frogpond_trial_cell_trial() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO trial_cell AS c (experiment_id, dataset, labels, algorithm, rate, density, attack_id, attack_kind, defense_id, defense_kind, scheduled)
          SELECT experiment_id, dataset, labels, algorithm, rate, density, attack_id, min(attack_kind), defense_id, min(defense_kind), count(*)
            FROM new_rows GROUP BY ${CELL_COLS}
          ON CONFLICT ON CONSTRAINT trial_cell_key DO UPDATE SET scheduled = c.scheduled + EXCLUDED.scheduled;
        ELSE
          -- Deleted trials took their results with them (cascade, already done here): recount the cells they were in.
          UPDATE trial_cell c SET scheduled = coalesce(x.scheduled, 0),
                 ${recount}
            FROM (SELECT DISTINCT ${CELL_COLS} FROM old_rows) d
            LEFT JOIN dataset ds ON ds.slug = d.dataset
            LEFT JOIN LATERAL (
              SELECT count(*) AS scheduled,
                     ${recountAgg}
                FROM trial t LEFT JOIN trial_result r ON r.trial_id = t.id
               WHERE ${CELL_MATCH('t', 'd')}) x ON true
           WHERE ${CELL_MATCH('c', 'd')};
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
        UPDATE trial_cell c SET ${add}
          FROM (SELECT ${TCELL_COLS},
                       ${totals.map((t) => `${t[2]} AS ${t[0]}`).join(',\n                       ')}
                  FROM changed r JOIN trial t ON t.id = r.trial_id LEFT JOIN dataset ds ON ds.slug = t.dataset
                 GROUP BY ${TCELL_COLS}) d
         WHERE ${CELL_MATCH('c', 'd')};
        IF TG_OP = 'INSERT' THEN
          SELECT string_agg(DISTINCT t.experiment_id::text, ',') INTO ids FROM changed r JOIN trial t ON t.id = r.trial_id;
        END IF;
        PERFORM pg_notify('frogpond_results', CASE WHEN ids IS NULL OR length(ids) > 7000 THEN '*' ELSE ids END);
        RETURN NULL;
      END $$;`;
}

export class DefenseCellTotals1764600000000 implements MigrationInterface {
  name = 'DefenseCellTotals1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE trial_cell
        ${DEFENSE.map((t) => `ADD COLUMN ${t[0]} ${t[1]} NOT NULL DEFAULT 0`).join(',\n        ')};
      ${triggerFunctions([...BASE, ...DEFENSE])}

      -- Backfill the new totals from the results that exist.
      UPDATE trial_cell c SET ${DEFENSE.map((t) => `${t[0]} = x.${t[0]}`).join(', ')}
        FROM (SELECT ${TCELL_COLS},
                     ${DEFENSE.map((t) => `${t[2]}${cast(t)} AS ${t[0]}`).join(',\n                     ')}
                FROM trial t JOIN trial_result r ON r.trial_id = t.id LEFT JOIN dataset ds ON ds.slug = t.dataset
               GROUP BY ${TCELL_COLS}) x
       WHERE ${CELL_MATCH('c', 'x')};
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ${triggerFunctions(BASE)}
      ALTER TABLE trial_cell ${DEFENSE.map((t) => `DROP COLUMN IF EXISTS ${t[0]}`).join(', ')};
    `);
  }
}
