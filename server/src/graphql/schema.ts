import path from 'node:path';
import { GraphQLSchema } from 'graphql';
import { buildSchema, emitSchemaDefinitionFile } from 'type-graphql';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { CatalogueResolver, PublicationResolver, ReportedResultResolver } from '../modules/catalogue/catalogue.resolver';
import { AttackResolver } from '../modules/attack/attack.resolver';
import { DefenseResolver } from '../modules/defense/defense.resolver';
import { ExperimentMatrixResolver, ExperimentResolver } from '../modules/experiment/experiment.resolver';
import { ArtifactResolver, TrialResolver } from '../modules/trial/trial.resolver';
import { edgeValidation } from '../common/edge-validation';
import { QueueResolver } from '../modules/queue/queue.resolver';
import { ContractResolver } from '../modules/contract/contract.resolver';
import { LeaderboardResolver } from '../modules/leaderboard/leaderboard.resolver';
import { BenchmarkResolver } from '../modules/benchmark/benchmark.resolver';
import { BenchmarkBoardResolver, SubmissionResolver } from '../modules/benchmark/submission.resolver';

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
      ExperimentResolver, ExperimentMatrixResolver, TrialResolver, ArtifactResolver, QueueResolver, ContractResolver, LeaderboardResolver,
      BenchmarkResolver, BenchmarkBoardResolver, SubmissionResolver,
    ],
    validate: { forbidUnknownValues: false },
    // Every id is a UUID and no string holds a NUL before a resolver (and so SQL) sees it.
    globalMiddlewares: [edgeValidation],
  });
  const schema = await cached;
  if (emit) {
    await emitSchemaDefinitionFile(SCHEMA_FILE, schema, { sortedSchema: true })
      .catch((e) => console.warn(`[frogpond] could not write ${SCHEMA_FILE}: ${(e as Error).message}`));
  }
  return schema;
}
