import { InvalidArgumentError } from 'commander';
import { AttackKind, DefenseKind, TrialConfig } from '../trial/trial.types';

/** Parses "a=1" pairs (repeatable option) into an object; numbers, booleans and JSON values are converted, dotted keys nest. */
export function keyValue(value: string, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const m = /^([A-Za-z][\w.-]*)=(.*)$/.exec(value);
  if (!m) throw new InvalidArgumentError(`expected key=value, got '${value}'`);
  const raw = m[2];
  let v: unknown = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  if (/^[[{]/.test(raw)) {
    try {
      v = JSON.parse(raw);
    } catch {
      throw new InvalidArgumentError(`'${m[1]}' looks like JSON but does not parse: ${raw}`);
    }
  }
  // Dotted keys set nested values: toy.noise=0.2 -> { toy: { noise: 0.2 } }.
  const path = m[1].split('.');
  const out: Record<string, unknown> = { ...previous };
  let node = out;
  for (const k of path.slice(0, -1)) {
    node[k] = { ...((node[k] as Record<string, unknown>) ?? {}) };
    node = node[k] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = v;
  return out;
}

export function intOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a non-negative integer, got '${value}'`);
  return n;
}

/** A rate as a fraction (0.005) or a percentage ("0.5%"). */
export function rateOption(value: string): number {
  const pct = value.trim().endsWith('%');
  const n = Number(pct ? value.trim().slice(0, -1) : value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a rate such as 0.005 or 0.5%, got '${value}'`);
  return pct ? n / 100 : n;
}

export function listOption<T>(parse: (v: string) => T): (value: string) => T[] {
  return (value) => value.split(',').map((s) => s.trim()).filter(Boolean).map(parse);
}

/** Options shared by `trial` and `matrix`, as commander hands them over. */
export interface CommonOptions {
  preset: TrialConfig['preset'];
  dataset?: string;
  labels?: number;
  attack: AttackKind;
  attackParam: Record<string, unknown>;
  defense: DefenseKind;
  defenseParam: Record<string, unknown>;
  override: Record<string, unknown>;
  backend?: string;
}

/** Default dataset and label budget of each preset. */
export const PRESET_DEFAULTS: Record<TrialConfig['preset'], { dataset: string; labels: number }> = {
  toy: { dataset: 'moons', labels: 4 },
  mini: { dataset: 'fashion-mnist', labels: 40 },
  paper: { dataset: 'cifar10', labels: 40 },
};

/** The part of a TrialConfig that the common options determine. */
export function baseConfig(o: CommonOptions): Omit<TrialConfig, 'algorithm' | 'rate' | 'density'> {
  const d = PRESET_DEFAULTS[o.preset] ?? PRESET_DEFAULTS.mini;
  return {
    preset: o.preset,
    dataset: o.dataset ?? d.dataset,
    labels: o.labels ?? d.labels,
    attack: { kind: o.attack, params: o.attackParam },
    defense: { kind: o.defense, params: o.defenseParam },
    overrides: o.override,
  };
}
