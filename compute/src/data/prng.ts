/**
 * Seeded pseudo-random numbers. Every random choice in compute goes through this module
 * (never Math.random) so that the same seed reproduces the same splits, augmentations and inits.
 */

/** A seeded generator: `next()` returns a float in [0, 1). */
export interface Rng {
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Float in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal sample (Box-Muller). */
  normal(): number;
  /** Gamma(shape, 1) sample (Marsaglia-Tsang). */
  gamma(shape: number): number;
  /** Beta(a, b) sample. */
  beta(a: number, b: number): number;
  /** A new independent generator derived from this one. */
  fork(): Rng;
}

/** Mixes a 32-bit seed (and optional stream tag) into a well-spread 32-bit state. */
export function hashSeed(seed: number, tag = ''): number {
  let h = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < tag.length; i++) {
    h = Math.imul(h ^ tag.charCodeAt(i), 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Creates a mulberry32 generator. `tag` separates streams that share one user seed
 * (e.g. 'split', 'init', 'augment') so that changing one consumer does not shift the others.
 */
export function createRng(seed: number, tag = ''): Rng {
  let state = hashSeed(seed, tag);
  let spareNormal: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spareNormal !== null) {
      const s = spareNormal;
      spareNormal = null;
      return s;
    }
    let u = 0;
    while (u <= 1e-12) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const gamma = (shape: number): number => {
    if (shape < 1) {
      // Boost: Gamma(a) = Gamma(a+1) * U^(1/a).
      const u = Math.max(next(), 1e-12);
      return gamma(shape + 1) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(Math.max(u, 1e-300)) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal,
    gamma,
    beta: (a, b) => {
      const x = gamma(a);
      const y = gamma(b);
      return x / (x + y);
    },
    fork: () => createRng(Math.floor(next() * 4294967296)),
  };
  return rng;
}

/** Fisher-Yates shuffle in place with the given generator; returns the array. */
export function shuffleInPlace<T>(arr: T[] | Int32Array, rng: Rng): T[] | Int32Array {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = arr[i];
    arr[i] = arr[j];
    arr[j] = t;
  }
  return arr;
}

/** A seeded permutation of 0..n-1. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  shuffleInPlace(p, rng);
  return p;
}
