import { attackSchema, DENSITY_ATTACK_KINDS } from './attack.schema';
import { defenseSchema } from './defense.schema';
import { fillPresetDefaults, ResolvedTrialConfig } from './trial.schema';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const flat = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/**
 * The `frogpond trial` arguments that run exactly this resolved config with this seed: parameters equal to their
 * default are left out (the CLI resolves them to the same values), so the command stays readable.
 */
export function trialCommandArgs(cfg: ResolvedTrialConfig, seed: number): string[] {
  const args = ['trial', '--preset', cfg.preset, '--dataset', cfg.dataset, '--labels', String(cfg.labels), '--algorithm', cfg.algorithm,
    '--attack', cfg.attack.kind];
  const attackDefaults = fillPresetDefaults(attackSchema.parse({ kind: cfg.attack.kind }), cfg.preset).params as Record<string, unknown>;
  for (const [k, v] of Object.entries(cfg.attack.params)) if (!same(v, attackDefaults[k])) args.push('--attack-param', `${k}=${flat(v)}`);
  if (cfg.defense.kind !== 'none') args.push('--defense', cfg.defense.kind);
  const defenseDefaults = defenseSchema.parse({ kind: cfg.defense.kind }).params as Record<string, unknown>;
  for (const [k, v] of Object.entries(cfg.defense.params)) if (!same(v, defenseDefaults[k])) args.push('--defense-param', `${k}=${flat(v)}`);
  for (const [k, v] of Object.entries(cfg.overrides)) if (v !== undefined) args.push('--override', `${k}=${flat(v)}`);
  args.push('--rate', String(cfg.rate));
  if (DENSITY_ATTACK_KINDS.includes(cfg.attack.kind)) args.push('--density', cfg.density);
  args.push('--seed', String(seed));
  return args;
}

/** POSIX shell quoting of one argument. */
export function shellQuote(arg: string): string {
  return /^[\w.,:=/+@%-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The shell command reproducing a trial: `frogpond trial ...` (see trialCommandArgs). */
export function trialCommand(cfg: ResolvedTrialConfig, seed: number): string {
  return ['frogpond', ...trialCommandArgs(cfg, seed)].map(shellQuote).join(' ');
}
