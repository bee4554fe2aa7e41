import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust boundaries:
 * - organization.created_by_token / founder_root_id: who founded an organization through the API, and the
 *   organization at the root of that founding chain (NULL for organizations made with the CLI). Caps on both keep a
 *   token, or a chain of tokens, from minting organizations (and their trial quotas) without end.
 * - api_token.session / expires_at: web sign-in exchanges an API token for a short-lived session token that the
 *   cookie holds instead of the API token; sign-out revokes it. An expired token authenticates nobody.
 */
export class TrustBoundaries1764547311000 implements MigrationInterface {
  name = 'TrustBoundaries1764547311000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organization
        ADD COLUMN created_by_token uuid REFERENCES api_token(id) ON DELETE SET NULL,
        ADD COLUMN founder_root_id uuid REFERENCES organization(id) ON DELETE SET NULL;
      CREATE INDEX organization_created_by_token_idx ON organization(created_by_token) WHERE created_by_token IS NOT NULL;
      CREATE INDEX organization_founder_root_idx ON organization(founder_root_id) WHERE founder_root_id IS NOT NULL;
      ALTER TABLE api_token
        ADD COLUMN session boolean NOT NULL DEFAULT false,
        ADD COLUMN expires_at timestamptz;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_token DROP COLUMN IF EXISTS expires_at, DROP COLUMN IF EXISTS session;
      DROP INDEX IF EXISTS organization_founder_root_idx;
      DROP INDEX IF EXISTS organization_created_by_token_idx;
      ALTER TABLE organization DROP COLUMN IF EXISTS founder_root_id, DROP COLUMN IF EXISTS created_by_token;
    `);
  }
}
