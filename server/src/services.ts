import { DataSource } from 'typeorm';
import { Config, loadConfig } from './config/config';
import { OrganizationService } from './modules/organization/organization.service';
import { CatalogueService } from './modules/catalogue/catalogue.service';
import { AttackService } from './modules/attack/attack.service';
import { DefenseService } from './modules/defense/defense.service';
import { ExperimentService } from './modules/experiment/experiment.service';
import { MatrixService } from './modules/experiment/matrix.service';
import { TrialResultService, TrialService } from './modules/trial/trial-result.service';
import { ExperimentExportService } from './modules/experiment/experiment-export.service';
import { TrialEvidenceService } from './modules/trial/trial-evidence.service';
import { LeaderboardService } from './modules/leaderboard/leaderboard.service';
import { ReadCache } from './common/read-cache';
import { BenchmarkService } from './modules/benchmark/benchmark.service';
import { SubmissionService } from './modules/benchmark/submission.service';
import { BaselineService } from './modules/benchmark/submission-baselines';
import { DefenseBoard } from './modules/benchmark/defense-leaderboard';

/** All services over one DataSource. Built once per process; the worker can build its own with the same call. */
export function createServices(ds: DataSource, config: Pick<Config, 'maxTrials'> & Partial<Config>) {
  // Off until startServer makes it listen for result notifications (a worker process never serves cached reads).
  const cache = new ReadCache();
  const experiments = new ExperimentService(ds, config);
  const matrix = new MatrixService(ds, cache);
  const benchmarks = new BenchmarkService(ds, { home: config.home ?? loadConfig().home, benchmarkSecret: config.benchmarkSecret }, cache);
  const submissions = new SubmissionService(ds, benchmarks, { submissionsPerDay: config.submissionsPerDay ?? 5, submissionMaxBytes: config.submissionMaxBytes ?? 8 * 1024 * 1024 }, cache);
  return {
    cache,
    organizations: new OrganizationService(ds, config),
    catalogue: new CatalogueService(ds, config),
    attacks: new AttackService(ds),
    defenses: new DefenseService(ds),
    experiments,
    matrix,
    exports: new ExperimentExportService(ds, experiments, matrix),
    evidence: new TrialEvidenceService(ds),
    leaderboard: new LeaderboardService(ds, cache),
    trials: new TrialService(ds),
    results: new TrialResultService(ds),
    benchmarks,
    submissions,
    baselines: new BaselineService(ds, benchmarks, submissions),
    defenseBoard: new DefenseBoard(ds, cache),
  };
}
export type Services = ReturnType<typeof createServices>;
