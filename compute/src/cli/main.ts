#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { formatTable, matrixCsv, runMatrix } from '../trial/matrix';
import { runTrial } from '../trial/run-trial';
import { ALGORITHM_NAMES } from '../algorithms/algorithm.types';
import { ATTACK_KINDS, DEFENSE_KINDS, describeContract, PRESET_NAMES, resolveTrialConfig, trialConfigHash } from '../contract';
import { TrialOutcome } from '../trial/trial.types';
import { baseConfig, CommonOptions, intOption, keyValue, listOption, parameterHelp, rateOption } from './cli-options';
import { trialProgressBar } from './progress';

function common(cmd: Command): Command {
  const presets = describeContract().presets;
  return cmd
    .addOption(new Option('--preset <preset>', 'scale preset').choices(PRESET_NAMES).default('mini'))
    .option('--dataset <name>', `dataset (default per preset: ${presets.map((p) => `${p.name}=${p.defaultDataset}`).join(', ')})`)
    .option('--labels <n>', `label budget of the semi-supervised split (default per preset: ${presets.map((p) => `${p.name} ${p.defaultLabels}`).join(', ')})`, intOption)
    .addOption(new Option('--attack <kind>', 'attack').choices(ATTACK_KINDS).default('interpolation'))
    .option('--attack-param <key=value>', 'attack parameter, repeatable (per kind: see below)', keyValue, {})
    .addOption(new Option('--defense <kind>', 'defense applied before training').choices(DEFENSE_KINDS).default('none'))
    .option('--defense-param <key=value>', 'defense parameter, repeatable (per kind: see below)', keyValue, {})
    .option('--override <key=value>', 'training override on top of the preset, repeatable (see below)', keyValue, {})
    .option('--backend <name>', 'tfjs backend: auto, tensorflow-gpu, tensorflow, wasm, cpu (default: FROGPOND_BACKEND or auto)')
    .option('--quiet', 'no progress bars')
    .addHelpText('after', parameterHelp());
}

function printOutcome(o: TrialOutcome): void {
  const lines = [
    `success            ${o.success ? 'YES' : 'no'} (target classified as ${o.targetPrediction} with p=${o.targetConfidence.toFixed(3)}; wanted y*=${o.targetLabel}, true class ${o.targetClass})`,
    `target / source    test #${o.targetIndex} / #${o.sourceIndex}`,
    `poisons            ${o.poisonCount} (${(o.poisonShareAtTarget * 100).toFixed(1)}% predicted y* at the end)`,
    `clean accuracy     ${(o.cleanAccuracy * 100).toFixed(2)}%`,
    `defense            ${o.defense.kind}: removed ${o.defense.removed} (${o.defense.removedPoisons} poisons)`,
    `backend            ${o.backend}, ${(o.timings.totalMs / 1000).toFixed(1)} s (train ${(o.timings.trainMs / 1000).toFixed(1)} s)`,
    `seed / config hash ${o.seed} / ${o.configHash}`,
  ];
  if (o.propagation.alphas.length) {
    const reached = o.propagation.firstEpochAtTarget.filter((e) => e !== null).length;
    lines.push(`propagation        ${reached}/${o.propagation.alphas.length} poisons pseudo-labeled y* at some evaluation; first epochs: ${o.propagation.firstEpochAtTarget.map((e) => (e === null ? '-' : e)).join(' ')}`);
  }
  for (const [k, v] of Object.entries(o.attackMetrics)) lines.push(`${k.padEnd(19)}${v}`);
  process.stdout.write(lines.join('\n') + '\n');
}

function writeOutcome(dir: string, o: TrialOutcome): void {
  mkdirSync(dir, { recursive: true });
  o.artifacts.forEach((a, i) => writeFileSync(join(dir, `${a.kind}-${i}.png`), a.bytes));
  const { artifacts, ...rest } = o;
  writeFileSync(join(dir, 'outcome.json'), JSON.stringify({ ...rest, artifacts: artifacts.map((a) => ({ kind: a.kind, mime: a.mime, sha256: a.sha256, size: a.bytes.length })) }, null, 2));
}

