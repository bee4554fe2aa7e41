import { DataSource } from 'typeorm';
import { Config, loadConfig } from './config/config';
import { OrganizationService } from './modules/organization/organization.service';
import { CatalogueService } from './modules/catalogue/catalogue.service';
import { AttackService } from './modules/attack/attack.service';
import { DefenseService } from './modules/defense/defense.service';
import { ExperimentService } from './modules/experiment/experiment.service';
import { MatrixService } from './modules/experiment/matrix.service';
import { TrialResultService, TrialService } from './modules/trial/trial-result.service';
import { BenchmarkService } from './modules/benchmark/benchmark.service';
import { SubmissionService } from './modules/benchmark/submission.service';

type ServicesConfig = Pick<Config, 'maxTrials'> & Partial<Pick<Config, 'orgActiveTrials' | 'home' | 'benchmarkSecret' | 'submissionsPerDay' | 'submissionMaxBytes'>>;

/** All services over one DataSource. Built once per process; the worker can build its own with the same call. */
export function createServices(ds: DataSource, config: ServicesConfig) {
  const benchmarks = new BenchmarkService(ds, { home: config.home ?? loadConfig().home, benchmarkSecret: config.benchmarkSecret });
  return {
    organizations: new OrganizationService(ds),
    catalogue: new CatalogueService(ds),
    attacks: new AttackService(ds),
    defenses: new DefenseService(ds),
    experiments: new ExperimentService(ds, config),
    matrix: new MatrixService(ds),
    trials: new TrialService(ds),
    results: new TrialResultService(ds),
    benchmarks,
    submissions: new SubmissionService(ds, benchmarks, { submissionsPerDay: config.submissionsPerDay ?? 5, submissionMaxBytes: config.submissionMaxBytes ?? 8 * 1024 * 1024 }),
  };
}
export type Services = ReturnType<typeof createServices>;
