import type { DataSource, EntityManager } from 'typeorm';
import { TrialLease, TrialOutcomeInput, TrialResultService, TrialService } from '../trial/trial-result.service';
import type { TrialOutcomeLike } from './queue.types';
import type { ResultRecorder } from './queue.worker';

/**
 * Workers write results through the SAME services as the API (TrialResultService.record: TrialResult + artifacts +
 * SUCCEEDED + experiment status, in the worker's transaction). compute's TrialOutcome calls the defense report
 * `defense`; the result row calls it `detection`.
 */
export function resultRecorder(ds: DataSource): ResultRecorder {
  const results = new TrialResultService(ds);
  return async (manager: EntityManager, trialId: string, outcome: TrialOutcomeLike, lease: TrialLease) => {
    const input = { ...outcome, detection: outcome.detection ?? outcome.defense ?? null } as unknown as TrialOutcomeInput;
    return results.record(manager, trialId, input, lease);
  };
}

/** FAILED with the (stack-free) error message, through the server's TrialService (also refreshes the experiment). */
export function failureRecorder(ds: DataSource): (manager: EntityManager, trialId: string, message: string) => Promise<void> {
  const trials = new TrialService(ds);
  return (manager, trialId, message) => trials.markFailed(manager, trialId, message);
}
