/**
 * Per-image geometric transforms as pixel index maps (computed in JS from the seeded RNG),
 * applied with one tf.gather. Index `fillIndex` points at an appended constant pixel.
 */
import { Rng } from '../data/prng';

export interface GeoParams {
  /** Integer translation of the weak view (pixels), applied with reflect padding. */
  dy: number;
  dx: number;
  flip: boolean;
  /** Inverse affine (output -> source, centred coordinates) of the strong ops; null = identity. */
  affine: [number, number, number, number, number, number] | null;
}

const reflect = (i: number, n: number): number => {
  // Reflect without repeating the edge (like numpy 'reflect'); translations are < n.
  if (n === 1) return 0;
  let v = i;
  while (v < 0 || v >= n) v = v < 0 ? -v : 2 * (n - 1) - v;
  return v;
};

/** Weak view parameters: translation up to `frac` of the size, flip with p=0.5 when allowed. */
export function sampleWeak(rng: Rng, h: number, w: number, allowFlip: boolean, frac = 0.125): GeoParams {
  const ry = Math.round(h * frac);
  const rx = Math.round(w * frac);
  return { dy: rng.int(2 * ry + 1) - ry, dx: rng.int(2 * rx + 1) - rx, flip: allowFlip && rng.next() < 0.5, affine: null };
}

/** Builds the gather index for a batch: out pixel (n, r, c) <- source row in [N*H*W (+1 fill)]. */
export function buildIndex(params: GeoParams[], h: number, w: number): Int32Array {
  const n = params.length;
  const fill = n * h * w;
  const idx = new Int32Array(n * h * w);
  const cy = (h - 1) / 2;
  const cx = (w - 1) / 2;
  for (let i = 0; i < n; i++) {
    const p = params[i];
    const base = i * h * w;
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        let sr = r;
        let sc = c;
        if (p.affine) {
          const [a, b, tx, d, e, ty] = p.affine;
          const yy = r - cy;
          const xx = c - cx;
          sc = Math.round(a * xx + b * yy + tx + cx);
          sr = Math.round(d * xx + e * yy + ty + cy);
          if (sr < 0 || sr >= h || sc < 0 || sc >= w) {
            idx[base + r * w + c] = fill;
            continue;
          }
        }
        // Then the weak translation + flip of the original image (reflect at the borders).
        let or = reflect(sr - p.dy, h);
        let oc = reflect(sc - p.dx, w);
        if (p.flip) oc = w - 1 - oc;
        idx[base + r * w + c] = base + or * w + oc;
      }
    }
  }
  return idx;
}

/** Composes the RandAugment geometric ops into one inverse affine map (output -> source). */
export function composeAffine(ops: { kind: 'rotate' | 'shearX' | 'shearY' | 'translateX' | 'translateY'; v: number }[], h: number, w: number): GeoParams['affine'] {
  // Matrix [[a, b, tx], [d, e, ty]] acting on (x, y, 1).
  let m: [number, number, number, number, number, number] = [1, 0, 0, 0, 1, 0];
  const mul = (q: typeof m) => {
    const [a, b, tx, d, e, ty] = m;
    const [A, B, TX, D, E, TY] = q;
    m = [a * A + b * D, a * B + b * E, a * TX + b * TY + tx, d * A + e * D, d * B + e * E, d * TX + e * TY + ty];
  };
  for (const op of ops) {
    if (op.kind === 'rotate') {
      const t = (op.v * Math.PI) / 180;
      mul([Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t), 0]);
    } else if (op.kind === 'shearX') mul([1, op.v, 0, 0, 1, 0]);
    else if (op.kind === 'shearY') mul([1, 0, 0, op.v, 1, 0]);
    else if (op.kind === 'translateX') mul([1, 0, op.v * w, 0, 1, 0]);
    else mul([1, 0, 0, 0, 1, op.v * h]);
  }
  return m;
}
