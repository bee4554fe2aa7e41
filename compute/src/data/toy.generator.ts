import { Dataset, LabeledArrays } from './dataset.types';
import { createRng, Rng } from './prng';

// Fixed affine map of the raw moon/blob coordinates into roughly [0, 1]^2 (same for every seed).
const norm = (v: number, lo: number, span: number) => (v - lo) / span;

function moons(n: number, noise: number, rng: Rng): LabeledArrays {
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const t = Math.PI * rng.next();
    const px = c === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const py = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    x[2 * i] = norm(px + noise * rng.normal(), -1.5, 4);
    x[2 * i + 1] = norm(py + noise * rng.normal(), -1.25, 2.5);
    y[i] = c;
  }
  return { x, y, n };
}

function blobs(n: number, k: number, std: number, rng: Rng): LabeledArrays {
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    const a = (2 * Math.PI * c) / k;
    x[2 * i] = 0.5 + 0.3 * Math.cos(a) + std * rng.normal();
    x[2 * i + 1] = 0.5 + 0.3 * Math.sin(a) + std * rng.normal();
    y[i] = c;
  }
  return { x, y, n };
}

export interface ToyOptions {
  nTrain?: number;
  nTest?: number;
  /** Moons: noise of the coordinates (default 0.1). Blobs: std (default 0.06). */
  noise?: number;
  /** Blobs: number of classes (default 3). */
  classes?: number;
  seed?: number;
}

/** Two interleaving half-moons, 2 classes, shape [1,1,2], coordinates roughly in [0,1]. */
export function generateMoons(opts: ToyOptions = {}): Dataset {
  const rng = createRng(opts.seed ?? 0, 'moons');
  const noise = opts.noise ?? 0.1;
  return {
    name: 'moons', shape: [1, 1, 2], numClasses: 2, allowFlip: false,
    train: moons(opts.nTrain ?? 2000, noise, rng), test: moons(opts.nTest ?? 1000, noise, rng),
  };
}

/** Gaussian blobs on a circle, `classes` classes, shape [1,1,2]. */
export function generateBlobs(opts: ToyOptions = {}): Dataset {
  const rng = createRng(opts.seed ?? 0, 'blobs');
  const k = opts.classes ?? 3;
  const std = opts.noise ?? 0.06;
  return {
    name: 'blobs', shape: [1, 1, 2], numClasses: k, allowFlip: false,
    train: blobs(opts.nTrain ?? 2000, k, std, rng), test: blobs(opts.nTest ?? 1000, k, std, rng),
  };
}
