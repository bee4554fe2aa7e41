#!/usr/bin/env node
// Runs the defense cells of the mini reproduction (table f) one trial per seed and writes one JSON per trial, plus,
// with --summary, the cell's aggregate (means, k/n with Wilson 95 % intervals). Usage:
//   node compute/scripts/defense-trials.mjs --cell influence --seeds 0,1 --out DIR [--mode remove|detect] [--eval-every 150]
//   node compute/scripts/defense-trials.mjs --cell frogs-knn --seeds 0,1,2 --out DIR
//   node compute/scripts/defense-trials.mjs --summary DIR
// The interpolation cell is table (a)'s top rate (FixMatch, 20 %, density 1.5-x, nearest source, MLP, 3,000 steps);
// the Poison Frogs cell is table (d)'s config. A seed's undefended outcome is recorded in the same trial.
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { runTrial } = require('../dist/trial/run-trial.js');

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]?.startsWith('--') || all[i + 1] === undefined ? 'true' : all[i + 1]]] : acc), []));

function wilson(k, n, z = 1.959964) {
  if (!n) return null;
  const p = k / n;
  const den = 1 + (z * z) / n;
  const mid = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return [Math.max(0, mid - half), Math.min(1, mid + half)];
}

if (args.summary) {
  const dir = args.summary;
  const rows = readdirSync(dir).filter((f) => /^seed-\d+\.json$/.test(f)).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  rows.sort((a, b) => a.seed - b.seed);
  const mean = (v) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);
  const count = (pred) => rows.filter(pred).length;
  const d = (r) => r.outcome.defense;
  const poisons = rows.reduce((a, r) => a + (d(r).poisons ?? 0), 0);
  const removedPoisons = rows.reduce((a, r) => a + d(r).removedPoisons, 0);
  const clean = rows.reduce((a, r) => a + (d(r).clean ?? 0), 0);
  const cleanRemoved = rows.reduce((a, r) => a + (d(r).cleanRemoved ?? 0), 0);
  const summary = {
    cell: rows[0]?.cell, n: rows.length, seeds: rows.map((r) => r.seed),
    meanAuc: mean(rows.map((r) => d(r).rocAuc).filter((v) => v !== null)),
    aucs: rows.map((r) => d(r).rocAuc),
    meanTprAt1Fpr: mean(rows.map((r) => d(r).tprAt1Fpr).filter((v) => v !== null)),
    meanTprAt5Fpr: mean(rows.map((r) => d(r).tprAt5Fpr).filter((v) => v !== null)),
    successBefore: { k: count((r) => d(r).undefended.success), n: rows.length, wilson95: wilson(count((r) => d(r).undefended.success), rows.length) },
    successAfter: { k: count((r) => r.outcome.success), n: rows.length, wilson95: wilson(count((r) => r.outcome.success), rows.length) },
    poisonsRemoved: { k: removedPoisons, n: poisons, wilson95: wilson(removedPoisons, poisons) },
    cleanRemoved: { k: cleanRemoved, n: clean, wilson95: wilson(cleanRemoved, clean) },
    meanCleanAccuracyBefore: mean(rows.map((r) => d(r).undefended.cleanAccuracy)),
    meanCleanAccuracyAfter: mean(rows.map((r) => r.outcome.cleanAccuracy)),
    meanTrialSeconds: mean(rows.map((r) => r.outcome.timings.totalMs / 1000)),
    meanDefenseExtraSeconds: mean(rows.map((r) => (r.outcome.timings.defenseExtraMs ?? 0) / 1000)),
    meanTrainSecondsWithoutDefense: mean(rows.map((r) => (r.outcome.timings.trainMs - (r.outcome.timings.defenseExtraMs ?? 0) + r.outcome.timings.defenseMs) / 1000)),
  };
  process.stdout.write(JSON.stringify(summary) + '\n');
  process.exit(0);
}

const seeds = String(args.seeds ?? '').split(',').filter(Boolean).map(Number);
const out = args.out;
if (!out || !seeds.length || !['influence', 'frogs-knn'].includes(args.cell)) {
  process.stderr.write('usage: defense-trials.mjs --cell influence|frogs-knn --seeds 0,1 --out DIR [--mode remove|detect] [--eval-every N] | --summary DIR\n');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const base = { preset: 'mini', dataset: 'mnist', labels: 40 };
const config = args.cell === 'influence'
  ? {
      ...base, algorithm: 'fixmatch', rate: 0.2, density: '1.5-x', attack: { kind: 'interpolation', params: { source: 'nearest' } },
      defense: { kind: 'training-dynamics-influence', params: { mode: args.mode ?? 'remove' } },
      overrides: { maxUnlabeled: 500, maxTest: 500, mu: 2, steps: 3000, evalEvery: Number(args['eval-every'] ?? 150), model: { kind: 'mlp', hidden: [256, 128] } },
    }
  : {
      ...base, algorithm: 'supervised', rate: 0, overrides: { maxUnlabeled: 2000, maxTest: 500 },
      attack: { kind: 'feature-collision', params: { setting: 'transfer', poisons: 1, iterations: 3000, learningRate: 0.2, stepRule: 'fixed' } },
      defense: { kind: 'deep-knn' },
    };
for (const seed of seeds) {
  const outcome = await runTrial(config, { seed });
  const { artifacts, ...rest } = outcome;
  const hist = artifacts.find((a) => a.kind === 'defense-scores');
  writeFileSync(join(out, `seed-${seed}.json`), JSON.stringify({
    cell: args.cell, seed, config, outcome: rest, histogram: hist ? JSON.parse(Buffer.from(hist.bytes).toString()) : null,
  }));
  const d = outcome.defense;
  process.stdout.write(`${args.cell} seed ${seed}: success ${d.undefended.success} -> ${outcome.success}, clean acc ${d.undefended.cleanAccuracy} -> ${outcome.cleanAccuracy}, AUC ${d.rocAuc}, TPR@5% ${d.tprAt5Fpr}, removed ${d.removedPoisons}/${d.poisons} poisons + ${d.cleanRemoved}/${d.clean} clean, ${(outcome.timings.totalMs / 1000).toFixed(0)} s (defense extra ${((outcome.timings.defenseExtraMs ?? 0) / 1000).toFixed(0)} s)\n`);
}
