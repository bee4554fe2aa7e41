/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AttackKind =
  | 'FEATURE_COLLISION'
  | 'FEATURE_COLLISION_WATERMARK'
  | 'INTERPOLATION'
  | 'WATERMARK'
  | 'ZERO_KNOWLEDGE_INTERPOLATION';

export type CreateAttackInput = {
  density?: string | null | undefined;
  description?: string | null | undefined;
  kind: AttackKind;
  name: string;
  params: Record<string, unknown>;
  slug: string;
};

export type CreateExperimentInput = {
  matrix: MatrixInput;
  name: string;
  preset: string;
  seedBase?: number | null | undefined;
  visibility: Visibility;
};

export type DefenseKind =
  | 'DEEP_KNN'
  | 'EXTERNAL_SCORES'
  | 'NONE'
  | 'PIXEL_CLUSTERING'
  | 'TRAINING_DYNAMICS';

export type ExperimentStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'QUEUED'
  | 'RUNNING';

export type LeaderboardFilter = {
  algorithm?: string | null | undefined;
  dataset?: string | null | undefined;
  labels?: number | null | undefined;
  rate?: number | null | undefined;
};

export type MatrixDimension =
  | 'ALGORITHM'
  | 'ATTACK'
  | 'DATASET'
  | 'DEFENSE'
  | 'DENSITY'
  | 'LABELS'
  | 'RATE'
  | 'SOURCE_CLASS'
  | 'TARGET_CLASS';

export type MatrixInput = {
  algorithms: Array<string>;
  attacks: Array<string | number>;
  datasets: Array<string>;
  defenses?: Array<string | number> | null | undefined;
  densities?: Array<string> | null | undefined;
  labels: Array<number>;
  rates: Array<number>;
  trialsPerCell: number;
};

export type MemberRole =
  | 'admin'
  | 'member'
  | 'viewer';

export type TrialStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type Visibility =
  | 'PRIVATE'
  | 'PUBLIC';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { organization: { id: string, slug: string, name: string }, member: { id: string, name: string, role: MemberRole } } | null };

export type DatasetsQueryVariables = Exact<{ [key: string]: never; }>;


export type DatasetsQuery = { datasets: Array<{ id: string, slug: string, name: string, numClasses: number, shape: Array<number>, trainSize: number, testSize: number, source: string, description: string }> };

export type AlgorithmsQueryVariables = Exact<{ [key: string]: never; }>;


export type AlgorithmsQuery = { algorithms: Array<{ id: string, slug: string, name: string, description: string, defaults: Record<string, unknown> }> };

export type DensitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type DensitiesQuery = { densities: Array<{ id: string, slug: string, expression: string, label: string, description: string, integral: number, builtin: boolean }> };

export type AttacksQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type AttacksQuery = { attacks: { edges: Array<{ node: { id: string, slug: string, version: number, kind: AttackKind, name: string, description: string, params: Record<string, unknown>, createdAt: string } }> } };

export type DefensesQueryVariables = Exact<{ [key: string]: never; }>;


export type DefensesQuery = { defenses: Array<{ id: string, slug: string, version: number, kind: DefenseKind, name: string, description: string, params: Record<string, unknown>, createdAt: string }> };

export type CreateAttackMutationVariables = Exact<{
  input: CreateAttackInput;
}>;


export type CreateAttackMutation = { createAttack: { id: string, slug: string, version: number } };

