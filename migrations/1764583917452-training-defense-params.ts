import { MigrationInterface, QueryRunner } from 'typeorm';

const TD_NEW = '{"mode": "remove", "neighbours": 5, "rule": "median-ratio", "ratio": 0.1, "fraction": 0.2}';
const TD_OLD = '{"neighbours": 5, "snapshots": 20, "dropFraction": 0.01}';
const KNN_OLD = '{"k": 10, "space": "features", "minAgreement": 0.5}';

/**
 * The built-in training-dynamics and deep k-NN definitions take the parameters compute implements. Their stored
 * placeholder parameters (which no trial could run: the API refused these defenses) become the implemented defaults;
 * deep k-NN stores none, so k defaults to twice the trial's poison budget.
 */
export class TrainingDefenseParams1764583917452 implements MigrationInterface {
  name = 'TrainingDefenseParams1764583917452';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE defense_definition DISABLE TRIGGER defense_definition_frozen;
      UPDATE defense_definition SET params = '${TD_NEW}'::jsonb WHERE version = 1 AND slug = 'training-dynamics';
      UPDATE defense_definition SET params = '{}'::jsonb WHERE version = 1 AND slug = 'deep-knn';
      ALTER TABLE defense_definition ENABLE TRIGGER defense_definition_frozen;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE defense_definition DISABLE TRIGGER defense_definition_frozen;
      UPDATE defense_definition SET params = '${TD_OLD}'::jsonb WHERE version = 1 AND slug = 'training-dynamics';
      UPDATE defense_definition SET params = '${KNN_OLD}'::jsonb WHERE version = 1 AND slug = 'deep-knn';
      ALTER TABLE defense_definition ENABLE TRIGGER defense_definition_frozen;
    `);
  }
}
