/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer { organization { id slug name } member { id name role } }\n  }\n": typeof types.ViewerDocument,
    "\n  query Datasets {\n    datasets { id slug name numClasses shape trainSize testSize source description }\n  }\n": typeof types.DatasetsDocument,
    "\n  query Algorithms {\n    algorithms { id slug name description defaults }\n  }\n": typeof types.AlgorithmsDocument,
    "\n  query Densities {\n    densities { id slug expression label description integral builtin }\n  }\n": typeof types.DensitiesDocument,
    "\n  query Attacks($first: Int) {\n    attacks(first: $first) { edges { node { id slug version kind name description params createdAt } } }\n  }\n": typeof types.AttacksDocument,
    "\n  query Defenses {\n    defenses { id slug version kind name description params createdAt }\n  }\n": typeof types.DefensesDocument,
    "\n  mutation CreateAttack($input: CreateAttackInput!) {\n    createAttack(input: $input) { id slug version }\n  }\n": typeof types.CreateAttackDocument,
    "\n  query Experiments($first: Int, $after: String) {\n    experiments(first: $first, after: $after) {\n      edges { node { id name visibility preset status trialCount createdAt progress { queued running succeeded failed cancelled total } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ExperimentsDocument,
    "\n  query Experiment($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    experiment(id: $id) {\n      id name description visibility preset status trialCount seedBase matrix createdAt\n      progress { queued running succeeded failed cancelled total }\n      cells(rows: $rows, columns: $columns) {\n        row column successes trials wilsonLow wilsonHigh cleanAccuracy\n        reported { successes trials }\n      }\n      pairs: cells(rows: [SOURCE_CLASS], columns: [TARGET_CLASS]) { row column successes trials }\n    }\n  }\n": typeof types.ExperimentDocument,
    "\n  query ExperimentTrials($id: ID!, $first: Int) {\n    experiment(id: $id) {\n      id\n      trials(first: $first) { edges { node { id ordinal dataset labels algorithm rate density attackKind defenseKind replicate seed status result { success } } } }\n    }\n  }\n": typeof types.ExperimentTrialsDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) { id trialCount }\n  }\n": typeof types.CreateExperimentDocument,
    "\n  query Trial($id: ID!) {\n    trial(id: $id) {\n      id ordinal dataset labels algorithm rate density attackKind defenseKind replicate seed config status attempts progress\n      worker backend error sourceIndex targetIndex targetClass targetLabel startedAt finishedAt\n      experiment { id name }\n      result { success targetPrediction targetConfidence cleanAccuracy poisonCount propagation detection timings backend configHash }\n      artifacts { id kind mime sha256 size }\n    }\n  }\n": typeof types.TrialDocument,
    "\n  query Artifact($id: ID!) {\n    artifact(id: $id) { id mime sha256 dataBase64 }\n  }\n": typeof types.ArtifactDocument,
    "\n  query Leaderboard($filter: LeaderboardFilter) {\n    leaderboard(filter: $filter) {\n      attack { id slug name kind version }\n      successes trials wilsonLow wilsonHigh\n      reported { successes trials }\n    }\n    datasets { slug name }\n    algorithms { slug name }\n  }\n": typeof types.LeaderboardDocument,
    "\n  query LaunchOptions {\n    datasets { slug name numClasses }\n    algorithms { slug name }\n    densities { slug label expression }\n    attacks(first: 100) { edges { node { id slug name version kind } } }\n    defenses { id slug name version kind }\n  }\n": typeof types.LaunchOptionsDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer { organization { id slug name } member { id name role } }\n  }\n": types.ViewerDocument,
    "\n  query Datasets {\n    datasets { id slug name numClasses shape trainSize testSize source description }\n  }\n": types.DatasetsDocument,
    "\n  query Algorithms {\n    algorithms { id slug name description defaults }\n  }\n": types.AlgorithmsDocument,
    "\n  query Densities {\n    densities { id slug expression label description integral builtin }\n  }\n": types.DensitiesDocument,
    "\n  query Attacks($first: Int) {\n    attacks(first: $first) { edges { node { id slug version kind name description params createdAt } } }\n  }\n": types.AttacksDocument,
    "\n  query Defenses {\n    defenses { id slug version kind name description params createdAt }\n  }\n": types.DefensesDocument,
    "\n  mutation CreateAttack($input: CreateAttackInput!) {\n    createAttack(input: $input) { id slug version }\n  }\n": types.CreateAttackDocument,
    "\n  query Experiments($first: Int, $after: String) {\n    experiments(first: $first, after: $after) {\n      edges { node { id name visibility preset status trialCount createdAt progress { queued running succeeded failed cancelled total } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ExperimentsDocument,
    "\n  query Experiment($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    experiment(id: $id) {\n      id name description visibility preset status trialCount seedBase matrix createdAt\n      progress { queued running succeeded failed cancelled total }\n      cells(rows: $rows, columns: $columns) {\n        row column successes trials wilsonLow wilsonHigh cleanAccuracy\n        reported { successes trials }\n      }\n      pairs: cells(rows: [SOURCE_CLASS], columns: [TARGET_CLASS]) { row column successes trials }\n    }\n  }\n": types.ExperimentDocument,
    "\n  query ExperimentTrials($id: ID!, $first: Int) {\n    experiment(id: $id) {\n      id\n      trials(first: $first) { edges { node { id ordinal dataset labels algorithm rate density attackKind defenseKind replicate seed status result { success } } } }\n    }\n  }\n": types.ExperimentTrialsDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) { id trialCount }\n  }\n": types.CreateExperimentDocument,
    "\n  query Trial($id: ID!) {\n    trial(id: $id) {\n      id ordinal dataset labels algorithm rate density attackKind defenseKind replicate seed config status attempts progress\n      worker backend error sourceIndex targetIndex targetClass targetLabel startedAt finishedAt\n      experiment { id name }\n      result { success targetPrediction targetConfidence cleanAccuracy poisonCount propagation detection timings backend configHash }\n      artifacts { id kind mime sha256 size }\n    }\n  }\n": types.TrialDocument,
    "\n  query Artifact($id: ID!) {\n    artifact(id: $id) { id mime sha256 dataBase64 }\n  }\n": types.ArtifactDocument,
    "\n  query Leaderboard($filter: LeaderboardFilter) {\n    leaderboard(filter: $filter) {\n      attack { id slug name kind version }\n      successes trials wilsonLow wilsonHigh\n      reported { successes trials }\n    }\n    datasets { slug name }\n    algorithms { slug name }\n  }\n": types.LeaderboardDocument,
    "\n  query LaunchOptions {\n    datasets { slug name numClasses }\n    algorithms { slug name }\n    densities { slug label expression }\n    attacks(first: 100) { edges { node { id slug name version kind } } }\n    defenses { id slug name version kind }\n  }\n": types.LaunchOptionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer { organization { id slug name } member { id name role } }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Datasets {\n    datasets { id slug name numClasses shape trainSize testSize source description }\n  }\n"): typeof import('./graphql').DatasetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Algorithms {\n    algorithms { id slug name description defaults }\n  }\n"): typeof import('./graphql').AlgorithmsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Densities {\n    densities { id slug expression label description integral builtin }\n  }\n"): typeof import('./graphql').DensitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Attacks($first: Int) {\n    attacks(first: $first) { edges { node { id slug version kind name description params createdAt } } }\n  }\n"): typeof import('./graphql').AttacksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Defenses {\n    defenses { id slug version kind name description params createdAt }\n  }\n"): typeof import('./graphql').DefensesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAttack($input: CreateAttackInput!) {\n    createAttack(input: $input) { id slug version }\n  }\n"): typeof import('./graphql').CreateAttackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiments($first: Int, $after: String) {\n    experiments(first: $first, after: $after) {\n      edges { node { id name visibility preset status trialCount createdAt progress { queued running succeeded failed cancelled total } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').ExperimentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiment($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    experiment(id: $id) {\n      id name description visibility preset status trialCount seedBase matrix createdAt\n      progress { queued running succeeded failed cancelled total }\n      cells(rows: $rows, columns: $columns) {\n        row column successes trials wilsonLow wilsonHigh cleanAccuracy\n        reported { successes trials }\n      }\n      pairs: cells(rows: [SOURCE_CLASS], columns: [TARGET_CLASS]) { row column successes trials }\n    }\n  }\n"): typeof import('./graphql').ExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentTrials($id: ID!, $first: Int) {\n    experiment(id: $id) {\n      id\n      trials(first: $first) { edges { node { id ordinal dataset labels algorithm rate density attackKind defenseKind replicate seed status result { success } } } }\n    }\n  }\n"): typeof import('./graphql').ExperimentTrialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) { id trialCount }\n  }\n"): typeof import('./graphql').CreateExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trial($id: ID!) {\n    trial(id: $id) {\n      id ordinal dataset labels algorithm rate density attackKind defenseKind replicate seed config status attempts progress\n      worker backend error sourceIndex targetIndex targetClass targetLabel startedAt finishedAt\n      experiment { id name }\n      result { success targetPrediction targetConfidence cleanAccuracy poisonCount propagation detection timings backend configHash }\n      artifacts { id kind mime sha256 size }\n    }\n  }\n"): typeof import('./graphql').TrialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Artifact($id: ID!) {\n    artifact(id: $id) { id mime sha256 dataBase64 }\n  }\n"): typeof import('./graphql').ArtifactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaderboard($filter: LeaderboardFilter) {\n    leaderboard(filter: $filter) {\n      attack { id slug name kind version }\n      successes trials wilsonLow wilsonHigh\n      reported { successes trials }\n    }\n    datasets { slug name }\n    algorithms { slug name }\n  }\n"): typeof import('./graphql').LeaderboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaunchOptions {\n    datasets { slug name numClasses }\n    algorithms { slug name }\n    densities { slug label expression }\n    attacks(first: 100) { edges { node { id slug name version kind } } }\n    defenses { id slug name version kind }\n  }\n"): typeof import('./graphql').LaunchOptionsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
