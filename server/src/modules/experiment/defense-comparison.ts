import { wilsonInterval } from '@frogpond/compute/stats';
import type { DetectionSummary, WithoutDefense } from './matrix.types';

/** A number from a SQL row (pg returns numeric and bigint as strings); null stays null. */
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * The same trials without their defense: k/n with the Wilson 95% interval (compute's one helper), and the mean clean
 * accuracy. Null where the trials did not all run a defense: then there is no "without" to compare with.
 */
export function toWithoutDefense(defended: boolean | null, successes: unknown, trials: unknown, cleanAccuracyMean: unknown): WithoutDefense | null {
  if (!defended) return null;
  const k = num(successes) ?? 0;
  const n = num(trials) ?? 0;
  const w = wilsonInterval(k, n);
  return {
    successes: k, trials: n, successRate: ratio(k, n), wilsonLow: w?.low ?? null, wilsonHigh: w?.high ?? null,
    cleanAccuracyMean: num(cleanAccuracyMean),
  };
}

/** Per-cell detection sums as the SQL returns them: means already divided, removal counts pooled. */
export interface DetectionSums {
  rocAucMean: unknown; tprAt5FprMean: unknown;
  /** Trials that reported all four removal counts (0: the counts are absent, not zero). */
  removalTrials: unknown; removedPoisons: unknown; poisons: unknown; removedClean: unknown; clean: unknown;
}

/**
 * What the defenses of a cell detected. Removal rates are pooled (removed over all, summed across the trials), so a
 * trial with more poisons weighs more, as in a count of examples; null where no trial reported them.
 */
export function toDetectionSummary(defended: boolean | null, s: DetectionSums): DetectionSummary | null {
  if (!defended) return null;
  const reported = (num(s.removalTrials) ?? 0) > 0;
  const count = (v: unknown) => (reported ? num(v) ?? 0 : null);
  const poisonsRemoved = count(s.removedPoisons); const poisons = count(s.poisons);
  const cleanRemoved = count(s.removedClean); const clean = count(s.clean);
  return {
    rocAucMean: num(s.rocAucMean), tprAt5FprMean: num(s.tprAt5FprMean),
    poisonsRemoved, poisons, poisonRemovalRate: poisons === null ? null : ratio(poisonsRemoved!, poisons),
    cleanRemoved, clean, cleanRemovalRate: clean === null ? null : ratio(cleanRemoved!, clean),
  };
}
