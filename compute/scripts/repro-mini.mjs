#!/usr/bin/env node
// Runs the mini-scale reproduction and writes docs/reproduction.{md,json} after every trial, so a run that is
// stopped early still leaves an honest partial report. Usage:
//   npm run repro:mini -- [--trials N] [--quick] [--parts a,b,c,d,e,f,g] [--seed-base N] [--override key=value ...]
import { createRequire } from 'node:module';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const { Command, InvalidArgumentError, Option } = require('commander');
const { runRepro, reproTables, REPORT_SEED_BASE } = require('../dist/cli/repro.js');
const { keyValue } = require('../dist/cli/cli-options.js');

const int = (v) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a positive integer, got '${v}'`);
  return n;
};
// Comma-separated option values, e.g. --parts a,b or --cells 'a:20%,e:no poison'.
const list = (v) => v.split(',').map((s) => s.trim()).filter(Boolean);
// The parts are the report's tables, by id: a..g.
const PARTS = reproTables(null, {}, {}).map((t) => t.id).sort();
const program = new Command('repro:mini')
  .description('mini-scale reproduction of Carlini 2021 / Shafahi 2018; writes docs/reproduction.md and docs/reproduction.json')
  .option('--trials <n>', 'trials per cell (default 8; 2 with --quick)', int)
  .option('--quick', 'quick mode: 2 trials per cell unless --trials is given')
  .addOption(new Option('--parts <list>', 'which tables: a (rates), b (densities), c (algorithms), d (Poison Frogs), e (control), f (defenses), g (Fashion-MNIST configuration)').argParser(list).default(PARTS, PARTS.join(',')))
  .option('--seed-base <n>', `first seed; seeds from ${REPORT_SEED_BASE} on are report seeds, those below are development seeds (choose configurations there)`, (v) => Number(v), REPORT_SEED_BASE)
  .option('--override <key=value>', 'training override for every trial, repeatable', keyValue, {})
  .option('--out <dir>', 'output directory', resolve(root, 'docs'))
  .option('--workers <n>', 'trials run in parallel (worker threads; default: 2 on machines with 2+ cores)', int)
  .option('--cells <list>', "only these cells get new trials, as table:column or table:row@column, comma-separated (e.g. 'a:20%,e:no poison,f:deep k-NN@Poison Frogs')", list)
  .option('--rerun <list>', 'with --resume: cells (table:column) whose kept trials are dropped and run again', list)
  .option('--resume', 'keep the trials of the existing reproduction.json whose cell config is unchanged, run the rest')
  .option('--render-only', 'rewrite reproduction.md from the existing reproduction.json (no trials)')
  .exitOverride()
  .configureOutput({ outputError: () => undefined });
try {
  program.parse(process.argv);
} catch (e) {
  if (e.code === 'commander.helpDisplayed') process.exit(0);
  process.stderr.write(`${String(e.message).trim()}\n`);
  process.exit(2);
}
const o = program.opts();
const trials = o.trials ?? (o.quick ? 2 : 8);
const parts = o.parts;
const bad = parts.filter((p) => !PARTS.includes(p));
if (bad.length) {
  process.stderr.write(`error: unknown part(s) ${bad.join(', ')} (expected one of ${PARTS.join(', ')})\n`);
  process.exit(2);
}
if (o.renderOnly) {
  const { existsSync, readFileSync, writeFileSync } = await import('node:fs');
  const { reproMarkdown } = require('../dist/cli/repro-report.js');
  const jsonPath = resolve(o.out, 'reproduction.json');
  if (!existsSync(jsonPath)) {
    process.stderr.write(`error: --render-only needs ${jsonPath}, which does not exist\n`);
    process.exit(2);
  }
  const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
  writeFileSync(resolve(o.out, 'reproduction.md'), reproMarkdown(report));
  process.exit(0);
}
const t0 = Date.now();
// Mini schedule chosen to fit a session on 2 cores while training long enough for labels to propagate along the
// path (the paper: shorter training makes the attack harder): MNIST, 500 unlabeled images (5-20% = 25-100 poisons),
// 500 test images, an MLP (about 3x faster per step than the preset's CNN on WASM), 3,000 FixMatch steps with mu = 2
// (about 175 epochs of the unlabeled set), propagation recorded every 150 steps. --override adds to these.
const MINI_OVERRIDES = { maxUnlabeled: 500, maxTest: 500, mu: 2, steps: 3000, evalEvery: 150, model: { kind: 'mlp', hidden: [256, 128] } };
// Poison Frogs needs a richer feature space than the MLP's: the preset's CNN, same split caps.
const FROGS_OVERRIDES = { maxUnlabeled: 2000, maxTest: 500 };
const { existsSync, readFileSync: readText } = await import('node:fs');
const { availableParallelism } = await import('node:os');
const previousPath = resolve(o.out, 'reproduction.json');
const previous = o.resume && existsSync(previousPath) ? JSON.parse(readText(previousPath, 'utf8')) : undefined;
// Each trial runs single-threaded WASM, so one trial per core is the natural parallelism.
const workers = o.workers ?? Math.max(1, Math.min(2, availableParallelism()));
process.stderr.write(`repro:mini: ${trials} trial(s) per cell, parts ${parts.join(',')}, ${workers} worker(s)${previous ? ', resuming' : ''}\n`);
await runRepro({
  trials,
  workers,
  cells: o.cells,
  previous,
  rerun: o.rerun,
  seedBase: o.seedBase,
  parts,
  overrides: { ...MINI_OVERRIDES, ...o.override },
  frogsOverrides: { ...FROGS_OVERRIDES, ...o.override },
  mode: `${o.quick ? 'quick' : 'full'}${Object.keys(o.override).length ? ' with overrides' : ''}, parts ${parts.join(',')}`,
  jsonPath: resolve(o.out, 'reproduction.json'),
  mdPath: resolve(o.out, 'reproduction.md'),
  paperPath: resolve(root, 'data', 'paper-results.json'),
  log: (line) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${line}\n`),
});
process.stderr.write(`done in ${((Date.now() - t0) / 60000).toFixed(1)} min; wrote ${resolve(o.out, 'reproduction.md')}\n`);
