import path from 'node:path';
import { GraphQLSchema } from 'graphql';
import { buildSchema, emitSchemaDefinitionFile } from 'type-graphql';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { CatalogueResolver, PublicationResolver, ReportedResultResolver } from '../modules/catalogue/catalogue.resolver';
import { AttackResolver } from '../modules/attack/attack.resolver';
import { DefenseResolver } from '../modules/defense/defense.resolver';
import { ExperimentMatrixResolver, ExperimentResolver } from '../modules/experiment/experiment.resolver';
import { ArtifactResolver, TrialResolver } from '../modules/trial/trial.resolver';
import { QueueResolver } from '../modules/queue/queue.resolver';
import { ContractResolver } from '../modules/contract/contract.resolver';

/** repo root from dist/server/src/graphql */
export const SCHEMA_FILE = path.resolve(__dirname, '../../../../schema.graphql');

let cached: Promise<GraphQLSchema> | undefined;

/**
 * Builds the type-graphql schema once per process. `emit` also writes schema.graphql at the repo root (sorted), the
 * file the web app generates its types from; failing to write it (read-only checkout) is a warning, not a failure.
 */
export async function buildGraphQLSchema(emit = false): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [
      OrganizationResolver, CatalogueResolver, PublicationResolver, ReportedResultResolver, AttackResolver, DefenseResolver,
      ExperimentResolver, ExperimentMatrixResolver, TrialResolver, ArtifactResolver, QueueResolver, ContractResolver,
    ],
    validate: { forbidUnknownValues: false },
  });
  const schema = await cached;
  if (emit) {
    await emitSchemaDefinitionFile(SCHEMA_FILE, schema, { sortedSchema: true })
      .catch((e) => console.warn(`[frogpond] could not write ${SCHEMA_FILE}: ${(e as Error).message}`));
  }
  return schema;
}