/** Builds the `frogpond` command line program. */
export function buildProgram(): Command {
  const program = new Command('frogpond')
    .description('Data-poisoning trials on semi-supervised learning (Carlini 2021) and transfer learning (Poison Frogs, Shafahi 2018)')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: () => undefined });

  common(program.command('trial').description('run one seeded trial and print its outcome'))
    .addOption(new Option('--algorithm <name>', 'semi-supervised algorithm').choices(ALGORITHM_NAMES).default('fixmatch'))
    .option('--rate <r>', 'poisoned fraction of the unlabeled set, e.g. 0.01 or 1%', rateOption, 0.01)
    .option('--density <expr>', "interpolation density over x in [0,1] (e.g. '1.5-x', '(1-x)^2', '1')", '1')
    .option('--seed <n>', 'trial seed', intOption, 0)
    .option('--json', 'print the outcome as JSON (artifacts as hashes)')
    .option('--out <dir>', 'write outcome.json and the PNG artifacts to this directory')
    .option('--dry-run', 'print the resolved config and its hash as JSON, run nothing')
    .action(async (o: CommonOptions & { algorithm: string; rate: number; density: string; seed: number; json?: boolean; out?: string; quiet?: boolean; dryRun?: boolean }) => {
      if (o.backend) process.env.FROGPOND_BACKEND = o.backend;
      const config = resolveTrialConfig({ ...baseConfig(o), algorithm: o.algorithm, rate: o.rate, density: o.density });
      if (o.dryRun) {
        process.stdout.write(JSON.stringify({ config, configHash: trialConfigHash(config), seed: o.seed }, null, 2) + '\n');
        return;
      }
      const bar = trialProgressBar('trial', o.quiet);
      const outcome = await runTrial(config, { seed: o.seed, onProgress: (p) => bar.update(p) }).finally(() => bar.stop());
      if (o.out) writeOutcome(o.out, outcome);
      if (o.json) process.stdout.write(JSON.stringify({ ...outcome, artifacts: outcome.artifacts.map((a) => ({ kind: a.kind, sha256: a.sha256, size: a.bytes.length })) }, null, 2) + '\n');
      else printOutcome(outcome);
    });

  common(program.command('matrix').description('run a small matrix of trials locally and print k/n tables like the paper\'s'))
    .option('--algorithms <list>', `comma-separated algorithms (${ALGORITHM_NAMES.join(', ')})`, listOption(String), ['fixmatch'])
    .option('--rates <list>', 'comma-separated poisoning rates (0.005 or 0.5%)', listOption(rateOption), [0.005, 0.01, 0.02])
    .option('--densities <list>', "comma-separated density expressions (use ';' if one contains a comma)", (v: string) => v.split(v.includes(';') ? ';' : ',').map((s) => s.trim()).filter(Boolean), ['1'])
    .option('--trials <n>', 'trials per cell', intOption, 8)
    .option('--seed-base <n>', 'trial t of every cell uses seed seed-base + t', intOption, 0)
    .addOption(new Option('--rows <key>', 'table rows').choices(['algorithm', 'density']).default('algorithm'))
    .option('--json <file>', 'write the matrix (cells as k/n with per-trial records) as JSON')
    .option('--csv <file>', 'write one CSV line per trial')
    .action(async (o: CommonOptions & { algorithms: string[]; rates: number[]; densities: string[]; trials: number; seedBase: number; rows: 'algorithm' | 'density'; json?: string; csv?: string; quiet?: boolean }) => {
      if (o.backend) process.env.FROGPOND_BACKEND = o.backend;
      if (o.trials < 1) throw new CommanderError(2, 'frogpond.invalid', 'error: --trials must be at least 1');
      const base = baseConfig(o);
      // Validate every cell's config up front so a typo fails in one line before hours of training.
      for (const algorithm of o.algorithms) for (const rate of o.rates) for (const density of o.densities) resolveTrialConfig({ ...base, algorithm, rate, density });
      const bar = trialProgressBar('matrix', o.quiet);
      const result = await runMatrix({ base, algorithms: o.algorithms, rates: o.rates, densities: o.densities, trials: o.trials, seedBase: o.seedBase }, {
        onProgress: (_c, _t, p) => bar.update(p),
        onTrial: (cell, outcome, done, total) => {
          if (!process.stderr.isTTY || o.quiet) process.stderr.write(`[${done}/${total}] ${cell.algorithm} rate=${cell.rate} density=${cell.density} seed=${outcome.seed}: ${outcome.success ? 'success' : 'fail'} (${(outcome.timings.totalMs / 1000).toFixed(1)} s)\n`);
        },
      }).finally(() => bar.stop());
      process.stdout.write(formatTable(result.cells, o.rows, `${base.attack.kind} on ${base.dataset} (${base.labels} labels, preset ${base.preset}), successes/trials`) + '\n');
      process.stdout.write(`backend ${result.backend}, ${result.seconds.toFixed(1)} s\n`);
      if (o.json) writeFileSync(o.json, JSON.stringify({ ...result, cells: result.cells.map((c) => ({ ...c, cell: `${c.successes}/${c.trials}` })) }, null, 2));
      if (o.csv) writeFileSync(o.csv, matrixCsv(result));
    });
  program.command('schema').description('print the trial contract (every attack, defense and override parameter) as JSON')
    .action(() => { process.stdout.write(JSON.stringify(describeContract(), null, 2) + '\n'); });
  return program;
}

/** Runs the CLI: exit 0 on success, 2 on a bad option or config (one line on stderr), 1 on a failure. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help' || e.code === 'commander.executeSubCommandAsync') return e.exitCode;
      process.stderr.write(`${e.message.replace(/\s*\n\s*/g, ' ').trim()}\n`);
      return 2;
    }
    const err = e as Error & { code?: string };
    if (err.code === 'BAD_USER_INPUT') {
      process.stderr.write(`error: ${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    process.stderr.write(`frogpond: ${err.stack ?? err.message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv).then((code) => process.exit(code));
}
