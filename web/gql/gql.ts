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
    "\n  mutation CreateSession {\n    createSession { token expiresAt }\n  }\n": typeof types.CreateSessionDocument,
    "\n  mutation EndSession {\n    endSession\n  }\n": typeof types.EndSessionDocument,
    "\n  query Datasets {\n    datasets { id slug name numClasses shape trainSize testSize source description }\n  }\n": typeof types.DatasetsDocument,
    "\n  query Algorithms {\n    algorithms { id slug name description defaults }\n  }\n": typeof types.AlgorithmsDocument,
    "\n  query Densities {\n    densities(first: 100) { edges { node { id slug expression label description integral builtin } } }\n  }\n": typeof types.DensitiesDocument,
    "\n  query Attacks($first: Int!) {\n    attacks(first: $first) { edges { node { id slug version kind name description params createdAt organization { name } } } }\n  }\n": typeof types.AttacksDocument,
    "\n  query Defenses($first: Int!) {\n    defenses(first: $first) { edges { node { id slug version kind name description params createdAt organization { name } } } }\n  }\n": typeof types.DefensesDocument,
    "\n  mutation CreateAttack($input: CreateAttackInput!) {\n    createAttack(input: $input) { id slug version }\n  }\n": typeof types.CreateAttackDocument,
    "\n  mutation CreateDensity($input: CreateDensityInput!) {\n    createDensity(input: $input) { id slug label }\n  }\n": typeof types.CreateDensityDocument,
    "\n  query Experiments($first: Int!, $after: String, $search: String, $organizationId: ID, $attack: String, $dataset: String, $status: ExperimentStatus) {\n    organizations { id name }\n    datasets { slug name }\n    trialContract { attacks { kind } }\n    experiments(first: $first, after: $after, search: $search, organizationId: $organizationId, attack: $attack, dataset: $dataset, status: $status) {\n      edges { node { id name visibility preset status trialCount createdAt organization { name } statusCounts { status count } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ExperimentsDocument,
    "\n  query Experiment($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    datasets { slug numClasses }\n    experiment(id: $id) {\n      id name description visibility preset status trialCount seedBase createdAt spec\n      organization { id name }\n      citation { key permalink bibtex reference }\n      statusCounts { status count }\n      progress { queued running succeeded failed cancelled total etaSeconds trialsPerMinute updatedAt }\n      matrix(rows: $rows, columns: $columns) {\n        cells {\n          row column rowLabels columnLabels successes trials scheduled wilsonLow wilsonHigh cleanAccuracyMean\n          withoutDefense { successes trials wilsonLow wilsonHigh cleanAccuracyMean }\n          detection { rocAucMean tprAt5FprMean poisonsRemoved poisons cleanRemoved clean }\n          paper { successes trials publication table }\n        }\n      }\n      trials(first: 100) {\n        edges { node { id ordinal dataset labels algorithm rate density attackKind defenseKind seed status error targetClass targetLabel result { success } } }\n        pageInfo { hasNextPage endCursor }\n      }\n      failedTrials: trials(first: 100, status: FAILED) {\n        edges { node { id ordinal dataset algorithm attackKind error } }\n      }\n    }\n  }\n": typeof types.ExperimentDocument,
    "\n  query ExperimentMatrix($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    experiment(id: $id) {\n      id\n      matrix(rows: $rows, columns: $columns) {\n        cells {\n          row column rowLabels columnLabels successes trials scheduled wilsonLow wilsonHigh cleanAccuracyMean\n          withoutDefense { successes trials wilsonLow wilsonHigh cleanAccuracyMean }\n          detection { rocAucMean tprAt5FprMean poisonsRemoved poisons cleanRemoved clean }\n          paper { successes trials publication table }\n        }\n      }\n    }\n  }\n": typeof types.ExperimentMatrixDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) { experiment { id } trialCount }\n  }\n": typeof types.CreateExperimentDocument,
    "\n  query Trial($id: ID!) {\n    trial(id: $id) {\n      id ordinal dataset labels algorithm rate density attackKind defenseKind replicate seed config status attempts progress\n      worker backend error sourceIndex targetIndex targetClass targetLabel startedAt finishedAt\n      experiment { id name }\n      attack { id name slug version }\n      defense { id name slug version }\n      command configHash\n      result {\n        success targetPrediction targetConfidence cleanAccuracy poisonCount poisonShareAtTarget propagation detection timings backend configHash\n        attackMetrics seed config codeVersion datasetSha256 worker\n      }\n      artifacts { id kind mime sha256 size }\n    }\n  }\n": typeof types.TrialDocument,
    "\n  query TrialArtifact($trial: ID!) {\n    trial(id: $trial) { id artifacts { id mime sha256 base64 } }\n  }\n": typeof types.TrialArtifactDocument,
    "\n  query Leaderboard($filter: LeaderboardFilter, $sort: LeaderboardSort, $direction: SortDirection, $after: String, $includeNearChance: Boolean) {\n    leaderboard(first: 50, filter: $filter, sort: $sort, direction: $direction, after: $after, includeNearChance: $includeNearChance) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          key rank attack attackId attackSlug attackVersion dataset labels algorithm rate density densityLabel defense preset\n          successes trials successRate wilsonLow wilsonHigh nearChanceTrials defenseKind\n          withoutDefense { successes trials successRate wilsonLow wilsonHigh }\n          experimentCount organizationCount experiments { id name organization }\n          paper { successes trials publication table }\n        }\n      }\n    }\n    datasets { slug name }\n    algorithms { slug name }\n  }\n": typeof types.LeaderboardDocument,
    "\n  query ExperimentExport($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    experiment(id: $id) { id matrix(rows: $rows, columns: $columns) { csv json latex } }\n  }\n": typeof types.ExperimentExportDocument,
    "\n  query Publications {\n    publications {\n      id slug title authors venue year arxiv citation bibtex permalink\n      reportedResults { id tableKey rowKey columnKey dataset labels algorithm rate density attackKind successes trials }\n      reproductions { reportedResultId attack preset successes trials wilsonLow wilsonHigh nearChanceTrials experimentCount }\n    }\n  }\n": typeof types.PublicationsDocument,
    "\n  query TrialManifest($id: ID!) { trial(id: $id) { id manifest } }\n": typeof types.TrialManifestDocument,
    "\n  query AttackVersions($slug: String!) {\n    attacks(slug: $slug, first: 100) { edges { node { id slug version kind name description params createdAt publication { slug title } } } }\n  }\n": typeof types.AttackVersionsDocument,
    "\n  query LaunchOptions {\n    datasets { slug name numClasses }\n    algorithms { slug name }\n    densities(first: 100) { edges { node { slug label expression } } }\n    attacks(first: 100) { edges { node { id slug name version kind } } }\n    defenses(first: 100) { edges { node { id slug name version kind } } }\n  }\n": typeof types.LaunchOptionsDocument,
    "\n  query ExperimentTrialPairs($id: ID!, $after: String) {\n    experiment(id: $id) {\n      id\n      trials(first: 100, after: $after) {\n        edges { node { id targetClass targetLabel result { success } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ExperimentTrialPairsDocument,
    "\n  query TrialContract {\n    trialContract {\n      attacks { kind enumName description parameters { ...ContractParameterFields } }\n      overrides { ...ContractParameterFields }\n      densityAttackKinds\n    }\n  }\n  fragment ContractParameterFields on ContractParameter {\n    name type description min max exclusiveMin exclusiveMax default defaultByPreset values\n  }\n": typeof types.TrialContractDocument,
    "\n  query PreviewExperiment($input: CreateExperimentInput!) {\n    previewExperiment(input: $input) { trialCount maxTrials }\n  }\n": typeof types.PreviewExperimentDocument,
    "\n  query ExperimentProgress($id: ID!) {\n    experimentProgress(id: $id) { queued running succeeded failed cancelled total etaSeconds trialsPerMinute updatedAt }\n  }\n": typeof types.ExperimentProgressDocument,
    "\n  mutation CancelExperiment($id: ID!) {\n    cancelExperiment(id: $id) { id status }\n  }\n": typeof types.CancelExperimentDocument,
    "\n  mutation RetryFailedTrials($experimentId: ID!) {\n    retryFailedTrials(experimentId: $experimentId) { id status }\n  }\n": typeof types.RetryFailedTrialsDocument,
    "\n  mutation ReproduceTrial($trialId: ID!, $organizationId: ID!) {\n    reproduceTrial(trialId: $trialId, organizationId: $organizationId) { experiment { id } }\n  }\n": typeof types.ReproduceTrialDocument,
    "\n  query Benchmarks {\n    benchmarks { id slug version name description devSeeds testReplicates createdAt }\n  }\n": typeof types.BenchmarksDocument,
    "\n  query Benchmark($slug: String!) {\n    benchmark(slug: $slug) {\n      id slug version name description license config devSeeds testReplicates testReplicateIds createdAt\n      downloads { split path fileName sizeBytes sha256 replicates }\n      leaderboard { rank submissionId label kind kindLabel baseline defenseKind team successes trials successRate successLow successHigh auc tprAt1 tprAt5 cleanAccuracy cleanAccuracyDrop removedPoisons removedClean submittedAt }\n      pendingBaselines { id label kindLabel progress { done total } }\n      baselines { id label baseline kindLabel status auc tprAt1 successes trials cleanAccuracy progress { done total } }\n      mySubmissions { id label kindLabel status auc successes trials published createdAt }\n    }\n  }\n": typeof types.BenchmarkDocument,
    "\n  query DefenseSubmission($id: ID!) {\n    defenseSubmission(id: $id) {\n      id kind kindLabel baseline defense { kind params } label status failureReason failureKind fileName fileSha256 fileBytes removalFraction auc tprAt1 tprAt5\n      removedPoisons removedClean replicates successes trials cleanAccuracy published publishedAt createdAt scoredAt\n      organization { id name }\n      benchmark { slug version name }\n      progress { done total }\n      replicateScores { replicate auc tprAt1 tprAt5 removedPoisons removedClean poisons clean success cleanAccuracy histogram { edges poisons benign } }\n    }\n  }\n": typeof types.DefenseSubmissionDocument,
    "\n  mutation SubmitDefenseScores($input: SubmitDefenseScoresInput!) {\n    submitDefenseScores(input: $input) { id }\n  }\n": typeof types.SubmitDefenseScoresDocument,
    "\n  mutation SubmitVerifiedRun($input: SubmitVerifiedRunInput!) {\n    submitVerifiedRun(input: $input) { id }\n  }\n": typeof types.SubmitVerifiedRunDocument,
    "\n  query VerifiedRunDefenses($slug: String!) {\n    benchmark(slug: $slug) { verifiedRunDefenses { kind description parameters { ...ContractParameterFields } } }\n  }\n": typeof types.VerifiedRunDefensesDocument,
    "\n  mutation PublishDefenseSubmission($id: ID!) {\n    publishDefenseSubmission(id: $id) { id published }\n  }\n": typeof types.PublishDefenseSubmissionDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer { organization { id slug name } member { id name role } }\n  }\n": types.ViewerDocument,
    "\n  mutation CreateSession {\n    createSession { token expiresAt }\n  }\n": types.CreateSessionDocument,
    "\n  mutation EndSession {\n    endSession\n  }\n": types.EndSessionDocument,
    "\n  query Datasets {\n    datasets { id slug name numClasses shape trainSize testSize source description }\n  }\n": types.DatasetsDocument,
    "\n  query Algorithms {\n    algorithms { id slug name description defaults }\n  }\n": types.AlgorithmsDocument,
    "\n  query Densities {\n    densities(first: 100) { edges { node { id slug expression label description integral builtin } } }\n  }\n": types.DensitiesDocument,
    "\n  query Attacks($first: Int!) {\n    attacks(first: $first) { edges { node { id slug version kind name description params createdAt organization { name } } } }\n  }\n": types.AttacksDocument,
    "\n  query Defenses($first: Int!) {\n    defenses(first: $first) { edges { node { id slug version kind name description params createdAt organization { name } } } }\n  }\n": types.DefensesDocument,
    "\n  mutation CreateAttack($input: CreateAttackInput!) {\n    createAttack(input: $input) { id slug version }\n  }\n": types.CreateAttackDocument,
    "\n  mutation CreateDensity($input: CreateDensityInput!) {\n    createDensity(input: $input) { id slug label }\n  }\n": types.CreateDensityDocument,
    "\n  query Experiments($first: Int!, $after: String, $search: String, $organizationId: ID, $attack: String, $dataset: String, $status: ExperimentStatus) {\n    organizations { id name }\n    datasets { slug name }\n    trialContract { attacks { kind } }\n    experiments(first: $first, after: $after, search: $search, organizationId: $organizationId, attack: $attack, dataset: $dataset, status: $status) {\n      edges { node { id name visibility preset status trialCount createdAt organization { name } statusCounts { status count } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ExperimentsDocument,
    "\n  query Experiment($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    datasets { slug numClasses }\n    experiment(id: $id) {\n      id name description visibility preset status trialCount seedBase createdAt spec\n      organization { id name }\n      citation { key permalink bibtex reference }\n      statusCounts { status count }\n      progress { queued running succeeded failed cancelled total etaSeconds trialsPerMinute updatedAt }\n      matrix(rows: $rows, columns: $columns) {\n        cells {\n          row column rowLabels columnLabels successes trials scheduled wilsonLow wilsonHigh cleanAccuracyMean\n          withoutDefense { successes trials wilsonLow wilsonHigh cleanAccuracyMean }\n          detection { rocAucMean tprAt5FprMean poisonsRemoved poisons cleanRemoved clean }\n          paper { successes trials publication table }\n        }\n      }\n      trials(first: 100) {\n        edges { node { id ordinal dataset labels algorithm rate density attackKind defenseKind seed status error targetClass targetLabel result { success } } }\n        pageInfo { hasNextPage endCursor }\n      }\n      failedTrials: trials(first: 100, status: FAILED) {\n        edges { node { id ordinal dataset algorithm attackKind error } }\n      }\n    }\n  }\n": types.ExperimentDocument,
    "\n  query ExperimentMatrix($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    experiment(id: $id) {\n      id\n      matrix(rows: $rows, columns: $columns) {\n        cells {\n          row column rowLabels columnLabels successes trials scheduled wilsonLow wilsonHigh cleanAccuracyMean\n          withoutDefense { successes trials wilsonLow wilsonHigh cleanAccuracyMean }\n          detection { rocAucMean tprAt5FprMean poisonsRemoved poisons cleanRemoved clean }\n          paper { successes trials publication table }\n        }\n      }\n    }\n  }\n": types.ExperimentMatrixDocument,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) { experiment { id } trialCount }\n  }\n": types.CreateExperimentDocument,
    "\n  query Trial($id: ID!) {\n    trial(id: $id) {\n      id ordinal dataset labels algorithm rate density attackKind defenseKind replicate seed config status attempts progress\n      worker backend error sourceIndex targetIndex targetClass targetLabel startedAt finishedAt\n      experiment { id name }\n      attack { id name slug version }\n      defense { id name slug version }\n      command configHash\n      result {\n        success targetPrediction targetConfidence cleanAccuracy poisonCount poisonShareAtTarget propagation detection timings backend configHash\n        attackMetrics seed config codeVersion datasetSha256 worker\n      }\n      artifacts { id kind mime sha256 size }\n    }\n  }\n": types.TrialDocument,
    "\n  query TrialArtifact($trial: ID!) {\n    trial(id: $trial) { id artifacts { id mime sha256 base64 } }\n  }\n": types.TrialArtifactDocument,
    "\n  query Leaderboard($filter: LeaderboardFilter, $sort: LeaderboardSort, $direction: SortDirection, $after: String, $includeNearChance: Boolean) {\n    leaderboard(first: 50, filter: $filter, sort: $sort, direction: $direction, after: $after, includeNearChance: $includeNearChance) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          key rank attack attackId attackSlug attackVersion dataset labels algorithm rate density densityLabel defense preset\n          successes trials successRate wilsonLow wilsonHigh nearChanceTrials defenseKind\n          withoutDefense { successes trials successRate wilsonLow wilsonHigh }\n          experimentCount organizationCount experiments { id name organization }\n          paper { successes trials publication table }\n        }\n      }\n    }\n    datasets { slug name }\n    algorithms { slug name }\n  }\n": types.LeaderboardDocument,
    "\n  query ExperimentExport($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    experiment(id: $id) { id matrix(rows: $rows, columns: $columns) { csv json latex } }\n  }\n": types.ExperimentExportDocument,
    "\n  query Publications {\n    publications {\n      id slug title authors venue year arxiv citation bibtex permalink\n      reportedResults { id tableKey rowKey columnKey dataset labels algorithm rate density attackKind successes trials }\n      reproductions { reportedResultId attack preset successes trials wilsonLow wilsonHigh nearChanceTrials experimentCount }\n    }\n  }\n": types.PublicationsDocument,
    "\n  query TrialManifest($id: ID!) { trial(id: $id) { id manifest } }\n": types.TrialManifestDocument,
    "\n  query AttackVersions($slug: String!) {\n    attacks(slug: $slug, first: 100) { edges { node { id slug version kind name description params createdAt publication { slug title } } } }\n  }\n": types.AttackVersionsDocument,
    "\n  query LaunchOptions {\n    datasets { slug name numClasses }\n    algorithms { slug name }\n    densities(first: 100) { edges { node { slug label expression } } }\n    attacks(first: 100) { edges { node { id slug name version kind } } }\n    defenses(first: 100) { edges { node { id slug name version kind } } }\n  }\n": types.LaunchOptionsDocument,
    "\n  query ExperimentTrialPairs($id: ID!, $after: String) {\n    experiment(id: $id) {\n      id\n      trials(first: 100, after: $after) {\n        edges { node { id targetClass targetLabel result { success } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ExperimentTrialPairsDocument,
    "\n  query TrialContract {\n    trialContract {\n      attacks { kind enumName description parameters { ...ContractParameterFields } }\n      overrides { ...ContractParameterFields }\n      densityAttackKinds\n    }\n  }\n  fragment ContractParameterFields on ContractParameter {\n    name type description min max exclusiveMin exclusiveMax default defaultByPreset values\n  }\n": types.TrialContractDocument,
    "\n  query PreviewExperiment($input: CreateExperimentInput!) {\n    previewExperiment(input: $input) { trialCount maxTrials }\n  }\n": types.PreviewExperimentDocument,
    "\n  query ExperimentProgress($id: ID!) {\n    experimentProgress(id: $id) { queued running succeeded failed cancelled total etaSeconds trialsPerMinute updatedAt }\n  }\n": types.ExperimentProgressDocument,
    "\n  mutation CancelExperiment($id: ID!) {\n    cancelExperiment(id: $id) { id status }\n  }\n": types.CancelExperimentDocument,
    "\n  mutation RetryFailedTrials($experimentId: ID!) {\n    retryFailedTrials(experimentId: $experimentId) { id status }\n  }\n": types.RetryFailedTrialsDocument,
    "\n  mutation ReproduceTrial($trialId: ID!, $organizationId: ID!) {\n    reproduceTrial(trialId: $trialId, organizationId: $organizationId) { experiment { id } }\n  }\n": types.ReproduceTrialDocument,
    "\n  query Benchmarks {\n    benchmarks { id slug version name description devSeeds testReplicates createdAt }\n  }\n": types.BenchmarksDocument,
    "\n  query Benchmark($slug: String!) {\n    benchmark(slug: $slug) {\n      id slug version name description license config devSeeds testReplicates testReplicateIds createdAt\n      downloads { split path fileName sizeBytes sha256 replicates }\n      leaderboard { rank submissionId label kind kindLabel baseline defenseKind team successes trials successRate successLow successHigh auc tprAt1 tprAt5 cleanAccuracy cleanAccuracyDrop removedPoisons removedClean submittedAt }\n      pendingBaselines { id label kindLabel progress { done total } }\n      baselines { id label baseline kindLabel status auc tprAt1 successes trials cleanAccuracy progress { done total } }\n      mySubmissions { id label kindLabel status auc successes trials published createdAt }\n    }\n  }\n": types.BenchmarkDocument,
    "\n  query DefenseSubmission($id: ID!) {\n    defenseSubmission(id: $id) {\n      id kind kindLabel baseline defense { kind params } label status failureReason failureKind fileName fileSha256 fileBytes removalFraction auc tprAt1 tprAt5\n      removedPoisons removedClean replicates successes trials cleanAccuracy published publishedAt createdAt scoredAt\n      organization { id name }\n      benchmark { slug version name }\n      progress { done total }\n      replicateScores { replicate auc tprAt1 tprAt5 removedPoisons removedClean poisons clean success cleanAccuracy histogram { edges poisons benign } }\n    }\n  }\n": types.DefenseSubmissionDocument,
    "\n  mutation SubmitDefenseScores($input: SubmitDefenseScoresInput!) {\n    submitDefenseScores(input: $input) { id }\n  }\n": types.SubmitDefenseScoresDocument,
    "\n  mutation SubmitVerifiedRun($input: SubmitVerifiedRunInput!) {\n    submitVerifiedRun(input: $input) { id }\n  }\n": types.SubmitVerifiedRunDocument,
    "\n  query VerifiedRunDefenses($slug: String!) {\n    benchmark(slug: $slug) { verifiedRunDefenses { kind description parameters { ...ContractParameterFields } } }\n  }\n": types.VerifiedRunDefensesDocument,
    "\n  mutation PublishDefenseSubmission($id: ID!) {\n    publishDefenseSubmission(id: $id) { id published }\n  }\n": types.PublishDefenseSubmissionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer { organization { id slug name } member { id name role } }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSession {\n    createSession { token expiresAt }\n  }\n"): typeof import('./graphql').CreateSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession {\n    endSession\n  }\n"): typeof import('./graphql').EndSessionDocument;
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
export function graphql(source: "\n  query Densities {\n    densities(first: 100) { edges { node { id slug expression label description integral builtin } } }\n  }\n"): typeof import('./graphql').DensitiesDocument;
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
export function graphql(source: "\n  query Experiments($first: Int!, $after: String, $search: String, $organizationId: ID, $attack: String, $dataset: String, $status: ExperimentStatus) {\n    organizations { id name }\n    datasets { slug name }\n    trialContract { attacks { kind } }\n    experiments(first: $first, after: $after, search: $search, organizationId: $organizationId, attack: $attack, dataset: $dataset, status: $status) {\n      edges { node { id name visibility preset status trialCount createdAt organization { name } statusCounts { status count } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').ExperimentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Experiment($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    datasets { slug numClasses }\n    experiment(id: $id) {\n      id name description visibility preset status trialCount seedBase createdAt spec\n      organization { id name }\n      citation { key permalink bibtex reference }\n      statusCounts { status count }\n      progress { queued running succeeded failed cancelled total etaSeconds trialsPerMinute updatedAt }\n      matrix(rows: $rows, columns: $columns) {\n        cells {\n          row column rowLabels columnLabels successes trials scheduled wilsonLow wilsonHigh cleanAccuracyMean\n          withoutDefense { successes trials wilsonLow wilsonHigh cleanAccuracyMean }\n          detection { rocAucMean tprAt5FprMean poisonsRemoved poisons cleanRemoved clean }\n          paper { successes trials publication table }\n        }\n      }\n      trials(first: 100) {\n        edges { node { id ordinal dataset labels algorithm rate density attackKind defenseKind seed status error targetClass targetLabel result { success } } }\n        pageInfo { hasNextPage endCursor }\n      }\n      failedTrials: trials(first: 100, status: FAILED) {\n        edges { node { id ordinal dataset algorithm attackKind error } }\n      }\n    }\n  }\n"): typeof import('./graphql').ExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentMatrix($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    experiment(id: $id) {\n      id\n      matrix(rows: $rows, columns: $columns) {\n        cells {\n          row column rowLabels columnLabels successes trials scheduled wilsonLow wilsonHigh cleanAccuracyMean\n          withoutDefense { successes trials wilsonLow wilsonHigh cleanAccuracyMean }\n          detection { rocAucMean tprAt5FprMean poisonsRemoved poisons cleanRemoved clean }\n          paper { successes trials publication table }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ExperimentMatrixDocument;
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
export function graphql(source: "\n  query Leaderboard($filter: LeaderboardFilter, $sort: LeaderboardSort, $direction: SortDirection, $after: String, $includeNearChance: Boolean) {\n    leaderboard(first: 50, filter: $filter, sort: $sort, direction: $direction, after: $after, includeNearChance: $includeNearChance) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          key rank attack attackId attackSlug attackVersion dataset labels algorithm rate density densityLabel defense preset\n          successes trials successRate wilsonLow wilsonHigh nearChanceTrials defenseKind\n          withoutDefense { successes trials successRate wilsonLow wilsonHigh }\n          experimentCount organizationCount experiments { id name organization }\n          paper { successes trials publication table }\n        }\n      }\n    }\n    datasets { slug name }\n    algorithms { slug name }\n  }\n"): typeof import('./graphql').LeaderboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentExport($id: ID!, $rows: [MatrixDimension!]!, $columns: [MatrixDimension!]!) {\n    experiment(id: $id) { id matrix(rows: $rows, columns: $columns) { csv json latex } }\n  }\n"): typeof import('./graphql').ExperimentExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Publications {\n    publications {\n      id slug title authors venue year arxiv citation bibtex permalink\n      reportedResults { id tableKey rowKey columnKey dataset labels algorithm rate density attackKind successes trials }\n      reproductions { reportedResultId attack preset successes trials wilsonLow wilsonHigh nearChanceTrials experimentCount }\n    }\n  }\n"): typeof import('./graphql').PublicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialManifest($id: ID!) { trial(id: $id) { id manifest } }\n"): typeof import('./graphql').TrialManifestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AttackVersions($slug: String!) {\n    attacks(slug: $slug, first: 100) { edges { node { id slug version kind name description params createdAt publication { slug title } } } }\n  }\n"): typeof import('./graphql').AttackVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaunchOptions {\n    datasets { slug name numClasses }\n    algorithms { slug name }\n    densities(first: 100) { edges { node { slug label expression } } }\n    attacks(first: 100) { edges { node { id slug name version kind } } }\n    defenses(first: 100) { edges { node { id slug name version kind } } }\n  }\n"): typeof import('./graphql').LaunchOptionsDocument;
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentProgress($id: ID!) {\n    experimentProgress(id: $id) { queued running succeeded failed cancelled total etaSeconds trialsPerMinute updatedAt }\n  }\n"): typeof import('./graphql').ExperimentProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelExperiment($id: ID!) {\n    cancelExperiment(id: $id) { id status }\n  }\n"): typeof import('./graphql').CancelExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryFailedTrials($experimentId: ID!) {\n    retryFailedTrials(experimentId: $experimentId) { id status }\n  }\n"): typeof import('./graphql').RetryFailedTrialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReproduceTrial($trialId: ID!, $organizationId: ID!) {\n    reproduceTrial(trialId: $trialId, organizationId: $organizationId) { experiment { id } }\n  }\n"): typeof import('./graphql').ReproduceTrialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Benchmarks {\n    benchmarks { id slug version name description devSeeds testReplicates createdAt }\n  }\n"): typeof import('./graphql').BenchmarksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Benchmark($slug: String!) {\n    benchmark(slug: $slug) {\n      id slug version name description license config devSeeds testReplicates testReplicateIds createdAt\n      downloads { split path fileName sizeBytes sha256 replicates }\n      leaderboard { rank submissionId label kind kindLabel baseline defenseKind team successes trials successRate successLow successHigh auc tprAt1 tprAt5 cleanAccuracy cleanAccuracyDrop removedPoisons removedClean submittedAt }\n      pendingBaselines { id label kindLabel progress { done total } }\n      baselines { id label baseline kindLabel status auc tprAt1 successes trials cleanAccuracy progress { done total } }\n      mySubmissions { id label kindLabel status auc successes trials published createdAt }\n    }\n  }\n"): typeof import('./graphql').BenchmarkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DefenseSubmission($id: ID!) {\n    defenseSubmission(id: $id) {\n      id kind kindLabel baseline defense { kind params } label status failureReason failureKind fileName fileSha256 fileBytes removalFraction auc tprAt1 tprAt5\n      removedPoisons removedClean replicates successes trials cleanAccuracy published publishedAt createdAt scoredAt\n      organization { id name }\n      benchmark { slug version name }\n      progress { done total }\n      replicateScores { replicate auc tprAt1 tprAt5 removedPoisons removedClean poisons clean success cleanAccuracy histogram { edges poisons benign } }\n    }\n  }\n"): typeof import('./graphql').DefenseSubmissionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitDefenseScores($input: SubmitDefenseScoresInput!) {\n    submitDefenseScores(input: $input) { id }\n  }\n"): typeof import('./graphql').SubmitDefenseScoresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitVerifiedRun($input: SubmitVerifiedRunInput!) {\n    submitVerifiedRun(input: $input) { id }\n  }\n"): typeof import('./graphql').SubmitVerifiedRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifiedRunDefenses($slug: String!) {\n    benchmark(slug: $slug) { verifiedRunDefenses { kind description parameters { ...ContractParameterFields } } }\n  }\n"): typeof import('./graphql').VerifiedRunDefensesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishDefenseSubmission($id: ID!) {\n    publishDefenseSubmission(id: $id) { id published }\n  }\n"): typeof import('./graphql').PublishDefenseSubmissionDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
