import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../data/prng';

/** An encoder/decoder pair over flattened images: the small-scale stand-in for the seed's GAN interpolation. */
export interface LatentCodec {
  encode(x: Float32Array): Float32Array;
  decode(z: Float32Array): Float32Array;
  /** Mean squared reconstruction error over the training images at the end. */
  reconstructionMse: number;
  dispose(): void;
}

/**
 * Trains a small fully connected autoencoder (D -> 256 -> latent -> 256 -> D, sigmoid output) on the split's
 * labeled and unlabeled images, seeded. Small on purpose: it only has to give semantic-ish interpolations.
 */
export async function trainLatentCodec(
  data: { shape: number[]; labeled: { x: Float32Array; n: number }; unlabeled: { x: Float32Array; n: number } },
  opts: { seed: number; latent: number; epochs: number; batch?: number; maxImages?: number; signal?: AbortSignal },
): Promise<LatentCodec> {
  const d = data.shape.reduce((a, b) => a * b, 1);
  const rng = createRng(opts.seed, 'latent-codec');
  const n = Math.min(data.unlabeled.n + data.labeled.n, opts.maxImages ?? 4000);
  const xs = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const j = rng.int(data.unlabeled.n + data.labeled.n);
    const src = j < data.unlabeled.n ? data.unlabeled.x.subarray(j * d, (j + 1) * d) : data.labeled.x.subarray((j - data.unlabeled.n) * d, (j - data.unlabeled.n + 1) * d);
    xs.set(src, i * d);
  }
  const init = (r: number, c: number): tf.Variable => {
    const lim = Math.sqrt(6 / (r + c));
    return tf.variable(tf.tensor2d(Float32Array.from({ length: r * c }, () => rng.uniform(-lim, lim)), [r, c]));
  };
  const h = 256;
  const w = [init(d, h), init(h, opts.latent), init(opts.latent, h), init(h, d)];
  const b = [h, opts.latent, h, d].map((m) => tf.variable(tf.zeros([m])));
  const enc = (x: tf.Tensor2D): tf.Tensor2D => tf.relu(x.matMul(w[0]).add(b[0]) as tf.Tensor2D).matMul(w[1]).add(b[1]) as tf.Tensor2D;
  const dec = (z: tf.Tensor2D): tf.Tensor2D => tf.sigmoid(tf.relu(z.matMul(w[2]).add(b[2]) as tf.Tensor2D).matMul(w[3]).add(b[3])) as tf.Tensor2D;
  const opt = tf.train.adam(1e-3);
  const batch = opts.batch ?? 64;
  const all = tf.tensor2d(xs, [n, d]);
  for (let e = 0; e < opts.epochs; e++) {
    for (let s = 0; s + batch <= n; s += batch) {
      if (opts.signal?.aborted) break;
      tf.tidy(() => {
        const xb = all.slice([s, 0], [batch, d]);
        opt.minimize(() => tf.mean(tf.squaredDifference(dec(enc(xb)), xb)) as tf.Scalar);
      });
    }
    await new Promise((r) => setImmediate(r));
  }
  const reconstructionMse = tf.tidy(() => tf.mean(tf.squaredDifference(dec(enc(all)), all)).dataSync()[0]);
  all.dispose();
  opt.dispose();
  return {
    encode: (x) => tf.tidy(() => enc(tf.tensor2d(x, [1, d])).dataSync() as Float32Array).slice(),
    decode: (z) => tf.tidy(() => dec(tf.tensor2d(z, [1, opts.latent])).dataSync() as Float32Array).slice(),
    reconstructionMse,
    dispose: () => tf.dispose([...w, ...b]),
  };
}
