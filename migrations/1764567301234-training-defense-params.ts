import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The built-in training-dynamics and deep k-NN definitions take the parameters compute implements: their stored
 * placeholder parameters (which no trial could run) become empty, so compute's defaults apply.
 */
export class TrainingDefenseParams1764567301234 implements MigrationInterface {
  name = 'TrainingDefenseParams1764567301234';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE defense_definition SET params = '{}'::jsonb
       WHERE version = 1 AND ((slug = 'training-dynamics' AND params = '{"neighbours": 5, "dropFraction": 0.01}'::jsonb)
          OR (slug = 'deep-knn' AND params = '{"k": 10}'::jsonb));
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE defense_definition SET params = '{"neighbours": 5, "dropFraction": 0.01}'::jsonb WHERE version = 1 AND slug = 'training-dynamics' AND params = '{}'::jsonb;
      UPDATE defense_definition SET params = '{"k": 10}'::jsonb WHERE version = 1 AND slug = 'deep-knn' AND params = '{}'::jsonb;
    `);
  }
}
