/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Attack kinds of the compute contract */
export type AttackKind =
  | 'FEATURE_COLLISION'
  | 'FEATURE_COLLISION_WATERMARK'
  | 'INTERPOLATION'
  | 'NONE'
  | 'WATERMARK'
  | 'ZERO_KNOWLEDGE_INTERPOLATION';

export type CreateAttackInput = {
  description?: string | null | undefined;
  kind: AttackKind;
  name: string;
  organizationId: string | number;
  /** Validated per kind; unknown keys are refused */
  params?: Record<string, unknown> | null | undefined;
  /** Stable name; creating an existing slug of your organization makes its next version */
  slug: string;
};

export type CreateDensityInput = {
  description?: string | null | undefined;
  /** Expression over x in [0,1]: numbers, + - * / ^, ( ), sqrt exp log abs min max phi */
  expression: string;
  label?: string | null | undefined;
  organizationId: string | number;
  slug: string;
};

export type CreateExperimentInput = {
  /** Makes the mutation retry-safe: the same id returns the first experiment */
  clientMutationId?: string | null | undefined;
  description?: string | null | undefined;
  matrix: ExperimentMatrixInput;
  name: string;
  organizationId: string | number;
  /** Training overrides on top of the preset (see trialContract.overrides); unknown keys and out-of-range values are refused */
  overrides?: Record<string, unknown> | null | undefined;
  /** toy | mini | paper */
  preset?: string;
  /** Seeds of all trials derive from this and their cell */
  seedBase?: number;
  visibility?: Visibility;
};

/** Defense kinds of the compute contract */
export type DefenseKind =
  | 'DEEP_KNN'
  | 'EXTERNAL_SCORES'
  | 'NONE'
  | 'PIXEL_CLUSTERING'
  | 'TRAINING_DYNAMICS_INFLUENCE';

/** The cross product to expand: datasets x labels x algorithms x rates x densities x attacks x defenses x trialsPerCell */
export type ExperimentMatrixInput = {
  /** algorithm slugs */
  algorithms: Array<string>;
  /** attack definition ids */
  attacks: Array<string | number>;
  /** dataset slugs */
  datasets: Array<string>;
  /** defense definition ids; default: no defense */
  defenses?: Array<string | number> | null | undefined;
  /** density slugs (interpolation attacks only); default ["uniform"] */
  densities?: Array<string> | null | undefined;
  /** label budgets (labeled examples) */
  labels: Array<number>;
  /** poisoning rates as fractions of the unlabeled set, e.g. 0.001 = 0.1% */
  rates: Array<number>;
  trialsPerCell: number;
};

export type ExperimentStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'QUEUED'
  | 'RUNNING';

/** A coordinate of a trial cell */
export type MatrixDimension =
  | 'ALGORITHM'
  | 'ATTACK'
  | 'DATASET'
  | 'DEFENSE'
  | 'DENSITY'
  | 'LABELS'
  | 'RATE';

/** Restricts the trials aggregated; every list is OR within, AND across */
export type MatrixFilter = {
  algorithms?: Array<string> | null | undefined;
  /** attack ids or attack kinds */
  attacks?: Array<string> | null | undefined;
  datasets?: Array<string> | null | undefined;
  /** defense ids or defense kinds ("none" = no defense) */
  defenses?: Array<string> | null | undefined;
  /** density slugs */
  densities?: Array<string> | null | undefined;
  labels?: Array<number> | null | undefined;
  rates?: Array<number> | null | undefined;
};

/** viewer: read private data; member: write; admin: manage tokens */
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
  first: number;
}>;


export type AttacksQuery = { attacks: { edges: Array<{ node: { id: string, slug: string, version: number, kind: AttackKind, name: string, description: string, params: Record<string, unknown>, createdAt: string, organization: { name: string } | null } }> } };

export type DefensesQueryVariables = Exact<{
  first: number;
}>;


