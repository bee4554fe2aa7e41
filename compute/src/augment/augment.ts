/**
 * Seeded data augmentation in tfjs. Weak: random translation up to 12.5 % (reflect) and a
 * horizontal flip where the dataset allows it. Strong: weak + two RandAugment-style operations
 * with random magnitudes + Cutout. Vector (toy, 1x1xC) data gets Gaussian jitter instead.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../data/prng';
import { buildIndex, composeAffine, GeoParams, sampleWeak } from './geometry';

export interface AugmentOptions {
  allowFlip: boolean;
  /** RandAugment: operations per image (default 2). */
  ops?: number;
  /** Cutout square side as a fraction of the image side, sampled in (0, cutout] (default 0.5). */
  cutout?: number;
  /** Toy data: jitter std for weak / strong views. */
  jitterWeak?: number;
  jitterStrong?: number;
}

const GEO = ['rotate', 'shearX', 'shearY', 'translateX', 'translateY'] as const;
const COLOR = ['identity', 'autocontrast', 'brightness', 'color', 'contrast', 'solarize', 'posterize', 'equalize'] as const;
const ALL = [...GEO, ...COLOR];

function jitter(x: tf.Tensor4D, std: number, rng: Rng): tf.Tensor4D {
  const noise = new Float32Array(x.size);
  for (let i = 0; i < noise.length; i++) noise[i] = std * rng.normal();
  return tf.tidy(() => tf.add(x, tf.tensor(noise, x.shape)) as tf.Tensor4D);
}

function gatherPixels(x: tf.Tensor4D, params: GeoParams[], fillValue: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const idx = buildIndex(params, h, w);
  return tf.tidy(() => {
    const flat = tf.concat([tf.reshape(x, [n * h * w, c]), tf.fill([1, c], fillValue)], 0);
    return tf.reshape(tf.gather(flat, tf.tensor1d(idx, 'int32')), [n, h, w, c]) as tf.Tensor4D;
  });
}

/** Weak view of a batch x in [0,1] (NHWC). Returns a new tensor; the caller disposes it. */
export function weakAugment(x: tf.Tensor4D, rng: Rng, opts: AugmentOptions): tf.Tensor4D {
  const [n, h, w] = x.shape;
  if (h * w === 1) return jitter(x, opts.jitterWeak ?? 0.01, rng);
  const params = Array.from({ length: n }, () => sampleWeak(rng, h, w, opts.allowFlip));
  return gatherPixels(x, params, 0);
}

/** Strong view: weak geometry + RandAugment ops + Cutout. Values stay in [0,1]. */
export function strongAugment(x: tf.Tensor4D, rng: Rng, opts: AugmentOptions): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  if (h * w === 1) return jitter(x, opts.jitterStrong ?? 0.04, rng);
  const k = opts.ops ?? 2;
  const params: GeoParams[] = [];
  // Per-image colour parameters; identity values for images that did not draw the op.
  const bright = new Float32Array(n).fill(1);
  const color = new Float32Array(n).fill(1);
  const contrast = new Float32Array(n).fill(1);
  const auto = new Float32Array(n);
  const equal = new Float32Array(n);
  const solar = new Float32Array(n).fill(2);
  const levels = new Float32Array(n).fill(255);
  const mask = new Float32Array(n * h * w).fill(1);
  const cut = opts.cutout ?? 0.5;
  for (let i = 0; i < n; i++) {
    const p = sampleWeak(rng, h, w, opts.allowFlip);
    const geo: { kind: (typeof GEO)[number]; v: number }[] = [];
    for (let j = 0; j < k; j++) {
      const op = ALL[rng.int(ALL.length)];
      const m = rng.next(); // magnitude in [0,1), sign chosen separately
      const sgn = rng.next() < 0.5 ? -1 : 1;
      switch (op) {
        case 'rotate': geo.push({ kind: op, v: sgn * 30 * m }); break;
        case 'shearX': case 'shearY': geo.push({ kind: op, v: sgn * 0.3 * m }); break;
        case 'translateX': case 'translateY': geo.push({ kind: op, v: sgn * 0.3 * m }); break;
        case 'brightness': bright[i] = 0.05 + 1.9 * m; break;
        case 'color': color[i] = 0.05 + 1.9 * m; break;
        case 'contrast': contrast[i] = 0.05 + 1.9 * m; break;
        case 'autocontrast': auto[i] = 1; break;
        case 'equalize': equal[i] = 1; break;
        case 'solarize': solar[i] = m; break;
        case 'posterize': levels[i] = Math.pow(2, 4 + Math.floor(m * 4)) - 1; break;
        default: break;
      }
    }
    if (geo.length) p.affine = composeAffine(geo, h, w);
    params.push(p);
    // Cutout: a square of side up to cut*size centred anywhere (clipped), filled with grey.
    const side = Math.max(1, Math.round(rng.next() * cut * Math.min(h, w)));
    const r0 = rng.int(h) - Math.floor(side / 2);
    const c0 = rng.int(w) - Math.floor(side / 2);
    for (let r = Math.max(0, r0); r < Math.min(h, r0 + side); r++) {
      for (let cc = Math.max(0, c0); cc < Math.min(w, c0 + side); cc++) mask[i * h * w + r * w + cc] = 0;
    }
  }
  const geoX = gatherPixels(x, params, 0);
  return tf.tidy(() => {
    const col = (a: Float32Array) => tf.tensor4d(a, [n, 1, 1, 1]);
    let y: tf.Tensor = geoX;
    y = tf.mul(y, col(bright));
    // Colour (saturation): blend with the per-pixel grey level (identity for 1 channel).
    if (c > 1) {
      const grey = tf.mean(y, 3, true);
      y = tf.add(grey, tf.mul(tf.sub(y, grey), col(color)));
    }
    const mean = tf.mean(y, [1, 2, 3], true);
    y = tf.add(mean, tf.mul(tf.sub(y, mean), col(contrast)));
    y = tf.clipByValue(y, 0, 1);
    // Autocontrast and a cheap "equalize" (stretch the 2nd..98th value range) per image.
    const lo = tf.min(y, [1, 2, 3], true);
    const hi = tf.max(y, [1, 2, 3], true);
    const stretched = tf.div(tf.sub(y, lo), tf.maximum(tf.sub(hi, lo), 1e-3));
    const a = col(auto);
    y = tf.add(tf.mul(a, stretched), tf.mul(tf.sub(1, a), y));
    const eq = col(equal);
    y = tf.add(tf.mul(eq, tf.sqrt(tf.clipByValue(stretched, 0, 1))), tf.mul(tf.sub(1, eq), y));
    // Solarize: invert values above the threshold.
    y = tf.where(tf.greaterEqual(y, col(solar)), tf.sub(1, y), y);
    // Posterize: quantise to 2^bits levels.
    const lv = col(levels);
    y = tf.div(tf.floor(tf.mul(y, lv)), lv);
    const m = tf.tensor4d(mask, [n, h, w, 1]);
    y = tf.add(tf.mul(y, m), tf.mul(tf.sub(1, m), 0.5));
    geoX.dispose();
    return tf.clipByValue(y, 0, 1) as tf.Tensor4D;
  });
}
