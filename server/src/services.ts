import { DataSource } from 'typeorm';
import { Config } from './config/config';
import { OrganizationService } from './modules/organization/organization.service';
import { CatalogueService } from './modules/catalogue/catalogue.service';
import { AttackService } from './modules/attack/attack.service';
import { DefenseService } from './modules/defense/defense.service';
import { ExperimentService } from './modules/experiment/experiment.service';
import { MatrixService } from './modules/experiment/matrix.service';
import { TrialResultService, TrialService } from './modules/trial/trial-result.service';

/** All services over one DataSource. Built once per process; the worker can build its own with the same call. */
export function createServices(ds: DataSource, config: Pick<Config, 'maxTrials'> & Partial<Config>) {
  return {
    organizations: new OrganizationService(ds, config),
    catalogue: new CatalogueService(ds, config),
    attacks: new AttackService(ds),
    defenses: new DefenseService(ds),
    experiments: new ExperimentService(ds, config),
    matrix: new MatrixService(ds),
    trials: new TrialService(ds),
    results: new TrialResultService(ds),
  };
}
export type Services = ReturnType<typeof createServices>;
