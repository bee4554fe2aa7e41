import * as tf from '@tensorflow/tfjs-core';
import { AugmentOptions, strongAugment, weakAugment } from '../augment/augment';
import { SslData } from '../data/dataset.types';
import { Rng } from '../data/prng';

type View = (x: tf.Tensor4D) => tf.Tensor4D;

/**
 * Binds the dataset's flip policy and the run's augmentation stream to view functions: weak,
 * strong, and weak + Cutout only (no RandAugment operations).
 */
export function augmentFor(data: SslData, rng: Rng, extra: Partial<AugmentOptions> = {}): { weak: View; strong: View; weakCutout: View } {
  const o: AugmentOptions = { allowFlip: data.allowFlip, ...extra };
  return { weak: (x) => weakAugment(x, rng, o), strong: (x) => strongAugment(x, rng, o), weakCutout: (x) => strongAugment(x, rng, { ...o, ops: 0 }) };
}
