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

export type BenchmarkSplit =
  /** Public replicates, with their poison indices and targets */
  | 'DEV'
  /** Sequestered replicates: no poison indices, no target, unlabeled order shuffled by a server secret */
  | 'TEST';

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

/** Restricts the settings listed; every list is OR within, AND across */
export type LeaderboardFilter = {
  algorithms?: Array<string> | null | undefined;
  /** attack ids, slugs or kinds */
  attacks?: Array<string> | null | undefined;
  datasets?: Array<string> | null | undefined;
  /** defense ids, slugs or kinds ("none" = no defense) */
  defenses?: Array<string> | null | undefined;
  /** density slugs ("none" = no density) */
  densities?: Array<string> | null | undefined;
  labels?: Array<number> | null | undefined;
  /** only settings with at least this many ranked trials */
  minTrials?: number | null | undefined;
  /** scale presets: toy, mini, paper */
  presets?: Array<string> | null | undefined;
  /** poison rates as fractions (0.01 = 1%) */
  rates?: Array<number> | null | undefined;
};

/** RANK: lower bound of the Wilson 95% interval (then success rate, then trials); the others by their value */
export type LeaderboardSort =
  | 'EXPERIMENTS'
  | 'POISON_RATE'
  | 'RANK'
  | 'SUCCESS_RATE'
  | 'TRIALS';

/** A coordinate of a trial cell */
export type MatrixDimension =
  | 'ALGORITHM'
  | 'ATTACK'
  | 'DATASET'
  | 'DEFENSE'
  | 'DENSITY'
  | 'LABELS'
  | 'RATE';

/** viewer: read private data; member: write; admin: manage tokens */
export type MemberRole =
  | 'admin'
  | 'member'
  | 'viewer';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type SubmissionKind =
  /** A reference removal computed by the server (no defense, random scores, oracle) */
  | 'BASELINE'
  /** Score file: suspicion scores a team computed itself, retrained on the server */
  | 'SCORE_FILE'
  /** Verified run: a defense of the trial contract run by the server's workers on the sequestered replicates */
  | 'VERIFIED_RUN';

export type SubmissionStatus =
  | 'FAILED'
  | 'RECEIVED'
  | 'SCORED'
  | 'SCORING';

/** A score file: one suspicion score per unlabeled example of every sequestered replicate */
export type SubmitDefenseScoresInput = {
  /** Benchmark slug */
  benchmark: string;
  /** The file, base64-encoded */
  contentBase64: string;
  /** File name; its extension (.csv, .json, .npy) selects the format */
  fileName: string;
  /** Name of the defense as it appears on the board */
  label: string;
  /** Share of each unlabeled set to remove, highest scores first; omit when the file lists removed indices */
  removalFraction?: number | null | undefined;
  /** Benchmark version (default: latest) */
  version?: number | null | undefined;
};

/** A verified run: a defense of the trial contract, run by the server's workers on every sequestered replicate */
export type SubmitVerifiedRunInput = {
  /** Benchmark slug */
  benchmark: string;
  /** Defense kind as the trial contract names it (trialContract.defenses; Benchmark.verifiedRunDefenses lists those accepted here) */
  defense: string;
  /** Name of the defense as it appears on the board (default: the defense kind) */
  label?: string | null | undefined;
  /** The kind's parameters; absent keys take the contract's defaults, unknown keys are refused */
  params?: Record<string, unknown> | null | undefined;
  /** Benchmark version (default: latest) */
  version?: number | null | undefined;
};

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

export type CreateSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type CreateSessionMutation = { createSession: { token: string, expiresAt: string } };

export type EndSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type EndSessionMutation = { endSession: boolean };

export type DatasetsQueryVariables = Exact<{ [key: string]: never; }>;


export type DatasetsQuery = { datasets: Array<{ id: string, slug: string, name: string, numClasses: number, shape: Array<number>, trainSize: number, testSize: number, source: string, description: string }> };

export type AlgorithmsQueryVariables = Exact<{ [key: string]: never; }>;


export type AlgorithmsQuery = { algorithms: Array<{ id: string, slug: string, name: string, description: string, defaults: Record<string, unknown> }> };

