import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trial contract of @frogpond/compute: attack kind "none" (clean controls), the defense kind
 * training-dynamics-influence, attack parameters under the names compute reads, experiment training overrides, and
 * every field of a trial outcome with its provenance.
 */
export class TrialContract1764573312871 implements MigrationInterface {
  name = 'TrialContract1764573312871';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE attack_kind ADD VALUE IF NOT EXISTS 'none'`);
    await q.query(`
      ALTER TYPE defense_kind RENAME VALUE 'training-dynamics' TO 'training-dynamics-influence';
      UPDATE trial SET defense_kind = 'training-dynamics-influence',
             config = jsonb_set(config, '{defense,kind}', '"training-dynamics-influence"')
       WHERE defense_kind = 'training-dynamics';

      -- These keys were stored but never read by compute (it reads iterations, beta0, watermark, bridges): trials that
      -- used them ran with compute's defaults, so dropping the keys makes each definition say what actually ran.
      ALTER TABLE attack_definition DISABLE TRIGGER attack_definition_frozen;
      UPDATE attack_definition SET params = params - 'steps' - 'beta' - 'opacity' - 'bridgeTargets' - 'path';
      ALTER TABLE attack_definition ENABLE TRIGGER attack_definition_frozen;
      -- Trials still to run carry the same keys in their config: compute now refuses unknown keys, so drop them there too.
      UPDATE trial SET config = jsonb_set(config, '{attack,params}',
             (config->'attack'->'params') - 'steps' - 'beta' - 'opacity' - 'bridgeTargets' - 'path')
       WHERE status IN ('QUEUED', 'RUNNING') AND config->'attack' ? 'params';

      ALTER TABLE experiment ADD COLUMN overrides jsonb NOT NULL DEFAULT '{}';

      ALTER TABLE trial_result
        ADD COLUMN outcome jsonb,
        ADD COLUMN attack_metrics jsonb,
        ADD COLUMN poison_share_at_target double precision,
        ADD COLUMN seed int,
        ADD COLUMN config jsonb,
        ADD COLUMN code_version text,
        ADD COLUMN dataset_sha256 text,
        ADD COLUMN worker text;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE trial_result
        DROP COLUMN IF EXISTS outcome, DROP COLUMN IF EXISTS attack_metrics, DROP COLUMN IF EXISTS poison_share_at_target,
        DROP COLUMN IF EXISTS seed, DROP COLUMN IF EXISTS config, DROP COLUMN IF EXISTS code_version,
        DROP COLUMN IF EXISTS dataset_sha256, DROP COLUMN IF EXISTS worker;
      ALTER TABLE experiment DROP COLUMN IF EXISTS overrides;

      UPDATE trial SET defense_kind = 'training-dynamics',
             config = jsonb_set(config, '{defense,kind}', '"training-dynamics"')
       WHERE defense_kind = 'training-dynamics-influence';
      ALTER TYPE defense_kind RENAME VALUE 'training-dynamics-influence' TO 'training-dynamics';

      -- An enum value cannot be dropped: recreate the type without "none" (definitions of that kind go with it).
      DELETE FROM attack_definition WHERE kind = 'none';
      ALTER TYPE attack_kind RENAME TO attack_kind_with_none;
      CREATE TYPE attack_kind AS ENUM ('interpolation', 'zero-knowledge-interpolation', 'feature-collision', 'watermark', 'feature-collision-watermark');
      ALTER TABLE attack_definition ALTER COLUMN kind TYPE attack_kind USING kind::text::attack_kind;
      DROP TYPE attack_kind_with_none;
    `);
  }
}
