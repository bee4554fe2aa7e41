import type { DefenseDecision, DefenseInput } from './defense.hook';
import { DefenseParamError } from './pixel-clustering.defense';

/**
 * The defense of a score-file submission: the removal was decided outside (from the team's suspicion scores) and
 * arrives as `params.remove`, indices into the poisoned unlabeled set in the trial's own order (clean examples
 * first, poisons appended). Retraining on what is left measures the attack's success after that defense.
 */
export function listedRemovalDefense(input: DefenseInput): DefenseDecision {
  const remove = input.params.remove;
  if (!Array.isArray(remove)) throw new DefenseParamError('external-scores: params.remove must be an array of unlabeled indices');
  const n = input.unlabeled.n;
  const seen = new Set<number>();
  for (const i of remove) {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new DefenseParamError(`external-scores: index ${String(i)} is outside 0..${n - 1}`);
    seen.add(i);
  }
  return { remove: [...seen].sort((a, b) => a - b) };
}