export type DefensesQuery = { defenses: { edges: Array<{ node: { id: string, slug: string, version: number, kind: DefenseKind, name: string, description: string, params: Record<string, unknown>, createdAt: string, organization: { name: string } | null } }> } };

export type CreateAttackMutationVariables = Exact<{
  input: CreateAttackInput;
}>;


export type CreateAttackMutation = { createAttack: { id: string, slug: string, version: number } };

export type CreateDensityMutationVariables = Exact<{
  input: CreateDensityInput;
}>;


export type CreateDensityMutation = { createDensity: { id: string, slug: string, label: string } };

export type ExperimentsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type ExperimentsQuery = { experiments: { edges: Array<{ node: { id: string, name: string, visibility: Visibility, preset: string, status: ExperimentStatus, trialCount: number, createdAt: string, organization: { name: string }, statusCounts: Array<{ status: TrialStatus, count: number }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ExperimentQueryVariables = Exact<{
  id: string | number;
  rows: Array<MatrixDimension> | MatrixDimension;
  columns: Array<MatrixDimension> | MatrixDimension;
}>;


export type ExperimentQuery = { datasets: Array<{ slug: string, numClasses: number }>, experiment: { id: string, name: string, description: string, visibility: Visibility, preset: string, status: ExperimentStatus, trialCount: number, seedBase: number, createdAt: string, organization: { name: string }, statusCounts: Array<{ status: TrialStatus, count: number }>, matrix: { cells: Array<{ row: Array<string>, column: Array<string>, rowLabels: Array<string>, columnLabels: Array<string>, successes: number, trials: number, scheduled: number, wilsonLow: number | null, wilsonHigh: number | null, cleanAccuracyMean: number | null, paper: { successes: number, trials: number, publication: string, table: string } | null }> }, trials: { edges: Array<{ node: { id: string, ordinal: number, dataset: string, labels: number, algorithm: string, rate: number, density: string | null, attackKind: string, defenseKind: string, seed: number, status: TrialStatus, targetClass: number | null, targetLabel: number | null, result: { success: boolean } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type ExperimentMatrixQueryVariables = Exact<{
  id: string | number;
  rows: Array<MatrixDimension> | MatrixDimension;
  columns: Array<MatrixDimension> | MatrixDimension;
}>;


export type ExperimentMatrixQuery = { experiment: { id: string, matrix: { cells: Array<{ row: Array<string>, column: Array<string>, rowLabels: Array<string>, columnLabels: Array<string>, successes: number, trials: number, scheduled: number, wilsonLow: number | null, wilsonHigh: number | null, cleanAccuracyMean: number | null, paper: { successes: number, trials: number, publication: string, table: string } | null }> } } };

export type CreateExperimentMutationVariables = Exact<{
  input: CreateExperimentInput;
}>;


export type CreateExperimentMutation = { createExperiment: { trialCount: number, experiment: { id: string } } };

export type TrialQueryVariables = Exact<{
  id: string | number;
}>;


export type TrialQuery = { trial: { id: string, ordinal: number, dataset: string, labels: number, algorithm: string, rate: number, density: string | null, attackKind: string, defenseKind: string, replicate: number, seed: number, config: Record<string, unknown>, status: TrialStatus, attempts: number, progress: Record<string, unknown> | null, worker: string | null, backend: string | null, error: string | null, sourceIndex: number | null, targetIndex: number | null, targetClass: number | null, targetLabel: number | null, startedAt: string | null, finishedAt: string | null, command: string | null, configHash: string | null, experiment: { id: string, name: string }, attack: { id: string, name: string, slug: string, version: number } | null, defense: { id: string, name: string, slug: string, version: number } | null, result: { success: boolean, targetPrediction: number | null, targetConfidence: number | null, cleanAccuracy: number | null, poisonCount: number, poisonShareAtTarget: number | null, propagation: unknown, detection: unknown, timings: unknown, backend: string, configHash: string, attackMetrics: unknown, seed: number | null, config: unknown, codeVersion: string | null, datasetSha256: string | null, worker: string | null } | null, artifacts: Array<{ id: string, kind: string, mime: string, sha256: string, size: number }> } };

export type TrialArtifactQueryVariables = Exact<{
  trial: string | number;
}>;


export type TrialArtifactQuery = { trial: { id: string, artifacts: Array<{ id: string, mime: string, sha256: string, base64: string | null }> } };

export type LeaderboardQueryVariables = Exact<{
  filter?: MatrixFilter | null | undefined;
}>;


export type LeaderboardQuery = { experiments: { edges: Array<{ node: { id: string, name: string, matrix: { cells: Array<{ row: Array<string>, rowLabels: Array<string>, successes: number, trials: number, paper: { successes: number, trials: number } | null }> } } }> }, datasets: Array<{ slug: string, name: string }>, algorithms: Array<{ slug: string, name: string }> };

export type LaunchOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type LaunchOptionsQuery = { datasets: Array<{ slug: string, name: string, numClasses: number }>, algorithms: Array<{ slug: string, name: string }>, densities: Array<{ slug: string, label: string, expression: string }>, attacks: { edges: Array<{ node: { id: string, slug: string, name: string, version: number, kind: AttackKind } }> }, defenses: { edges: Array<{ node: { id: string, slug: string, name: string, version: number, kind: DefenseKind } }> } };

export type ExperimentTrialPairsQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type ExperimentTrialPairsQuery = { experiment: { id: string, trials: { edges: Array<{ node: { id: string, targetClass: number | null, targetLabel: number | null, result: { success: boolean } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type TrialContractQueryVariables = Exact<{ [key: string]: never; }>;


export type TrialContractQuery = { trialContract: { densityAttackKinds: Array<string>, attacks: Array<{ kind: string, enumName: string, description: string, parameters: Array<{ name: string, type: string, description: string, min: number | null, max: number | null, exclusiveMin: boolean | null, exclusiveMax: boolean | null, default: unknown, defaultByPreset: unknown, values: Array<string> | null }> }>, overrides: Array<{ name: string, type: string, description: string, min: number | null, max: number | null, exclusiveMin: boolean | null, exclusiveMax: boolean | null, default: unknown, defaultByPreset: unknown, values: Array<string> | null }> } };

export type ContractParameterFieldsFragment = { name: string, type: string, description: string, min: number | null, max: number | null, exclusiveMin: boolean | null, exclusiveMax: boolean | null, default: unknown, defaultByPreset: unknown, values: Array<string> | null };

export type PreviewExperimentQueryVariables = Exact<{
  input: CreateExperimentInput;
}>;


export type PreviewExperimentQuery = { previewExperiment: { trialCount: number, maxTrials: number } };

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
export const ContractParameterFieldsFragmentDoc = new TypedDocumentString(`
    fragment ContractParameterFields on ContractParameter {
  name
  type
  description
  min
  max
  exclusiveMin
  exclusiveMax
  default
  defaultByPreset
  values
}
    `, {"fragmentName":"ContractParameterFields"}) as unknown as TypedDocumentString<ContractParameterFieldsFragment, unknown>;
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
    query Attacks($first: Int!) {
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
        organization {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AttacksQuery, AttacksQueryVariables>;
export const DefensesDocument = new TypedDocumentString(`
    query Defenses($first: Int!) {
  defenses(first: $first) {
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
        organization {
          name
        }
      }
    }
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
export const CreateDensityDocument = new TypedDocumentString(`
    mutation CreateDensity($input: CreateDensityInput!) {
  createDensity(input: $input) {
    id
    slug
    label
  }
}
    `) as unknown as TypedDocumentString<CreateDensityMutation, CreateDensityMutationVariables>;
export const ExperimentsDocument = new TypedDocumentString(`
    query Experiments($first: Int!, $after: String) {
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
        organization {
          name
        }
        statusCounts {
          status
          count
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
  datasets {
    slug
    numClasses
  }
  experiment(id: $id) {
    id
    name
    description
    visibility
    preset
    status
    trialCount
    seedBase
    createdAt
    organization {
      name
    }
    statusCounts {
      status
      count
    }
    matrix(rows: $rows, columns: $columns) {
      cells {
        row
        column
        rowLabels
        columnLabels
        successes
        trials
        scheduled
        wilsonLow
        wilsonHigh
        cleanAccuracyMean
        paper {
          successes
          trials
          publication
          table
        }
      }
    }
    trials(first: 100) {
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
          seed
          status
          targetClass
          targetLabel
          result {
            success
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentQuery, ExperimentQueryVariables>;
export const ExperimentMatrixDocument = new TypedDocumentString(`
    query ExperimentMatrix($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {
  experiment(id: $id) {
    id
    matrix(rows: $rows, columns: $columns) {
      cells {
        row
        column
        rowLabels
        columnLabels
        successes
        trials
        scheduled
        wilsonLow
        wilsonHigh
        cleanAccuracyMean
        paper {
          successes
          trials
          publication
          table
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentMatrixQuery, ExperimentMatrixQueryVariables>;
export const CreateExperimentDocument = new TypedDocumentString(`
    mutation CreateExperiment($input: CreateExperimentInput!) {
  createExperiment(input: $input) {
    experiment {
      id
    }
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
    attack {
      id
      name
      slug
      version
    }
    defense {
      id
      name
      slug
      version
    }
    command
    configHash
    result {
      success
      targetPrediction
      targetConfidence
      cleanAccuracy
      poisonCount
      poisonShareAtTarget
      propagation
      detection
      timings
      backend
      configHash
      attackMetrics
      seed
      config
      codeVersion
      datasetSha256
      worker
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
export const TrialArtifactDocument = new TypedDocumentString(`
    query TrialArtifact($trial: ID!) {
  trial(id: $trial) {
    id
    artifacts {
      id
      mime
      sha256
      base64
    }
  }
}
    `) as unknown as TypedDocumentString<TrialArtifactQuery, TrialArtifactQueryVariables>;
export const LeaderboardDocument = new TypedDocumentString(`
    query Leaderboard($filter: MatrixFilter) {
  experiments(first: 50) {
    edges {
      node {
        id
        name
        matrix(rows: [ATTACK, DATASET, LABELS, ALGORITHM, RATE], filter: $filter) {
          cells {
            row
            rowLabels
            successes
            trials
            paper {
              successes
              trials
            }
          }
        }
      }
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
  defenses(first: 100) {
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
}
    `) as unknown as TypedDocumentString<LaunchOptionsQuery, LaunchOptionsQueryVariables>;
export const ExperimentTrialPairsDocument = new TypedDocumentString(`
    query ExperimentTrialPairs($id: ID!, $after: String) {
  experiment(id: $id) {
    id
    trials(first: 100, after: $after) {
      edges {
        node {
          id
          targetClass
          targetLabel
          result {
            success
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentTrialPairsQuery, ExperimentTrialPairsQueryVariables>;
export const TrialContractDocument = new TypedDocumentString(`
    query TrialContract {
  trialContract {
    attacks {
      kind
      enumName
      description
      parameters {
        ...ContractParameterFields
      }
    }
    overrides {
      ...ContractParameterFields
    }
    densityAttackKinds
  }
}
    fragment ContractParameterFields on ContractParameter {
  name
  type
  description
  min
  max
  exclusiveMin
  exclusiveMax
  default
  defaultByPreset
  values
}`) as unknown as TypedDocumentString<TrialContractQuery, TrialContractQueryVariables>;
export const PreviewExperimentDocument = new TypedDocumentString(`
    query PreviewExperiment($input: CreateExperimentInput!) {
  previewExperiment(input: $input) {
    trialCount
    maxTrials
  }
}
    `) as unknown as TypedDocumentString<PreviewExperimentQuery, PreviewExperimentQueryVariables>;