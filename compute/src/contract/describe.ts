import { z } from 'zod';
import { ALGORITHM_NAMES } from '../algorithms/algorithm.types';
import { ATTACK_DESCRIPTIONS, ATTACK_KINDS, ATTACK_PARAMS, DENSITY_ATTACK_KINDS } from './attack.schema';
import { DEFENSE_DESCRIPTIONS, DEFENSE_KINDS, DEFENSE_PARAMS } from './defense.schema';
import { Preset, PRESET_DATASETS, PRESET_DEFAULTS, PRESET_NAMES, trainingOverridesSchema } from './training.schema';

/** One parameter as a client sees it: enough to build a form field and check it before sending. */
export interface ParameterDescription {
  name: string;
  type: 'number' | 'integer' | 'boolean' | 'enum' | 'object' | 'array';
  description: string;
  /** Inclusive bounds; `exclusiveMin`/`exclusiveMax` when the bound itself is refused. */
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  default?: unknown;
  /** Default that depends on the preset (when `default` is absent). */
  defaultByPreset?: Partial<Record<Preset, number>>;
  /** Default computed from the rest of the trial, in words (when `default` is absent). */
  defaultRule?: string;
  /** Accepted values of an enum. */
  values?: string[];
  /** Sub-parameters of an object (e.g. overrides.augment). */
  fields?: ParameterDescription[];
}

export interface KindDescription {
  kind: string;
  description: string;
  parameters: ParameterDescription[];
}

/** The whole contract as plain JSON: what GraphQL exposes and the CLI help is written from. */
export interface ContractDescription {
  attacks: KindDescription[];
  defenses: KindDescription[];
  algorithms: string[];
  presets: { name: Preset; datasets: string[]; defaultDataset: string; defaultLabels: number }[];
  overrides: ParameterDescription[];
  /** Attack kinds whose poisons are spaced by a density. */
  densityAttackKinds: string[];
}

type JsonSchema = {
  type?: string | string[]; description?: string; minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number;
  default?: unknown; enum?: unknown[]; properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[]; oneOf?: JsonSchema[];
  defaultByPreset?: Partial<Record<Preset, number>>;
  defaultRule?: string;
};

function describeProperty(name: string, s: JsonSchema): ParameterDescription {
  const out: ParameterDescription = { name, type: 'object', description: s.description ?? '' };
  if (s.enum) { out.type = 'enum'; out.values = s.enum.map(String); }
  else if (s.type === 'integer' || s.type === 'number' || s.type === 'boolean' || s.type === 'array' || s.type === 'object') out.type = s.type;
  if (s.minimum !== undefined) out.min = s.minimum;
  if (s.exclusiveMinimum !== undefined) { out.min = s.exclusiveMinimum; out.exclusiveMin = true; }
  if (s.maximum !== undefined) out.max = s.maximum;
  if (s.exclusiveMaximum !== undefined) { out.max = s.exclusiveMaximum; out.exclusiveMax = true; }
  if (s.default !== undefined) out.default = s.default;
  if (s.defaultByPreset) out.defaultByPreset = s.defaultByPreset;
  if (s.defaultRule) out.defaultRule = s.defaultRule;
  if (s.properties) out.fields = describeObject(s);
  return out;
}

function describeObject(s: JsonSchema): ParameterDescription[] {
  return Object.entries(s.properties ?? {}).map(([name, p]) => describeProperty(name, p));
}

/** The parameters of one object schema of the contract (an attack's, a defense's, the overrides). */
export function describeParameters(schema: z.ZodType): ParameterDescription[] {
  return describeObject(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
}

let cached: ContractDescription | null = null;

/** The contract as JSON: every attack and defense kind with its parameters, algorithms, presets and overrides. */
export function describeContract(): ContractDescription {
  cached ??= {
    attacks: ATTACK_KINDS.map((kind) => ({ kind, description: ATTACK_DESCRIPTIONS[kind], parameters: describeParameters(ATTACK_PARAMS[kind]) })),
    defenses: DEFENSE_KINDS.map((kind) => ({ kind, description: DEFENSE_DESCRIPTIONS[kind], parameters: describeParameters(DEFENSE_PARAMS[kind]) })),
    algorithms: [...ALGORITHM_NAMES],
    presets: PRESET_NAMES.map((name) => ({ name, datasets: [...PRESET_DATASETS[name]], defaultDataset: PRESET_DEFAULTS[name].dataset, defaultLabels: PRESET_DEFAULTS[name].labels })),
    overrides: describeParameters(trainingOverridesSchema),
    densityAttackKinds: [...DENSITY_ATTACK_KINDS],
  };
  return cached;
}
