import path from 'node:path';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { CatalogueResolver, PublicationResolver, ReportedResultResolver } from '../modules/catalogue/catalogue.resolver';
import { AttackResolver } from '../modules/attack/attack.resolver';
import { DefenseResolver } from '../modules/defense/defense.resolver';
import { ExperimentResolver } from '../modules/experiment/experiment.resolver';
import { ArtifactResolver, TrialResolver } from '../modules/trial/trial.resolver';
import { QueueResolver } from '../modules/queue/queue.resolver'; // QUEUE: Experiment.progress, experimentProgress, retryFailedTrials

/** repo root from dist/server/src/graphql */
export const SCHEMA_FILE = path.resolve(__dirname, '../../../../schema.graphql');

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the type-graphql schema once per process; `emit` writes schema.graphql at the repo root (sorted). */
export function buildGraphQLSchema(emit = false): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [
      OrganizationResolver, CatalogueResolver, PublicationResolver, ReportedResultResolver, AttackResolver, DefenseResolver,
      ExperimentResolver, TrialResolver, ArtifactResolver, QueueResolver,
    ],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: emit ? { path: SCHEMA_FILE, sortedSchema: true } : false,
  });
  return cached;
}
