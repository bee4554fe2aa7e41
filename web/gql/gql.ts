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
    "\n  query Attacks($first: Int!) {\n    attacks(first: $first) { edges { node { id slug version kind name description params createdAt organization { name } } } }\n  }\n": typeof types.AttacksDocument,
    "\n  query Defenses($first: Int!) {\n    defenses(first: $first) { edges { node { id slug version kind name description params createdAt organization { name } } } }\n  }\n": typeof types.DefensesDocument,
    "\n  mutation CreateAttack($input: CreateAttackInput!) {\n    createAttack(input: $input) { id slug version }\n  }\n": typeof types.CreateAttackDocument,
    "\n  mutation CreateDensity($input: CreateDensityInput!) {\n    createDensity(input: $input) { id slug label }\n  }\n": typeof types.CreateDensityDocument,
    "\n  query Experiments($first: Int!, $after: String) {\n    experiments(first: $first, after: $after) {\n      edges { node { id name visibility preset status trialCount createdAt organization { name } statusCounts { status count } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ExperimentsDocument,
    "\n  query Experiment($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    datasets { slug numClasses }\n    experiment(id: $id) {\n      id name description visibility preset status trialCount seedBase createdAt\n      organization { name }\n      statusCounts { status count }\n      matrix(rows: $rows, columns: $columns) {\n        cells {\n          row column rowLabels columnLabels successes trials scheduled wilsonLow wilsonHigh cleanAccuracyMean\n          paper { successes trials publication table }\n        }\n      }\n      trials(first: 100) {\n        edges { node { id ordinal dataset labels algorithm rate density attackKind defenseKind seed status targetClass targetLabel result { success } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ExperimentDocument,
    "\n  query ExperimentMatrix($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    experiment(id: $id) {\n      id\n      matrix(rows: $rows, columns: $columns) {\n        cells {\n          row column rowLabels columnLabels successes trials scheduled wilsonLow wilsonHigh cleanAccuracyMean\n          paper { successes trials publication table }\n        }\n      }\n    }\n  }\n": typeof types.ExperimentMatrixDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) { experiment { id } trialCount }\n  }\n": typeof types.CreateExperimentDocument,
    "\n  query Trial($id: ID!) {\n    trial(id: $id) {\n      id ordinal dataset labels algorithm rate density attackKind defenseKind replicate seed config status attempts progress\n      worker backend error sourceIndex targetIndex targetClass targetLabel startedAt finishedAt\n      experiment { id name }\n      attack { id name slug version }\n      defense { id name slug version }\n      command configHash\n      result {\n        success targetPrediction targetConfidence cleanAccuracy poisonCount poisonShareAtTarget propagation detection timings backend configHash\n        attackMetrics seed config codeVersion datasetSha256 worker\n      }\n      artifacts { id kind mime sha256 size }\n    }\n  }\n": typeof types.TrialDocument,
    "\n  query TrialArtifact($trial: ID!) {\n    trial(id: $trial) { id artifacts { id mime sha256 base64 } }\n  }\n": typeof types.TrialArtifactDocument,
    "\n  query Leaderboard($filter: MatrixFilter) {\n    experiments(first: 50) {\n      edges {\n        node {\n          id name\n          matrix(rows: [ATTACK, DATASET, LABELS, ALGORITHM, RATE], filter: $filter) {\n            cells { row rowLabels successes trials paper { successes trials } }\n          }\n        }\n      }\n    }\n    datasets { slug name }\n    algorithms { slug name }\n  }\n": typeof types.LeaderboardDocument,
    "\n  query LaunchOptions {\n    datasets { slug name numClasses }\n    algorithms { slug name }\n    densities { slug label expression }\n    attacks(first: 100) { edges { node { id slug name version kind } } }\n    defenses(first: 100) { edges { node { id slug name version kind } } }\n  }\n": typeof types.LaunchOptionsDocument,
    "\n  query ExperimentTrialPairs($id: ID!, $after: String) {\n    experiment(id: $id) {\n      id\n      trials(first: 100, after: $after) {\n        edges { node { id targetClass targetLabel result { success } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ExperimentTrialPairsDocument,
    "\n  query TrialContract {\n    trialContract {\n      attacks { kind enumName description parameters { ...ContractParameterFields } }\n      overrides { ...ContractParameterFields }\n      densityAttackKinds\n    }\n  }\n  fragment ContractParameterFields on ContractParameter {\n    name type description min max exclusiveMin exclusiveMax default defaultByPreset values\n  }\n": typeof types.TrialContractDocument,
    "\n  query PreviewExperiment($input: CreateExperimentInput!) {\n    previewExperiment(input: $input) { trialCount maxTrials }\n  }\n": typeof types.PreviewExperimentDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer { organization { id slug name } member { id name role } }\n  }\n": types.ViewerDocument,
    "\n  query Datasets {\n    datasets { id slug name numClasses shape trainSize testSize source description }\n  }\n": types.DatasetsDocument,
    "\n  query Algorithms {\n    algorithms { id slug name description defaults }\n  }\n": types.AlgorithmsDocument,
    "\n  query Densities {\n    densities { id slug expression label description integral builtin }\n  }\n": types.DensitiesDocument,
    "\n  query Attacks($first: Int!) {\n    attacks(first: $first) { edges { node { id slug version kind name description params createdAt organization { name } } } }\n  }\n": types.AttacksDocument,
    "\n  query Defenses($first: Int!) {\n    defenses(first: $first) { edges { node { id slug version kind name description params createdAt organization { name } } } }\n  }\n": types.DefensesDocument,
    "\n  mutation CreateAttack($input: CreateAttackInput!) {\n    createAttack(input: $input) { id slug version }\n  }\n": types.CreateAttackDocument,
    "\n  mutation CreateDensity($input: CreateDensityInput!) {\n    createDensity(input: $input) { id slug label }\n  }\n": types.CreateDensityDocument,
    "\n  query Experiments($first: Int!, $after: String) {\n    experiments(first: $first, after: $after) {\n      edges { node { id name visibility preset status trialCount createdAt organization { name } statusCounts { status count } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ExperimentsDocument,
    "\n  query Experiment($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    datasets { slug numClasses }\n    experiment(id: $id) {\n      id name description visibility preset status trialCount seedBase createdAt\n      organization { name }\n      statusCounts { status count }\n      matrix(rows: $rows, columns: $columns) {\n        cells {\n          row column rowLabels columnLabels successes trials scheduled wilsonLow wilsonHigh cleanAccuracyMean\n          paper { successes trials publication table }\n        }\n      }\n      trials(first: 100) {\n        edges { node { id ordinal dataset labels algorithm rate density attackKind defenseKind seed status targetClass targetLabel result { success } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ExperimentDocument,
    "\n  query ExperimentMatrix($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    experiment(id: $id) {\n      id\n      matrix(rows: $rows, columns: $columns) {\n        cells {\n          row column rowLabels columnLabels successes trials scheduled wilsonLow wilsonHigh cleanAccuracyMean\n          paper { successes trials publication table }\n        }\n      }\n    }\n  }\n": types.ExperimentMatrixDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) { experiment { id } trialCount }\n  }\n": types.CreateExperimentDocument,
    "\n  query Trial($id: ID!) {\n    trial(id: $id) {\n      id ordinal dataset labels algorithm rate density attackKind defenseKind replicate seed config status attempts progress\n      worker backend error sourceIndex targetIndex targetClass targetLabel startedAt finishedAt\n      experiment { id name }\n      attack { id name slug version }\n      defense { id name slug version }\n      command configHash\n      result {\n        success targetPrediction targetConfidence cleanAccuracy poisonCount poisonShareAtTarget propagation detection timings backend configHash\n        attackMetrics seed config codeVersion datasetSha256 worker\n      }\n      artifacts { id kind mime sha256 size }\n    }\n  }\n": types.TrialDocument,
    "\n  query TrialArtifact($trial: ID!) {\n    trial(id: $trial) { id artifacts { id mime sha256 base64 } }\n  }\n": types.TrialArtifactDocument,
    "\n  query Leaderboard($filter: MatrixFilter) {\n    experiments(first: 50) {\n      edges {\n        node {\n          id name\n          matrix(rows: [ATTACK, DATASET, LABELS, ALGORITHM, RATE], filter: $filter) {\n            cells { row rowLabels successes trials paper { successes trials } }\n          }\n        }\n      }\n    }\n    datasets { slug name }\n    algorithms { slug name }\n  }\n": types.LeaderboardDocument,
    "\n  query LaunchOptions {\n    datasets { slug name numClasses }\n    algorithms { slug name }\n    densities { slug label expression }\n    attacks(first: 100) { edges { node { id slug name version kind } } }\n    defenses(first: 100) { edges { node { id slug name version kind } } }\n  }\n": types.LaunchOptionsDocument,
    "\n  query ExperimentTrialPairs($id: ID!, $after: String) {\n    experiment(id: $id) {\n      id\n      trials(first: 100, after: $after) {\n        edges { node { id targetClass targetLabel result { success } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ExperimentTrialPairsDocument,
    "\n  query TrialContract {\n    trialContract {\n      attacks { kind enumName description parameters { ...ContractParameterFields } }\n      overrides { ...ContractParameterFields }\n      densityAttackKinds\n    }\n  }\n  fragment ContractParameterFields on ContractParameter {\n    name type description min max exclusiveMin exclusiveMax default defaultByPreset values\n  }\n": types.TrialContractDocument,
    "\n  query PreviewExperiment($input: CreateExperimentInput!) {\n    previewExperiment(input: $input) { trialCount maxTrials }\n  }\n": types.PreviewExperimentDocument,
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
export function graphql(source: "\n  query Attacks($first: Int!) {\n    attacks(first: $first) { edges { node { id slug version kind name description params createdAt organization { name } } } }\n  }\n"): typeof import('./graphql').AttacksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Defenses($first: Int!) {\n    defenses(first: $first) { edges { node { id slug version kind name description params createdAt organization { name } } } }\n  }\n"): typeof import('./graphql').DefensesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAttack($input: CreateAttackInput!) {\n    createAttack(input: $input) { id slug version }\n  }\n"): typeof import('./graphql').CreateAttackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDensity($input: CreateDensityInput!) {\n    createDensity(input: $input) { id slug label }\n  }\n"): typeof import('./graphql').CreateDensityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiments($first: Int!, $after: String) {\n    experiments(first: $first, after: $after) {\n      edges { node { id name visibility preset status trialCount createdAt organization { name } statusCounts { status count } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').ExperimentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiment($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    datasets { slug numClasses }\n    experiment(id: $id) {\n      id name description visibility preset status trialCount seedBase createdAt\n      organization { name }\n      statusCounts { status count }\n      matrix(rows: $rows, columns: $columns) {\n        cells {\n          row column rowLabels columnLabels successes trials scheduled wilsonLow wilsonHigh cleanAccuracyMean\n          paper { successes trials publication table }\n        }\n      }\n      trials(first: 100) {\n        edges { node { id ordinal dataset labels algorithm rate density attackKind defenseKind seed status targetClass targetLabel result { success } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql').ExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentMatrix($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    experiment(id: $id) {\n      id\n      matrix(rows: $rows, columns: $columns) {\n        cells {\n          row column rowLabels columnLabels successes trials scheduled wilsonLow wilsonHigh cleanAccuracyMean\n          paper { successes trials publication table }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ExperimentMatrixDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) { experiment { id } trialCount }\n  }\n"): typeof import('./graphql').CreateExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trial($id: ID!) {\n    trial(id: $id) {\n      id ordinal dataset labels algorithm rate density attackKind defenseKind replicate seed config status attempts progress\n      worker backend error sourceIndex targetIndex targetClass targetLabel startedAt finishedAt\n      experiment { id name }\n      attack { id name slug version }\n      defense { id name slug version }\n      command configHash\n      result {\n        success targetPrediction targetConfidence cleanAccuracy poisonCount poisonShareAtTarget propagation detection timings backend configHash\n        attackMetrics seed config codeVersion datasetSha256 worker\n      }\n      artifacts { id kind mime sha256 size }\n    }\n  }\n"): typeof import('./graphql').TrialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialArtifact($trial: ID!) {\n    trial(id: $trial) { id artifacts { id mime sha256 base64 } }\n  }\n"): typeof import('./graphql').TrialArtifactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaderboard($filter: MatrixFilter) {\n    experiments(first: 50) {\n      edges {\n        node {\n          id name\n          matrix(rows: [ATTACK, DATASET, LABELS, ALGORITHM, RATE], filter: $filter) {\n            cells { row rowLabels successes trials paper { successes trials } }\n          }\n        }\n      }\n    }\n    datasets { slug name }\n    algorithms { slug name }\n  }\n"): typeof import('./graphql').LeaderboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaunchOptions {\n    datasets { slug name numClasses }\n    algorithms { slug name }\n    densities { slug label expression }\n    attacks(first: 100) { edges { node { id slug name version kind } } }\n    defenses(first: 100) { edges { node { id slug name version kind } } }\n  }\n"): typeof import('./graphql').LaunchOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentTrialPairs($id: ID!, $after: String) {\n    experiment(id: $id) {\n      id\n      trials(first: 100, after: $after) {\n        edges { node { id targetClass targetLabel result { success } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql').ExperimentTrialPairsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialContract {\n    trialContract {\n      attacks { kind enumName description parameters { ...ContractParameterFields } }\n      overrides { ...ContractParameterFields }\n      densityAttackKinds\n    }\n  }\n  fragment ContractParameterFields on ContractParameter {\n    name type description min max exclusiveMin exclusiveMax default defaultByPreset values\n  }\n"): typeof import('./graphql').TrialContractDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewExperiment($input: CreateExperimentInput!) {\n    previewExperiment(input: $input) { trialCount maxTrials }\n  }\n"): typeof import('./graphql').PreviewExperimentDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
