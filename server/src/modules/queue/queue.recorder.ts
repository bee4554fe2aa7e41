import type { DataSource, EntityManager } from 'typeorm';
import type { TrialOutcome } from '@frogpond/compute';
import { TrialResultService, TrialService } from '../trial/trial-result.service';
import type { ResultRecorder } from './queue.worker';

/**
 * Workers write results through the SAME services as the API (TrialResultService.record: TrialResult + artifacts +
 * SUCCEEDED + experiment status, in the worker's transaction), with the worker's name as provenance.
 */
export function resultRecorder(ds: DataSource): ResultRecorder {
  const results = new TrialResultService(ds);
  return (manager: EntityManager, trialId: string, outcome: TrialOutcome, worker: string) => results.record(manager, trialId, outcome, worker);
}

/** FAILED with the (stack-free) error message, through the server's TrialService (also refreshes the experiment). */
export function failureRecorder(ds: DataSource): (manager: EntityManager, trialId: string, message: string) => Promise<void> {
  const trials = new TrialService(ds);
  return (manager, trialId, message) => trials.markFailed(manager, trialId, message);
}
