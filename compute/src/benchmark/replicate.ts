import { poisonCount } from '../attacks/interpolation.attack';
import { craftInterpolationPath } from '../attacks/interpolation.craft';
import { createRng, permutation } from '../data/prng';
import { prepareData, resolveTrainConfig } from '../training';
import { trainInput } from '../trial/engine';
import { chooseTargetAndLabel, exampleAt, exampleSize, indicesOfClass, nearestRow, pick } from '../trial/trial-helpers';
import { ResolvedTrialConfig, resolveTrialConfig } from '../contract';
import { TrialConfig, TrialConfigError } from '../trial/trial.types';

/** One poisoned semi-supervised task of a benchmark, pixels as uint8 (0..255), NHWC flattened. */
export interface BenchmarkReplicate {
  shape: [number, number, number];
  numClasses: number;
  labeled: { x: Uint8Array; y: Int32Array; n: number };
  /** The unlabeled set with the poisons shuffled in, in the published order. */
  unlabeled: { x: Uint8Array; n: number };
  /** Clean test set. For a sequestered replicate the target x* is left out (see `withholdTarget`). */
  test: { x: Uint8Array; y: Int32Array; n: number };
  /** The truth: positions of the poisons in the published unlabeled order (ascending), and the attack's target. */
  truth: {
    poisonIndices: number[];
    /** Published position i -> index in the canonical order (clean unlabeled first, poisons appended), as runTrial sees it. */
    canonicalIndex: Int32Array;
    targetIndex: number;
    targetClass: number;
    targetLabel: number;
    sourceIndex: number;
  };
}

export interface ReplicateOptions {
  seed: number;
  /**
   * Seeds the shuffle of the unlabeled order. A public replicate uses a value derived from its seed; a sequestered one
   * a value derived from a secret, so that the published order says nothing about where the poisons are.
   */
  orderSeed: number;
  /**
   * Leave x* out of the published test set. The alpha = 1 poison is pixel-identical to x*, so a published x* would
   * point at the target by simple matching.
   */
  withholdTarget: boolean;
}

function toUint8(x: Float32Array): Uint8Array {
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.round(Math.min(1, Math.max(0, x[i])) * 255);
  return out;
}

/**
 * Builds one benchmark replicate from a trial configuration and a seed, with exactly the split, target x*, label y*,
 * source x' and poisons that `runTrial` makes for the same config and seed (pixel interpolation with a labeled or
 * nearest source). Pure and deterministic: same config, seed and options give the same bytes.
 * Throws TrialConfigError for configurations a benchmark cannot freeze (attacks that need training to craft).
 */
export function makeBenchmarkReplicate(config: TrialConfig | ResolvedTrialConfig, opts: ReplicateOptions): BenchmarkReplicate {
  const cfg = resolveTrialConfig(config);
  if (cfg.attack.kind !== 'interpolation') throw new TrialConfigError(`benchmarks support the interpolation attack, not '${cfg.attack.kind}'`);
  const params = cfg.attack.params;
  const sourceSearch = params.source;
  if (sourceSearch !== 'labeled' && sourceSearch !== 'nearest') throw new TrialConfigError(`benchmarks support a labeled or nearest source, not '${sourceSearch}'`);
  if (params.space !== 'pixel') throw new TrialConfigError('benchmarks support pixel-space paths only');
  const clean = prepareData(resolveTrainConfig(trainInput(cfg)), opts.seed);
  const d = exampleSize(clean.shape);
  const { rng, targetIndex, targetClass, targetLabel } = chooseTargetAndLabel(clean, opts.seed);
  const target = exampleAt(clean.test, targetIndex, d);
  // The same draws, in the same order, as runTrial's interpolation branch.
  const candidates = indicesOfClass(clean.labeled.y, clean.labeled.n, targetLabel);
  let sourceIndex = pick(rng, candidates, `labeled example of class ${targetLabel}`);
  if (sourceSearch === 'nearest') sourceIndex = nearestRow(clean.labeled.x, candidates, target).index;
  const source = exampleAt(clean.labeled, sourceIndex, d);
  const count = poisonCount(cfg.rate, clean.unlabeled.n);
  const crafted = craftInterpolationPath(source, target, count, cfg.density);

  const total = clean.unlabeled.n + count;
  const order = permutation(total, createRng(opts.orderSeed, 'benchmark-unlabeled-order'));
  const x = new Uint8Array(total * d);
  const canonicalIndex = new Int32Array(total);
  const poisonIndices: number[] = [];
  for (let pos = 0; pos < total; pos++) {
    const c = order[pos];
    canonicalIndex[pos] = c;
    const src = c < clean.unlabeled.n ? clean.unlabeled.x.subarray(c * d, (c + 1) * d) : crafted.poisons.subarray((c - clean.unlabeled.n) * d, (c - clean.unlabeled.n + 1) * d);
    x.set(toUint8(src), pos * d);
    if (c >= clean.unlabeled.n) poisonIndices.push(pos);
  }
  const keepTest = Array.from({ length: clean.test.n }, (_, i) => i).filter((i) => !(opts.withholdTarget && i === targetIndex));
  const testX = new Uint8Array(keepTest.length * d);
  keepTest.forEach((i, j) => testX.set(toUint8(clean.test.x.subarray(i * d, (i + 1) * d)), j * d));
  return {
    shape: clean.shape,
    numClasses: clean.numClasses,
    labeled: { x: toUint8(clean.labeled.x), y: Int32Array.from(clean.labeled.y), n: clean.labeled.n },
    unlabeled: { x, n: total },
    test: { x: testX, y: Int32Array.from(keepTest, (i) => clean.test.y[i]), n: keepTest.length },
    truth: { poisonIndices, canonicalIndex, targetIndex, targetClass, targetLabel, sourceIndex },
  };
}

/**
 * Maps removed positions of the published unlabeled order back to the canonical order runTrial uses (clean
 * unlabeled first, poisons appended), sorted. Throws RangeError for a position outside the set.
 */
export function toCanonicalIndices(removed: Iterable<number>, canonicalIndex: Int32Array): number[] {
  const out: number[] = [];
  for (const p of removed) {
    if (!Number.isInteger(p) || p < 0 || p >= canonicalIndex.length) throw new RangeError(`index ${p} is outside the unlabeled set (0..${canonicalIndex.length - 1})`);
    out.push(canonicalIndex[p]);
  }
  return out.sort((a, b) => a - b);
}