export type ExperimentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ExperimentsQuery = { experiments: { edges: Array<{ node: { id: string, name: string, visibility: Visibility, preset: string, status: ExperimentStatus, trialCount: number, createdAt: string, progress: { queued: number, running: number, succeeded: number, failed: number, cancelled: number, total: number } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ExperimentQueryVariables = Exact<{
  id: string | number;
  rows: Array<MatrixDimension> | MatrixDimension;
  columns: Array<MatrixDimension> | MatrixDimension;
}>;


export type ExperimentQuery = { experiment: { id: string, name: string, description: string, visibility: Visibility, preset: string, status: ExperimentStatus, trialCount: number, seedBase: number, matrix: Record<string, unknown>, createdAt: string, progress: { queued: number, running: number, succeeded: number, failed: number, cancelled: number, total: number }, cells: Array<{ row: Array<string>, column: Array<string>, successes: number, trials: number, wilsonLow: number, wilsonHigh: number, cleanAccuracy: number | null, reported: { successes: number, trials: number } | null }>, pairs: Array<{ row: Array<string>, column: Array<string>, successes: number, trials: number }> } | null };

export type ExperimentTrialsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type ExperimentTrialsQuery = { experiment: { id: string, trials: { edges: Array<{ node: { id: string, ordinal: number, dataset: string, labels: number, algorithm: string, rate: number, density: string | null, attackKind: string, defenseKind: string, replicate: number, seed: number, status: TrialStatus, result: { success: boolean } | null } }> } } | null };

export type CreateExperimentMutationVariables = Exact<{
  input: CreateExperimentInput;
}>;


export type CreateExperimentMutation = { createExperiment: { id: string, trialCount: number } };

export type TrialQueryVariables = Exact<{
  id: string | number;
}>;


export type TrialQuery = { trial: { id: string, ordinal: number, dataset: string, labels: number, algorithm: string, rate: number, density: string | null, attackKind: string, defenseKind: string, replicate: number, seed: number, config: Record<string, unknown>, status: TrialStatus, attempts: number, progress: Record<string, unknown> | null, worker: string | null, backend: string | null, error: string | null, sourceIndex: number | null, targetIndex: number | null, targetClass: number | null, targetLabel: number | null, startedAt: string | null, finishedAt: string | null, experiment: { id: string, name: string }, result: { success: boolean, targetPrediction: number | null, targetConfidence: number | null, cleanAccuracy: number | null, poisonCount: number, propagation: unknown, detection: unknown, timings: unknown, backend: string, configHash: string } | null, artifacts: Array<{ id: string, kind: string, mime: string, sha256: string, size: number }> } | null };

export type ArtifactQueryVariables = Exact<{
  id: string | number;
}>;


export type ArtifactQuery = { artifact: { id: string, mime: string, sha256: string, dataBase64: string } | null };

export type LeaderboardQueryVariables = Exact<{
  filter?: LeaderboardFilter | null | undefined;
}>;


export type LeaderboardQuery = { leaderboard: Array<{ successes: number, trials: number, wilsonLow: number, wilsonHigh: number, attack: { id: string, slug: string, name: string, kind: AttackKind, version: number }, reported: { successes: number, trials: number } | null }>, datasets: Array<{ slug: string, name: string }>, algorithms: Array<{ slug: string, name: string }> };

export type LaunchOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type LaunchOptionsQuery = { datasets: Array<{ slug: string, name: string, numClasses: number }>, algorithms: Array<{ slug: string, name: string }>, densities: Array<{ slug: string, label: string, expression: string }>, attacks: { edges: Array<{ node: { id: string, slug: string, name: string, version: number, kind: AttackKind } }> }, defenses: Array<{ id: string, slug: string, name: string, version: number, kind: DefenseKind }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    organization {
      id
      slug
      name
    }
    member {
      id
      name
      role
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const DatasetsDocument = new TypedDocumentString(`
    query Datasets {
  datasets {
    id
    slug
    name
    numClasses
    shape
    trainSize
    testSize
    source
    description
  }
}
    `) as unknown as TypedDocumentString<DatasetsQuery, DatasetsQueryVariables>;
export const AlgorithmsDocument = new TypedDocumentString(`
    query Algorithms {
  algorithms {
    id
    slug
    name
    description
    defaults
  }
}
    `) as unknown as TypedDocumentString<AlgorithmsQuery, AlgorithmsQueryVariables>;
export const DensitiesDocument = new TypedDocumentString(`
    query Densities {
  densities {
    id
    slug
    expression
    label
    description
    integral
    builtin
  }
}
    `) as unknown as TypedDocumentString<DensitiesQuery, DensitiesQueryVariables>;
export const AttacksDocument = new TypedDocumentString(`
    query Attacks($first: Int) {
  attacks(first: $first) {
    edges {
      node {
        id
        slug
        version
        kind
        name
        description
        params
        createdAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AttacksQuery, AttacksQueryVariables>;
export const DefensesDocument = new TypedDocumentString(`
    query Defenses {
  defenses {
    id
    slug
    version
    kind
    name
    description
    params
    createdAt
  }
}
    `) as unknown as TypedDocumentString<DefensesQuery, DefensesQueryVariables>;
export const CreateAttackDocument = new TypedDocumentString(`
    mutation CreateAttack($input: CreateAttackInput!) {
  createAttack(input: $input) {
    id
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<CreateAttackMutation, CreateAttackMutationVariables>;
export const ExperimentsDocument = new TypedDocumentString(`
    query Experiments($first: Int, $after: String) {
  experiments(first: $first, after: $after) {
    edges {
      node {
        id
        name
        visibility
        preset
        status
        trialCount
        createdAt
        progress {
          queued
          running
          succeeded
          failed
          cancelled
          total
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentsQuery, ExperimentsQueryVariables>;
export const ExperimentDocument = new TypedDocumentString(`
    query Experiment($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {
  experiment(id: $id) {
    id
    name
    description
    visibility
    preset
    status
    trialCount
    seedBase
    matrix
    createdAt
    progress {
      queued
      running
      succeeded
      failed
      cancelled
      total
    }
    cells(rows: $rows, columns: $columns) {
      row
      column
      successes
      trials
      wilsonLow
      wilsonHigh
      cleanAccuracy
      reported {
        successes
        trials
      }
    }
    pairs: cells(rows: [SOURCE_CLASS], columns: [TARGET_CLASS]) {
      row
      column
      successes
      trials
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentQuery, ExperimentQueryVariables>;
export const ExperimentTrialsDocument = new TypedDocumentString(`
    query ExperimentTrials($id: ID!, $first: Int) {
  experiment(id: $id) {
    id
    trials(first: $first) {
      edges {
        node {
          id
          ordinal
          dataset
          labels
          algorithm
          rate
          density
          attackKind
          defenseKind
          replicate
          seed
          status
          result {
            success
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentTrialsQuery, ExperimentTrialsQueryVariables>;
export const CreateExperimentDocument = new TypedDocumentString(`
    mutation CreateExperiment($input: CreateExperimentInput!) {
  createExperiment(input: $input) {
    id
    trialCount
  }
}
    `) as unknown as TypedDocumentString<CreateExperimentMutation, CreateExperimentMutationVariables>;
export const TrialDocument = new TypedDocumentString(`
    query Trial($id: ID!) {
  trial(id: $id) {
    id
    ordinal
    dataset
    labels
    algorithm
    rate
    density
    attackKind
    defenseKind
    replicate
    seed
    config
    status
    attempts
    progress
    worker
    backend
    error
    sourceIndex
    targetIndex
    targetClass
    targetLabel
    startedAt
    finishedAt
    experiment {
      id
      name
    }
    result {
      success
      targetPrediction
      targetConfidence
      cleanAccuracy
      poisonCount
      propagation
      detection
      timings
      backend
      configHash
    }
    artifacts {
      id
      kind
      mime
      sha256
      size
    }
  }
}
    `) as unknown as TypedDocumentString<TrialQuery, TrialQueryVariables>;
export const ArtifactDocument = new TypedDocumentString(`
    query Artifact($id: ID!) {
  artifact(id: $id) {
    id
    mime
    sha256
    dataBase64
  }
}
    `) as unknown as TypedDocumentString<ArtifactQuery, ArtifactQueryVariables>;
export const LeaderboardDocument = new TypedDocumentString(`
    query Leaderboard($filter: LeaderboardFilter) {
  leaderboard(filter: $filter) {
    attack {
      id
      slug
      name
      kind
      version
    }
    successes
    trials
    wilsonLow
    wilsonHigh
    reported {
      successes
      trials
    }
  }
  datasets {
    slug
    name
  }
  algorithms {
    slug
    name
  }
}
    `) as unknown as TypedDocumentString<LeaderboardQuery, LeaderboardQueryVariables>;
export const LaunchOptionsDocument = new TypedDocumentString(`
    query LaunchOptions {
  datasets {
    slug
    name
    numClasses
  }
  algorithms {
    slug
    name
  }
  densities {
    slug
    label
    expression
  }
  attacks(first: 100) {
    edges {
      node {
        id
        slug
        name
        version
        kind
      }
    }
  }
  defenses {
    id
    slug
    name
    version
    kind
  }
}
    `) as unknown as TypedDocumentString<LaunchOptionsQuery, LaunchOptionsQueryVariables>;