import { validateDensity } from '../densities';
import { AttackKind, DefenseKind, TrialConfig, TrialConfigError } from './trial.types';

const ATTACKS: readonly AttackKind[] = ['interpolation', 'zero-knowledge-interpolation', 'feature-collision', 'watermark', 'feature-collision-watermark', 'none'];
const DEFENSES: readonly DefenseKind[] = ['none', 'pixel-clustering', 'training-dynamics', 'deep-knn'];
const PRESETS = ['toy', 'mini', 'paper'] as const;
const ALGORITHMS = ['fixmatch', 'mixmatch', 'uda', 'pseudo-label', 'supervised'];

/** True for the Poison Frogs family (success = target classified as the base class). */
export function isFeatureCollision(kind: AttackKind): boolean {
  return kind === 'feature-collision' || kind === 'watermark' || kind === 'feature-collision-watermark';
}

function fail(msg: string): never {
  throw new TrialConfigError(msg);
}

/**
 * Checks a TrialConfig (from JSON, the CLI or the API) and returns it with defaults filled in.
 * Throws TrialConfigError (code BAD_USER_INPUT) with a one-line message.
 */
export function validateTrialConfig(input: unknown): TrialConfig {
  if (!input || typeof input !== 'object' || Array.isArray(input)) fail('trial config must be an object');
  const c = input as Record<string, unknown>;
  if (!PRESETS.includes(c.preset as never)) fail(`preset must be one of ${PRESETS.join(', ')}`);
  if (typeof c.dataset !== 'string' || !c.dataset) fail('dataset must be a non-empty string');
  if (!Number.isInteger(c.labels) || (c.labels as number) < 1) fail('labels must be a positive integer');
  if (typeof c.algorithm !== 'string' || !ALGORITHMS.includes(c.algorithm)) fail(`algorithm must be one of ${ALGORITHMS.join(', ')}`);
  const attack = c.attack as Record<string, unknown> | undefined;
  if (!attack || typeof attack !== 'object' || !ATTACKS.includes(attack.kind as never)) fail(`attack.kind must be one of ${ATTACKS.join(', ')}`);
  if (attack.params !== undefined && (typeof attack.params !== 'object' || attack.params === null || Array.isArray(attack.params))) fail('attack.params must be an object');
  const rate = c.rate;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 0.5) fail('rate must be a number in [0, 0.5]');
  if (c.density !== undefined) {
    if (typeof c.density !== 'string') fail('density must be an expression string');
    try {
      validateDensity(c.density);
    } catch (e) {
      fail(`density: ${(e as Error).message}`);
    }
  }
  const defense = c.defense as Record<string, unknown> | undefined;
  if (defense !== undefined && (typeof defense !== 'object' || !DEFENSES.includes(defense.kind as never))) fail(`defense.kind must be one of ${DEFENSES.join(', ')}`);
  if (c.overrides !== undefined && (typeof c.overrides !== 'object' || c.overrides === null || Array.isArray(c.overrides))) fail('overrides must be an object');
  const known = new Set(['preset', 'dataset', 'labels', 'algorithm', 'attack', 'density', 'rate', 'defense', 'overrides']);
  const extra = Object.keys(c).filter((k) => !known.has(k));
  if (extra.length) fail(`unknown trial config field(s): ${extra.join(', ')}`);
  return {
    preset: c.preset as TrialConfig['preset'],
    dataset: c.dataset as string,
    labels: c.labels as number,
    algorithm: c.algorithm as string,
    attack: { kind: attack.kind as AttackKind, params: (attack.params as Record<string, unknown>) ?? {} },
    density: (c.density as string | undefined) ?? '1',
    rate,
    defense: defense ? { kind: defense.kind as DefenseKind, params: (defense.params as Record<string, unknown>) ?? {} } : { kind: 'none', params: {} },
    overrides: (c.overrides as Record<string, unknown>) ?? {},
  };
}

/** Reads a numeric attack parameter with a default and bounds; throws TrialConfigError when out of range. */
export function numParam(params: Record<string, unknown> | undefined, name: string, def: number, lo: number, hi: number): number {
  const v = params?.[name];
  if (v === undefined) return def;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) fail(`attack.params.${name} must be a number in [${lo}, ${hi}]`);
  return v;
}

/** Reads an enumerated string attack parameter. */
export function enumParam<T extends string>(params: Record<string, unknown> | undefined, name: string, values: readonly T[], def: T): T {
  const v = params?.[name];
  if (v === undefined) return def;
  if (!values.includes(v as T)) fail(`attack.params.${name} must be one of ${values.join(', ')}`);
  return v as T;
}
