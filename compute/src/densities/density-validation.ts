import { DensityError, DensityExpression, parseDensityExpression } from './density-expression';

// Grid used to check and integrate densities on [0, 1]. 4096 intervals make the trapezoid
// quantiles accurate to ~1e-6 for the smooth densities of Table 3, and cost well under a millisecond.
const GRID_INTERVALS = 4096;

/** Values of the density on an evenly spaced grid of GRID_INTERVALS + 1 points over [0, 1]. */
export function sampleDensity(expr: DensityExpression, intervals = GRID_INTERVALS): Float64Array {
  const values = new Float64Array(intervals + 1);
  for (let i = 0; i <= intervals; i++) values[i] = expr.evaluate(i / intervals);
  return values;
}

/**
 * Largest density value accepted anywhere on [0, 1]. Densities are only used up to normalisation, so the bound costs
 * nothing real, and it keeps every sum over the curve (integral, CDF) far from overflowing: `1e308` or
 * `exp(709*x)*1.5` are finite at every point but their integral is not.
 */
export const MAX_DENSITY_VALUE = 1e12;

/**
 * Integral of the sampled density on [0, 1]; throws DensityError where it is non-finite, negative, above
 * MAX_DENSITY_VALUE or zero, or where the normalised curve (value / integral) is not finite.
 */
function checkedIntegral(values: Float64Array): number {
  let integral = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const x = i / (values.length - 1);
    if (!Number.isFinite(v)) throw new DensityError(`density is not finite at x = ${x.toFixed(4)} (value ${v})`);
    if (v < 0) throw new DensityError(`density is negative at x = ${x.toFixed(4)} (value ${v.toPrecision(4)})`);
    if (v > MAX_DENSITY_VALUE) throw new DensityError(`density exceeds ${MAX_DENSITY_VALUE} at x = ${x.toFixed(4)} (value ${v.toPrecision(4)})`);
    if (i > 0) integral += (values[i - 1] + v) / (2 * (values.length - 1));
  }
  if (!(integral > 1e-12)) throw new DensityError('density integrates to zero on [0, 1]');
  if (!Number.isFinite(integral)) throw new DensityError('density integral is not finite');
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i] / integral)) throw new DensityError('normalised density is not finite');
  }
  return integral;
}

/**
 * Parse and check a user density: at most 200 characters, finite and non-negative everywhere on [0, 1]
 * (checked on a 4097-point grid), with a positive integral. Throws DensityError otherwise.
 */
export function validateDensity(text: string): { expression: DensityExpression; integral: number } {
  const expression = parseDensityExpression(text);
  return { expression, integral: checkedIntegral(sampleDensity(expression)) };
}

/**
 * Positions a_0 = 0 < ... < a_(n-1) = 1 along the path from source (0) to target (1), spaced by the
 * density: a_i is the (i / (n-1))-quantile of the density's normalised cumulative distribution, so a
 * density of 1.5 - x puts more points near the source. With n = 1 the single point is the target (a = 1),
 * the only position that can still move the target's label. Throws DensityError for an invalid density.
 */
export function densityPositions(expr: DensityExpression, n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new DensityError(`number of positions must be a positive integer, got ${n}`);
  if (n === 1) return [1];
  const values = sampleDensity(expr);
  const integral = checkedIntegral(values);
  // Cumulative distribution on the grid, normalised to end at exactly 1.
  const cdf = new Float64Array(values.length);
  for (let i = 1; i < values.length; i++) cdf[i] = cdf[i - 1] + (values[i - 1] + values[i]) / (2 * GRID_INTERVALS);
  const positions = new Array<number>(n);
  positions[0] = 0;
  positions[n - 1] = 1;
  let j = 1;
  for (let k = 1; k < n - 1; k++) {
    const q = (k / (n - 1)) * integral;
    while (j < cdf.length - 1 && cdf[j] < q) j++;
    // Linear inversion inside grid cell [j-1, j]: exact where the density is piecewise linear.
    const lo = cdf[j - 1];
    const hi = cdf[j];
    const frac = hi > lo ? (q - lo) / (hi - lo) : 0;
    positions[k] = (j - 1 + frac) / GRID_INTERVALS;
  }
  return positions;
}
