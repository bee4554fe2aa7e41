import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_DENSITIES, DensityError, densityPositions, parseDensityExpression, phi, validateDensity } from './index';

const at = (text: string, x: number) => parseDensityExpression(text).evaluate(x);

test('grammar: precedence, associativity, unary minus and functions', () => {
  assert.equal(at('1 + 2 * 3', 0), 7);
  assert.equal(at('2 ^ 3 ^ 2', 0), 512); // right-associative
  assert.equal(at('-x^2', 3), -9); // power binds tighter than unary minus
  assert.equal(at('(1-x)^2+.5', 0.5), 0.75);
  assert.equal(at('min(x, 0.3, 2)', 0.9), 0.3);
  assert.equal(at('max(x, 1 - x)', 0.2), 0.8);
  assert.equal(at('abs(x - 1)', 0.25), 0.75);
  assert.ok(Math.abs(at('sqrt(x) * exp(log(2))', 0.25) - 1) < 1e-12);
  assert.equal(at('2e-1 * 10', 0), 2);
});

test('phi is the standard normal CDF', () => {
  assert.ok(Math.abs(phi(0) - 0.5) < 1e-7);
  assert.ok(Math.abs(phi(1.96) - 0.9750021) < 2e-7);
  assert.ok(Math.abs(phi(-1) - 0.1586553) < 2e-7);
});

test('refuses syntax errors, unknown names and code-like input with a position', () => {
  for (const bad of ['', '1 +', '(x', 'x)', 'foo(x)', 'process.exit(1)', 'x; 1', 'min(x)', 'sqrt(x, 2)', '1..2', 'constructor', '`x`']) {
    assert.throws(() => parseDensityExpression(bad), (e: unknown) => e instanceof DensityError && e.code === 'BAD_USER_INPUT', bad);
  }
  assert.throws(() => parseDensityExpression('foo(x)'), /unknown name 'foo' at position 1/);
});

test('validation refuses negative, non-finite, zero and over-long densities', () => {
  assert.throws(() => validateDensity('x - 0.5'), /negative at x = 0\.0000/);
  assert.throws(() => validateDensity('1 / x'), /not finite/);
  assert.throws(() => validateDensity('log(x)'), /not finite/);
  assert.throws(() => validateDensity('0 * x'), /integrates to zero/);
  // finite at every sample, but the integral (or its sums) would overflow: refused before anything is stored
  for (const huge of ['1e308', 'exp(709*x)*1.5', '1e300 * x', 'exp(700*x)', '1e13']) {
    assert.throws(() => validateDensity(huge), (e: unknown) => e instanceof DensityError && e.code === 'BAD_USER_INPUT', huge);
  }
  assert.ok(Number.isFinite(validateDensity('1e12').integral));
  assert.throws(() => validateDensity('x+'.repeat(100) + '1'), /limit is 200/);
  assert.ok(Math.abs(validateDensity('1.5 - x').integral - 1) < 1e-9);
});

test('all 11 built-in densities of Table 3 are valid', () => {
  assert.equal(BUILTIN_DENSITIES.length, 11);
  assert.equal(new Set(BUILTIN_DENSITIES.map((d) => d.slug)).size, 11);
  for (const d of BUILTIN_DENSITIES) assert.ok(validateDensity(d.expression).integral > 0, d.slug);
});

test('positions: uniform is evenly spaced, endpoints exact', () => {
  const p = densityPositions(parseDensityExpression('1'), 5);
  assert.deepEqual(p.map((v) => Number(v.toFixed(9))), [0, 0.25, 0.5, 0.75, 1]);
  assert.equal(densityPositions(parseDensityExpression('1'), 1)[0], 1);
  assert.deepEqual(densityPositions(parseDensityExpression('x'), 2), [0, 1]);
});

test('positions: 1.5 - x puts more points near the source, x near the target', () => {
  const n = 21;
  const dec = densityPositions(parseDensityExpression('1.5 - x'), n);
  const inc = densityPositions(parseDensityExpression('x'), n);
  const below = (ps: number[]) => ps.filter((a) => a < 0.5).length;
  assert.ok(below(dec) > below(inc) + 4, `${below(dec)} vs ${below(inc)}`);
  // Exact quantile of the CDF F(a) = 1.5a - a^2/2 at q = 0.5: a = 1.5 - sqrt(1.25).
  assert.ok(Math.abs(dec[10] - (1.5 - Math.sqrt(1.25))) < 1e-6);
  for (let i = 1; i < n; i++) assert.ok(dec[i] > dec[i - 1]);
  assert.equal(dec[0], 0);
  assert.equal(dec[n - 1], 1);
});