export type DensitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type DensitiesQuery = { densities: { edges: Array<{ node: { id: string, slug: string, expression: string, label: string, description: string, integral: number, builtin: boolean } }> } };

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
  search?: string | null | undefined;
  organizationId?: string | number | null | undefined;
  attack?: string | null | undefined;
  dataset?: string | null | undefined;
  status?: ExperimentStatus | null | undefined;
}>;


export type ExperimentsQuery = { organizations: Array<{ id: string, name: string }>, datasets: Array<{ slug: string, name: string }>, trialContract: { attacks: Array<{ kind: string }> }, experiments: { edges: Array<{ node: { id: string, name: string, visibility: Visibility, preset: string, status: ExperimentStatus, trialCount: number, createdAt: string, organization: { name: string }, statusCounts: Array<{ status: TrialStatus, count: number }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ExperimentQueryVariables = Exact<{
  id: string | number;
  rows: Array<MatrixDimension> | MatrixDimension;
  columns: Array<MatrixDimension> | MatrixDimension;
}>;


export type ExperimentQuery = { datasets: Array<{ slug: string, numClasses: number }>, experiment: { id: string, name: string, description: string, visibility: Visibility, preset: string, status: ExperimentStatus, trialCount: number, seedBase: number, createdAt: string, spec: Record<string, unknown>, organization: { id: string, name: string }, citation: { key: string, permalink: string, bibtex: string, reference: string }, statusCounts: Array<{ status: TrialStatus, count: number }>, progress: { queued: number, running: number, succeeded: number, failed: number, cancelled: number, total: number, etaSeconds: number | null, trialsPerMinute: number, updatedAt: string | null }, matrix: { cells: Array<{ row: Array<string>, column: Array<string>, rowLabels: Array<string>, columnLabels: Array<string>, successes: number, trials: number, scheduled: number, wilsonLow: number | null, wilsonHigh: number | null, cleanAccuracyMean: number | null, withoutDefense: { successes: number, trials: number, wilsonLow: number | null, wilsonHigh: number | null, cleanAccuracyMean: number | null } | null, detection: { rocAucMean: number | null, tprAt5FprMean: number | null, poisonsRemoved: number | null, poisons: number | null, cleanRemoved: number | null, clean: number | null } | null, paper: { successes: number, trials: number, publication: string, table: string } | null }> }, trials: { edges: Array<{ node: { id: string, ordinal: number, dataset: string, labels: number, algorithm: string, rate: number, density: string | null, attackKind: string, defenseKind: string, seed: number, status: TrialStatus, error: string | null, targetClass: number | null, targetLabel: number | null, result: { success: boolean } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, failedTrials: { edges: Array<{ node: { id: string, ordinal: number, dataset: string, algorithm: string, attackKind: string, error: string | null } }> } } };

export type ExperimentMatrixQueryVariables = Exact<{
  id: string | number;
  rows: Array<MatrixDimension> | MatrixDimension;
  columns: Array<MatrixDimension> | MatrixDimension;
}>;


export type ExperimentMatrixQuery = { experiment: { id: string, matrix: { cells: Array<{ row: Array<string>, column: Array<string>, rowLabels: Array<string>, columnLabels: Array<string>, successes: number, trials: number, scheduled: number, wilsonLow: number | null, wilsonHigh: number | null, cleanAccuracyMean: number | null, withoutDefense: { successes: number, trials: number, wilsonLow: number | null, wilsonHigh: number | null, cleanAccuracyMean: number | null } | null, detection: { rocAucMean: number | null, tprAt5FprMean: number | null, poisonsRemoved: number | null, poisons: number | null, cleanRemoved: number | null, clean: number | null } | null, paper: { successes: number, trials: number, publication: string, table: string } | null }> } } };

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
  filter?: LeaderboardFilter | null | undefined;
  sort?: LeaderboardSort | null | undefined;
  direction?: SortDirection | null | undefined;
  after?: string | null | undefined;
  includeNearChance?: boolean | null | undefined;
}>;


export type LeaderboardQuery = { leaderboard: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { key: string, rank: number | null, attack: string, attackId: string | null, attackSlug: string | null, attackVersion: number | null, dataset: string, labels: number, algorithm: string, rate: number, density: string | null, densityLabel: string | null, defense: string, preset: string, successes: number, trials: number, successRate: number | null, wilsonLow: number | null, wilsonHigh: number | null, nearChanceTrials: number, defenseKind: string, experimentCount: number, organizationCount: number, withoutDefense: { successes: number, trials: number, successRate: number | null, wilsonLow: number | null, wilsonHigh: number | null } | null, experiments: Array<{ id: string, name: string, organization: string }>, paper: { successes: number, trials: number, publication: string, table: string } | null } }> }, datasets: Array<{ slug: string, name: string }>, algorithms: Array<{ slug: string, name: string }> };

export type ExperimentExportQueryVariables = Exact<{
  id: string | number;
  rows: Array<MatrixDimension> | MatrixDimension;
  columns: Array<MatrixDimension> | MatrixDimension;
}>;


export type ExperimentExportQuery = { experiment: { id: string, matrix: { csv: string, json: string, latex: string } } };

export type PublicationsQueryVariables = Exact<{ [key: string]: never; }>;


export type PublicationsQuery = { publications: Array<{ id: string, slug: string, title: string, authors: string, venue: string, year: number, arxiv: string | null, citation: string, bibtex: string, permalink: string, reportedResults: Array<{ id: string, tableKey: string, rowKey: string, columnKey: string, dataset: string, labels: number, algorithm: string, rate: number, density: string | null, attackKind: string, successes: number, trials: number }>, reproductions: Array<{ reportedResultId: string, attack: string, preset: string, successes: number, trials: number, wilsonLow: number | null, wilsonHigh: number | null, nearChanceTrials: number, experimentCount: number }> }> };

export type TrialManifestQueryVariables = Exact<{
  id: string | number;
}>;


export type TrialManifestQuery = { trial: { id: string, manifest: string } };

export type AttackVersionsQueryVariables = Exact<{
  slug: string;
}>;


export type AttackVersionsQuery = { attacks: { edges: Array<{ node: { id: string, slug: string, version: number, kind: AttackKind, name: string, description: string, params: Record<string, unknown>, createdAt: string, publication: { slug: string, title: string } | null } }> } };

export type LaunchOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type LaunchOptionsQuery = { datasets: Array<{ slug: string, name: string, numClasses: number }>, algorithms: Array<{ slug: string, name: string }>, densities: { edges: Array<{ node: { slug: string, label: string, expression: string } }> }, attacks: { edges: Array<{ node: { id: string, slug: string, name: string, version: number, kind: AttackKind } }> }, defenses: { edges: Array<{ node: { id: string, slug: string, name: string, version: number, kind: DefenseKind } }> } };

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

export type ExperimentProgressQueryVariables = Exact<{
  id: string | number;
}>;


export type ExperimentProgressQuery = { experimentProgress: { queued: number, running: number, succeeded: number, failed: number, cancelled: number, total: number, etaSeconds: number | null, trialsPerMinute: number, updatedAt: string | null } };

export type CancelExperimentMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelExperimentMutation = { cancelExperiment: { id: string, status: ExperimentStatus } };

export type RetryFailedTrialsMutationVariables = Exact<{
  experimentId: string | number;
}>;


export type RetryFailedTrialsMutation = { retryFailedTrials: { id: string, status: ExperimentStatus } };

export type ReproduceTrialMutationVariables = Exact<{
  trialId: string | number;
  organizationId: string | number;
}>;


export type ReproduceTrialMutation = { reproduceTrial: { experiment: { id: string } } };

export type BenchmarksQueryVariables = Exact<{ [key: string]: never; }>;


export type BenchmarksQuery = { benchmarks: Array<{ id: string, slug: string, version: number, name: string, description: string, devSeeds: Array<number>, testReplicates: number, createdAt: string }> };

export type BenchmarkQueryVariables = Exact<{
  slug: string;
}>;


export type BenchmarkQuery = { benchmark: { id: string, slug: string, version: number, name: string, description: string, license: string, config: Record<string, unknown>, devSeeds: Array<number>, testReplicates: number, testReplicateIds: Array<string>, createdAt: string, downloads: Array<{ split: BenchmarkSplit, path: string, fileName: string, sizeBytes: number, sha256: string, replicates: number }>, leaderboard: Array<{ rank: number, submissionId: string, label: string, kind: SubmissionKind, kindLabel: string, baseline: string | null, defenseKind: string | null, team: string | null, successes: number, trials: number, successRate: number, successLow: number, successHigh: number, auc: number | null, tprAt1: number | null, tprAt5: number | null, cleanAccuracy: number | null, cleanAccuracyDrop: number | null, removedPoisons: number, removedClean: number, submittedAt: string }>, pendingBaselines: Array<{ id: string, label: string, kindLabel: string, progress: { done: number, total: number } }>, baselines: Array<{ id: string, label: string, baseline: string | null, kindLabel: string, status: SubmissionStatus, auc: number | null, tprAt1: number | null, successes: number | null, trials: number | null, cleanAccuracy: number | null, progress: { done: number, total: number } }>, mySubmissions: Array<{ id: string, label: string, kindLabel: string, status: SubmissionStatus, auc: number | null, successes: number | null, trials: number | null, published: boolean, createdAt: string }> } };

export type DefenseSubmissionQueryVariables = Exact<{
  id: string | number;
}>;


export type DefenseSubmissionQuery = { defenseSubmission: { id: string, kind: SubmissionKind, kindLabel: string, baseline: string | null, label: string, status: SubmissionStatus, failureReason: string | null, failureKind: string | null, fileName: string | null, fileSha256: string | null, fileBytes: number | null, removalFraction: number | null, auc: number | null, tprAt1: number | null, tprAt5: number | null, removedPoisons: number, removedClean: number, replicates: number, successes: number | null, trials: number | null, cleanAccuracy: number | null, published: boolean, publishedAt: string | null, createdAt: string, scoredAt: string | null, defense: { kind: string, params: Record<string, unknown> } | null, organization: { id: string, name: string } | null, benchmark: { slug: string, version: number, name: string }, progress: { done: number, total: number }, replicateScores: Array<{ replicate: string, auc: number | null, tprAt1: number | null, tprAt5: number | null, removedPoisons: number, removedClean: number, poisons: number, clean: number, success: boolean | null, cleanAccuracy: number | null, histogram: { edges: Array<number>, poisons: Array<number>, benign: Array<number> } }> } };

export type SubmitDefenseScoresMutationVariables = Exact<{
  input: SubmitDefenseScoresInput;
}>;


export type SubmitDefenseScoresMutation = { submitDefenseScores: { id: string } };

export type SubmitVerifiedRunMutationVariables = Exact<{
  input: SubmitVerifiedRunInput;
}>;


export type SubmitVerifiedRunMutation = { submitVerifiedRun: { id: string } };

export type VerifiedRunDefensesQueryVariables = Exact<{
  slug: string;
}>;


export type VerifiedRunDefensesQuery = { benchmark: { verifiedRunDefenses: Array<{ kind: string, description: string, parameters: Array<{ name: string, type: string, description: string, min: number | null, max: number | null, exclusiveMin: boolean | null, exclusiveMax: boolean | null, default: unknown, defaultByPreset: unknown, values: Array<string> | null }> }> } };

export type PublishDefenseSubmissionMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishDefenseSubmissionMutation = { publishDefenseSubmission: { id: string, published: boolean } };

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
export const CreateSessionDocument = new TypedDocumentString(`
    mutation CreateSession {
  createSession {
    token
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<CreateSessionMutation, CreateSessionMutationVariables>;
export const EndSessionDocument = new TypedDocumentString(`
    mutation EndSession {
  endSession
}
    `) as unknown as TypedDocumentString<EndSessionMutation, EndSessionMutationVariables>;
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
  densities(first: 100) {
    edges {
      node {
        id
        slug
        expression
        label
        description
        integral
        builtin
      }
    }
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
    query Experiments($first: Int!, $after: String, $search: String, $organizationId: ID, $attack: String, $dataset: String, $status: ExperimentStatus) {
  organizations {
    id
    name
  }
  datasets {
    slug
    name
  }
  trialContract {
    attacks {
      kind
    }
  }
  experiments(
    first: $first
    after: $after
    search: $search
    organizationId: $organizationId
    attack: $attack
    dataset: $dataset
    status: $status
  ) {
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
    spec
    organization {
      id
      name
    }
    citation {
      key
      permalink
      bibtex
      reference
    }
    statusCounts {
      status
      count
    }
    progress {
      queued
      running
      succeeded
      failed
      cancelled
      total
      etaSeconds
      trialsPerMinute
      updatedAt
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
        withoutDefense {
          successes
          trials
          wilsonLow
          wilsonHigh
          cleanAccuracyMean
        }
        detection {
          rocAucMean
          tprAt5FprMean
          poisonsRemoved
          poisons
          cleanRemoved
          clean
        }
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
          error
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
    failedTrials: trials(first: 100, status: FAILED) {
      edges {
        node {
          id
          ordinal
          dataset
          algorithm
          attackKind
          error
        }
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
        withoutDefense {
          successes
          trials
          wilsonLow
          wilsonHigh
          cleanAccuracyMean
        }
        detection {
          rocAucMean
          tprAt5FprMean
          poisonsRemoved
          poisons
          cleanRemoved
          clean
        }
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
    query Leaderboard($filter: LeaderboardFilter, $sort: LeaderboardSort, $direction: SortDirection, $after: String, $includeNearChance: Boolean) {
  leaderboard(
    first: 50
    filter: $filter
    sort: $sort
    direction: $direction
    after: $after
    includeNearChance: $includeNearChance
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        key
        rank
        attack
        attackId
        attackSlug
        attackVersion
        dataset
        labels
        algorithm
        rate
        density
        densityLabel
        defense
        preset
        successes
        trials
        successRate
        wilsonLow
        wilsonHigh
        nearChanceTrials
        defenseKind
        withoutDefense {
          successes
          trials
          successRate
          wilsonLow
          wilsonHigh
        }
        experimentCount
        organizationCount
        experiments {
          id
          name
          organization
        }
        paper {
          successes
          trials
          publication
          table
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
export const ExperimentExportDocument = new TypedDocumentString(`
    query ExperimentExport($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {
  experiment(id: $id) {
    id
    matrix(rows: $rows, columns: $columns) {
      csv
      json
      latex
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentExportQuery, ExperimentExportQueryVariables>;
export const PublicationsDocument = new TypedDocumentString(`
    query Publications {
  publications {
    id
    slug
    title
    authors
    venue
    year
    arxiv
    citation
    bibtex
    permalink
    reportedResults {
      id
      tableKey
      rowKey
      columnKey
      dataset
      labels
      algorithm
      rate
      density
      attackKind
      successes
      trials
    }
    reproductions {
      reportedResultId
      attack
      preset
      successes
      trials
      wilsonLow
      wilsonHigh
      nearChanceTrials
      experimentCount
    }
  }
}
    `) as unknown as TypedDocumentString<PublicationsQuery, PublicationsQueryVariables>;
export const TrialManifestDocument = new TypedDocumentString(`
    query TrialManifest($id: ID!) {
  trial(id: $id) {
    id
    manifest
  }
}
    `) as unknown as TypedDocumentString<TrialManifestQuery, TrialManifestQueryVariables>;
export const AttackVersionsDocument = new TypedDocumentString(`
    query AttackVersions($slug: String!) {
  attacks(slug: $slug, first: 100) {
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
        publication {
          slug
          title
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AttackVersionsQuery, AttackVersionsQueryVariables>;
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
  densities(first: 100) {
    edges {
      node {
        slug
        label
        expression
      }
    }
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
export const ExperimentProgressDocument = new TypedDocumentString(`
    query ExperimentProgress($id: ID!) {
  experimentProgress(id: $id) {
    queued
    running
    succeeded
    failed
    cancelled
    total
    etaSeconds
    trialsPerMinute
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<ExperimentProgressQuery, ExperimentProgressQueryVariables>;
export const CancelExperimentDocument = new TypedDocumentString(`
    mutation CancelExperiment($id: ID!) {
  cancelExperiment(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelExperimentMutation, CancelExperimentMutationVariables>;
export const RetryFailedTrialsDocument = new TypedDocumentString(`
    mutation RetryFailedTrials($experimentId: ID!) {
  retryFailedTrials(experimentId: $experimentId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RetryFailedTrialsMutation, RetryFailedTrialsMutationVariables>;
export const ReproduceTrialDocument = new TypedDocumentString(`
    mutation ReproduceTrial($trialId: ID!, $organizationId: ID!) {
  reproduceTrial(trialId: $trialId, organizationId: $organizationId) {
    experiment {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ReproduceTrialMutation, ReproduceTrialMutationVariables>;
export const BenchmarksDocument = new TypedDocumentString(`
    query Benchmarks {
  benchmarks {
    id
    slug
    version
    name
    description
    devSeeds
    testReplicates
    createdAt
  }
}
    `) as unknown as TypedDocumentString<BenchmarksQuery, BenchmarksQueryVariables>;
export const BenchmarkDocument = new TypedDocumentString(`
    query Benchmark($slug: String!) {
  benchmark(slug: $slug) {
    id
    slug
    version
    name
    description
    license
    config
    devSeeds
    testReplicates
    testReplicateIds
    createdAt
    downloads {
      split
      path
      fileName
      sizeBytes
      sha256
      replicates
    }
    leaderboard {
      rank
      submissionId
      label
      kind
      kindLabel
      baseline
      defenseKind
      team
      successes
      trials
      successRate
      successLow
      successHigh
      auc
      tprAt1
      tprAt5
      cleanAccuracy
      cleanAccuracyDrop
      removedPoisons
      removedClean
      submittedAt
    }
    pendingBaselines {
      id
      label
      kindLabel
      progress {
        done
        total
      }
    }
    baselines {
      id
      label
      baseline
      kindLabel
      status
      auc
      tprAt1
      successes
      trials
      cleanAccuracy
      progress {
        done
        total
      }
    }
    mySubmissions {
      id
      label
      kindLabel
      status
      auc
      successes
      trials
      published
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<BenchmarkQuery, BenchmarkQueryVariables>;
export const DefenseSubmissionDocument = new TypedDocumentString(`
    query DefenseSubmission($id: ID!) {
  defenseSubmission(id: $id) {
    id
    kind
    kindLabel
    baseline
    defense {
      kind
      params
    }
    label
    status
    failureReason
    failureKind
    fileName
    fileSha256
    fileBytes
    removalFraction
    auc
    tprAt1
    tprAt5
    removedPoisons
    removedClean
    replicates
    successes
    trials
    cleanAccuracy
    published
    publishedAt
    createdAt
    scoredAt
    organization {
      id
      name
    }
    benchmark {
      slug
      version
      name
    }
    progress {
      done
      total
    }
    replicateScores {
      replicate
      auc
      tprAt1
      tprAt5
      removedPoisons
      removedClean
      poisons
      clean
      success
      cleanAccuracy
      histogram {
        edges
        poisons
        benign
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DefenseSubmissionQuery, DefenseSubmissionQueryVariables>;
export const SubmitDefenseScoresDocument = new TypedDocumentString(`
    mutation SubmitDefenseScores($input: SubmitDefenseScoresInput!) {
  submitDefenseScores(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SubmitDefenseScoresMutation, SubmitDefenseScoresMutationVariables>;
export const SubmitVerifiedRunDocument = new TypedDocumentString(`
    mutation SubmitVerifiedRun($input: SubmitVerifiedRunInput!) {
  submitVerifiedRun(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SubmitVerifiedRunMutation, SubmitVerifiedRunMutationVariables>;
export const VerifiedRunDefensesDocument = new TypedDocumentString(`
    query VerifiedRunDefenses($slug: String!) {
  benchmark(slug: $slug) {
    verifiedRunDefenses {
      kind
      description
      parameters {
        ...ContractParameterFields
      }
    }
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
}`) as unknown as TypedDocumentString<VerifiedRunDefensesQuery, VerifiedRunDefensesQueryVariables>;
export const PublishDefenseSubmissionDocument = new TypedDocumentString(`
    mutation PublishDefenseSubmission($id: ID!) {
  publishDefenseSubmission(id: $id) {
    id
    published
  }
}
    `) as unknown as TypedDocumentString<PublishDefenseSubmissionMutation, PublishDefenseSubmissionMutationVariables>;