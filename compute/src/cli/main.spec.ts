import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { formatTable, matrixCsv, MatrixCell } from '../trial/matrix';
import { keyValue, rateOption } from './cli-options';

const bin = join(__dirname, 'main.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('--help documents every option of trial and matrix', () => {
  const trial = run('trial', '--help');
  assert.equal(trial.status, 0);
  for (const o of ['--preset', '--dataset', '--labels', '--attack', '--attack-param', '--defense', '--override', '--backend', '--algorithm', '--rate', '--density', '--seed', '--json', '--out', '--quiet']) {
    assert.ok(trial.stdout.includes(o), `trial --help lacks ${o}`);
  }
  const matrix = run('matrix', '--help');
  assert.equal(matrix.status, 0);
  for (const o of ['--algorithms', '--rates', '--densities', '--trials', '--seed-base', '--rows', '--json', '--csv']) assert.ok(matrix.stdout.includes(o), `matrix --help lacks ${o}`);
});

test('bad options exit with code 2 and one line on stderr', () => {
  for (const args of [
    ['trial', '--bogus'],
    ['trial', '--rate', 'lots'],
    ['trial', '--preset', 'huge'],
    ['trial', '--preset', 'toy', '--density', 'x-5'],
    ['trial', '--preset', 'toy', '--attack-param', 'noequals'],
    ['matrix', '--trials', '0'],
    ['matrix', '--preset', 'toy', '--algorithms', 'magic'],
  ]) {
    const r = run(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: exit ${r.status}, stderr ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
  }
});

test('option parsers: rates as fractions or percentages, key=value with JSON and dotted keys', () => {
  assert.equal(rateOption('0.5%'), 0.005);
  assert.equal(rateOption('0.01'), 0.01);
  assert.deepEqual(keyValue('steps=300', { a: 1 }), { a: 1, steps: 300 });
  assert.deepEqual(keyValue('model={"kind":"mlp"}'), { model: { kind: 'mlp' } });
  assert.deepEqual(keyValue('toy.noise=0.2', { toy: { nTrain: 10 } }), { toy: { nTrain: 10, noise: 0.2 } });
  assert.deepEqual(keyValue('source=evasion'), { source: 'evasion' });
});

test('matrix tables are laid out like the paper: rows x rates, k/n cells; CSV has one line per trial', () => {
  const cell = (algorithm: string, rate: number, successes: number, trials: number): MatrixCell => ({
    algorithm, rate, density: '1.5-x', successes, trials,
    outcomes: Array.from({ length: trials }, (_, i) => ({
      seed: i, success: i < successes, targetIndex: i, sourceIndex: 0, targetClass: 1, targetLabel: 2, targetPrediction: 2,
      targetConfidence: 0.9, cleanAccuracy: 0.8, poisonCount: 10, poisonShareAtTarget: 1, seconds: 1, configHash: 'h', attackMetrics: {},
    })),
  });
  const cells = [cell('fixmatch', 0.001, 5, 8), cell('fixmatch', 0.005, 8, 8), cell('mixmatch', 0.001, 2, 8), cell('mixmatch', 0.005, 6, 8)];
  const lines = formatTable(cells, 'algorithm').split('\n');
  assert.match(lines[0], /^Algorithm\s+0\.1%\s+0\.5%$/);
  assert.match(lines[2], /^fixmatch\s+5\/8\s+8\/8$/);
  assert.match(lines[3], /^mixmatch\s+2\/8\s+6\/8$/);
  const csv = matrixCsv({ spec: {} as never, cells, backend: 'cpu', seconds: 1 }).trim().split('\n');
  assert.equal(csv.length, 1 + 32);
});
