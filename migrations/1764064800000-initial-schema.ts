import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Initial frogpond schema: organisations and tokens, the research catalogue, experiments, trials and their
 * immutable results. Hand-written SQL so the schema is exactly what we review, never what an ORM guessed.
 */
export class InitialSchema1764064800000 implements MigrationInterface {
  name = 'InitialSchema1764064800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE member_role AS ENUM ('viewer', 'member', 'admin');
      CREATE TYPE attack_kind AS ENUM ('interpolation', 'zero-knowledge-interpolation', 'feature-collision', 'watermark', 'feature-collision-watermark');
      CREATE TYPE defense_kind AS ENUM ('none', 'pixel-clustering', 'training-dynamics', 'deep-knn', 'external-scores');
      CREATE TYPE experiment_visibility AS ENUM ('PUBLIC', 'PRIVATE');
      CREATE TYPE experiment_status AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'CANCELLED');
      CREATE TYPE trial_status AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        name text NOT NULL,
        role member_role NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, name)
      );

      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        name text NOT NULL,
        -- sha256 of the bearer token (hex); the token itself is shown once and never stored
        token_hash char(64) NOT NULL UNIQUE,
        prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE INDEX api_token_member_idx ON api_token(member_id);

      CREATE TABLE dataset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        num_classes int NOT NULL,
        shape int[] NOT NULL,
        train_size int NOT NULL,
        test_size int NOT NULL,
        source text NOT NULL,
        description text NOT NULL DEFAULT '',
        sha256 text
      );

      CREATE TABLE algorithm (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        defaults jsonb NOT NULL DEFAULT '{}'
      );

      CREATE TABLE density_function (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9.-]{0,80}$'),
        expression text NOT NULL CHECK (length(expression) <= 200),
        label text NOT NULL,
        description text NOT NULL DEFAULT '',
        integral double precision NOT NULL,
        builtin boolean NOT NULL DEFAULT false,
        organization_id uuid REFERENCES organization(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE publication (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        title text NOT NULL,
        authors text NOT NULL,
        venue text NOT NULL,
        year int NOT NULL,
        arxiv text,
        citation text NOT NULL,
        bibtex text NOT NULL
      );

      CREATE TABLE attack_definition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        version int NOT NULL CHECK (version >= 1),
        kind attack_kind NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        params jsonb NOT NULL DEFAULT '{}',
        organization_id uuid REFERENCES organization(id) ON DELETE CASCADE,
        publication_id uuid REFERENCES publication(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (slug, version)
      );

      CREATE TABLE defense_definition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        version int NOT NULL CHECK (version >= 1),
        kind defense_kind NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        params jsonb NOT NULL DEFAULT '{}',
        organization_id uuid REFERENCES organization(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (slug, version)
      );

      CREATE TABLE reported_result (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        publication_id uuid NOT NULL REFERENCES publication(id) ON DELETE CASCADE,
        table_key text NOT NULL,
        table_order int NOT NULL,
        row_key text NOT NULL,
        column_key text NOT NULL,
        dataset text NOT NULL,
        labels int NOT NULL,
        algorithm text NOT NULL,
        rate double precision NOT NULL,
        density text,
        attack_kind text NOT NULL,
        successes int NOT NULL CHECK (successes >= 0),
        trials int NOT NULL CHECK (trials > 0 AND successes <= trials),
        UNIQUE (publication_id, table_key, row_key, column_key)
      );
      CREATE INDEX reported_result_cell_idx ON reported_result(dataset, algorithm, labels);

      CREATE TABLE experiment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        created_by uuid REFERENCES member(id) ON DELETE SET NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        visibility experiment_visibility NOT NULL,
        matrix jsonb NOT NULL,
        seed_base int NOT NULL,
        preset text NOT NULL,
        status experiment_status NOT NULL DEFAULT 'QUEUED',
        trial_count int NOT NULL,
        code_version text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX experiment_org_idx ON experiment(organization_id, created_at DESC);
      CREATE INDEX experiment_public_idx ON experiment(created_at DESC) WHERE visibility = 'PUBLIC';

      CREATE TABLE trial (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        experiment_id uuid NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
        ordinal int NOT NULL,
        dataset text NOT NULL,
        labels int NOT NULL,
        algorithm text NOT NULL,
        rate double precision NOT NULL,
        density text,
        attack_id uuid REFERENCES attack_definition(id),
        attack_kind text NOT NULL,
        defense_id uuid REFERENCES defense_definition(id),
        defense_kind text NOT NULL,
        replicate int NOT NULL,
        seed int NOT NULL,
        config jsonb NOT NULL,
        status trial_status NOT NULL DEFAULT 'QUEUED',
        attempts int NOT NULL DEFAULT 0,
        progress jsonb,
        worker text,
        backend text,
        error text,
        source_index int,
        target_index int,
        target_class int,
        target_label int,
        started_at timestamptz,
        finished_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (experiment_id, ordinal)
      );
      CREATE INDEX trial_experiment_status_idx ON trial(experiment_id, status);
      CREATE INDEX trial_attack_idx ON trial(attack_id);
      CREATE INDEX trial_defense_idx ON trial(defense_id);

      CREATE TABLE trial_result (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trial_id uuid NOT NULL REFERENCES trial(id) ON DELETE CASCADE,
        success boolean NOT NULL,
        target_prediction int,
        target_confidence double precision,
        clean_accuracy double precision,
        poison_count int NOT NULL DEFAULT 0,
        propagation jsonb,
        detection jsonb,
        timings jsonb,
        backend text NOT NULL,
        config_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT trial_result_trial_unique UNIQUE (trial_id)
      );

      CREATE TABLE artifact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trial_id uuid NOT NULL REFERENCES trial(id) ON DELETE CASCADE,
        kind text NOT NULL,
        mime text NOT NULL,
        sha256 char(64) NOT NULL,
        size int NOT NULL,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (trial_id, kind, sha256)
      );
      CREATE INDEX artifact_trial_idx ON artifact(trial_id);

      -- Results are written once and never updated: enforce it in the database, not only in code.
      CREATE FUNCTION frogpond_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME USING ERRCODE = 'check_violation';
      END $$;
      CREATE TRIGGER trial_result_immutable BEFORE UPDATE ON trial_result
        FOR EACH ROW EXECUTE FUNCTION frogpond_refuse_update();
      CREATE TRIGGER artifact_immutable BEFORE UPDATE ON artifact
        FOR EACH ROW EXECUTE FUNCTION frogpond_refuse_update();

      -- An attack/defense definition used by a trial is frozen: a change must be a new version.
      CREATE FUNCTION frogpond_refuse_used_definition_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_TABLE_NAME = 'attack_definition' AND EXISTS (SELECT 1 FROM trial WHERE attack_id = OLD.id))
           OR (TG_TABLE_NAME = 'defense_definition' AND EXISTS (SELECT 1 FROM trial WHERE defense_id = OLD.id)) THEN
          RAISE EXCEPTION '% % is used by trials and cannot change; create a new version', TG_TABLE_NAME, OLD.id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER attack_definition_frozen BEFORE UPDATE ON attack_definition
        FOR EACH ROW EXECUTE FUNCTION frogpond_refuse_used_definition_update();
      CREATE TRIGGER defense_definition_frozen BEFORE UPDATE ON defense_definition
        FOR EACH ROW EXECUTE FUNCTION frogpond_refuse_used_definition_update();
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS artifact, trial_result, trial, experiment, reported_result, defense_definition,
        attack_definition, publication, density_function, algorithm, dataset, api_token, member, organization CASCADE;
      DROP FUNCTION IF EXISTS frogpond_refuse_used_definition_update();
      DROP FUNCTION IF EXISTS frogpond_refuse_update();
      DROP TYPE IF EXISTS trial_status, experiment_status, experiment_visibility, defense_kind, attack_kind, member_role;
    `);
  }
}
