import { MigrationInterface, QueryRunner } from 'typeorm';

/** createExperiment is retry-safe: a client mutation id is unique per organization, a retry returns the first result. */
export class ExperimentClientMutationId1764081000000 implements MigrationInterface {
  name = 'ExperimentClientMutationId1764081000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE experiment ADD COLUMN client_mutation_id text CHECK (length(client_mutation_id) <= 100);
      CREATE UNIQUE INDEX experiment_client_mutation_idx ON experiment(organization_id, client_mutation_id) WHERE client_mutation_id IS NOT NULL;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS experiment_client_mutation_idx;
      ALTER TABLE experiment DROP COLUMN IF EXISTS client_mutation_id;
    `);
  }
}
