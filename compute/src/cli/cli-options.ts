import { InvalidArgumentError } from 'commander';
import { AttackKind, DefenseKind, describeContract, ParameterDescription, Preset, PRESET_DEFAULTS } from '../contract';
import { TrialConfig } from '../trial/trial.types';

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
  preset: Preset;
  dataset?: string;
  labels?: number;
  attack: AttackKind;
  attackParam: Record<string, unknown>;
  defense: DefenseKind;
  defenseParam: Record<string, unknown>;
  override: Record<string, unknown>;
  backend?: string;
}

/** The part of a trial config that the common options determine (the contract validates it). */
export function baseConfig(o: CommonOptions): Omit<TrialConfig, 'algorithm' | 'rate' | 'density'> {
  const d = PRESET_DEFAULTS[o.preset] ?? PRESET_DEFAULTS.mini;
  return {
    preset: o.preset,
    dataset: (o.dataset ?? d.dataset) as TrialConfig['dataset'],
    labels: o.labels ?? d.labels,
    attack: { kind: o.attack, params: o.attackParam } as TrialConfig['attack'],
    defense: { kind: o.defense, params: o.defenseParam } as TrialConfig['defense'],
    overrides: o.override,
  };
}

/** One parameter as a help line: `name=<type in [min, max]> (default d)  description`. */
function helpLine(p: ParameterDescription, indent: string): string {
  const range = p.type === 'enum' ? p.values!.join('|')
    : p.min !== undefined || p.max !== undefined ? `${p.type} in ${p.exclusiveMin ? '(' : '['}${p.min ?? ''}, ${p.max ?? ''}${p.exclusiveMax ? ')' : ']'}` : p.type;
  const def = p.default !== undefined ? ` (default ${JSON.stringify(p.default)})`
    : p.defaultByPreset ? ` (default ${Object.entries(p.defaultByPreset).map(([k, v]) => `${k} ${v}`).join(', ')})` : '';
  return `${indent}${p.name}=<${range}>${def}  ${p.description}`;
}

/** The parameter reference printed after `--help`: every attack, defense and override from the contract. */
export function parameterHelp(): string {
  const c = describeContract();
  const lines = ['', 'Attack parameters (--attack-param key=value):'];
  for (const k of c.attacks) {
    lines.push(`  ${k.kind}: ${k.description}`);
    lines.push(...(k.parameters.length ? k.parameters.map((p) => helpLine(p, '    ')) : ['    (none)']));
  }
  lines.push('', 'Defense parameters (--defense-param key=value):');
  for (const k of c.defenses) {
    lines.push(`  ${k.kind}: ${k.description}`);
    lines.push(...(k.parameters.length ? k.parameters.map((p) => helpLine(p, '    ')) : ['    (none)']));
  }
  lines.push('', 'Training overrides (--override key=value; objects as JSON or dotted keys, e.g. model={"kind":"mlp"} or toy.noise=0.2):');
  for (const p of c.overrides) {
    lines.push(helpLine(p, '  '));
    for (const f of p.fields ?? []) lines.push(helpLine({ ...f, name: `${p.name}.${f.name}` }, '    '));
  }
  lines.push('', `Presets and their datasets: ${c.presets.map((p) => `${p.name} (${p.datasets.join(', ')}; default ${p.defaultDataset}, ${p.defaultLabels} labels)`).join('; ')}`);
  return lines.join('\n');
}
