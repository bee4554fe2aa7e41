import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { wilsonInterval } from '@frogpond/compute/stats';
import { toDetectionSummary, toWithoutDefense } from './defense-comparison';

const close = (x: number | null | undefined, y: number) => assert.ok(x != null && Math.abs(x - y) < 1e-6, `${x} vs ${y}`);
const sums = (over: Partial<Record<string, unknown>> = {}) => ({
  rocAucMean: null, tprAt5FprMean: null, removalTrials: 0, removedPoisons: 0, poisons: 0, removedClean: 0, clean: 0, ...over,
});

describe('success and detection without a defense, per cell', () => {
  it('is null where the trials did not all run a defense', () => {
    assert.equal(toWithoutDefense(false, 3, 8, 0.8), null);
    assert.equal(toWithoutDefense(null, 3, 8, 0.8), null);
    assert.equal(toDetectionSummary(false, sums({ rocAucMean: 0.9 })), null);
  });

  it('gives k/n with the Wilson 95% interval of the same helper as the defended rate, from pg numeric strings', () => {
    const u = toWithoutDefense(true, '3', '8', '0.8125')!;
    assert.deepEqual([u.successes, u.trials, u.successRate, u.cleanAccuracyMean], [3, 8, 0.375, 0.8125]);
    const w = wilsonInterval(3, 8)!;
    assert.deepEqual([u.wilsonLow, u.wilsonHigh], [w.low, w.high]);
    // Wilson 95% of 3/8 from the textbook formula (z = 1.959964): [0.136844, 0.694258]
    close(u.wilsonLow, 0.1368443); close(u.wilsonHigh, 0.6942576);
  });

  it('keeps a defended cell without finished trials as 0/0 with no rate, interval or accuracy (never a zero rate)', () => {
    assert.deepEqual(toWithoutDefense(true, 0, 0, null),
      { successes: 0, trials: 0, successRate: null, wilsonLow: null, wilsonHigh: null, cleanAccuracyMean: null });
  });

  it('pools removals over the trials that report them and leaves absent metrics null, not zero', () => {
    const d = toDetectionSummary(true, sums({ rocAucMean: '0.975', tprAt5FprMean: 0.5, removalTrials: 2, removedPoisons: 9, poisons: 10, removedClean: 3, clean: 190 }))!;
    assert.deepEqual(d, {
      rocAucMean: 0.975, tprAt5FprMean: 0.5, poisonsRemoved: 9, poisons: 10, poisonRemovalRate: 0.9, cleanRemoved: 3, clean: 190, cleanRemovalRate: 3 / 190,
    });
    // A defense that does not score (no AUC) and trials that reported no removal counts.
    assert.deepEqual(toDetectionSummary(true, sums()), {
      rocAucMean: null, tprAt5FprMean: null, poisonsRemoved: null, poisons: null, poisonRemovalRate: null, cleanRemoved: null, clean: null, cleanRemovalRate: null,
    });
    // Reported, but the trials had no poison (attack none): counts are zero, the removal rate has no denominator.
    const none = toDetectionSummary(true, sums({ removalTrials: 1, removedPoisons: 0, poisons: 0, removedClean: 2, clean: 200 }))!;
    assert.deepEqual([none.poisonsRemoved, none.poisons, none.poisonRemovalRate, none.cleanRemovalRate], [0, 0, null, 0.01]);
  });
});
