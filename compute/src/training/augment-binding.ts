import * as tf from '@tensorflow/tfjs-core';
import { AugmentOptions, strongAugment, weakAugment } from '../augment/augment';
import { SslData } from '../data/dataset.types';
import { Rng } from '../data/prng';

/** Binds the dataset's flip policy and the run's augmentation stream to weak/strong functions. */
export function augmentFor(data: SslData, rng: Rng, extra: Partial<AugmentOptions> = {}): { weak(x: tf.Tensor4D): tf.Tensor4D; strong(x: tf.Tensor4D): tf.Tensor4D } {
  const o: AugmentOptions = { allowFlip: data.allowFlip, ...extra };
  return { weak: (x) => weakAugment(x, rng, o), strong: (x) => strongAugment(x, rng, o) };
}
