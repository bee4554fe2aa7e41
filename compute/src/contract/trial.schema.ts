import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AlgorithmName } from '../algorithms/algorithm.types';
import { DatasetName } from '../data/dataset.types';
import { validateDensity } from '../densities/density-validation';
import { configHash } from '../trial/config-hash';
import { ATTACK_PARAMS, attackSchema, AttackSpec, DENSITY_ATTACK_KINDS, FEATURE_COLLISION_KINDS } from './attack.schema';
import { ContractError, ContractIssue, issuesFromZod } from './contract-error';
import { defenseSchema, DefenseSpec } from './defense.schema';
import {
  algorithmSchema, DATASET_NAMES_ALL, FILE_DATASETS, Preset, PRESET_DATASETS, PRESET_DEFAULTS, PRESET_NAMES, trainingOverridesSchema, TrainingOverrides,
} from './training.schema';

/** A trial config as a client writes it: defaults may be left out. */
export const trialInputSchema = z.strictObject({
  preset: z.enum(PRESET_NAMES).describe('scale preset: toy, mini or paper'),
  dataset: z.enum(DATASET_NAMES_ALL).optional().describe('dataset (default per preset)'),
  labels: z.number().int().min(1).max(1_000_000).optional().describe('label budget of the semi-supervised split (default per preset)'),
  algorithm: algorithmSchema.default('fixmatch'),
  attack: attackSchema,
  density: z.string().min(1).max(200).default('1').describe('density of the poisons along the path (interpolation attacks)'),
  rate: z.number().min(0).max(0.5).describe('poisoned fraction of the unlabeled set'),
  defense: defenseSchema.prefault({ kind: 'none' }),
  overrides: trainingOverridesSchema.prefault({}),
});

export type TrialConfigInput = z.input<typeof trialInputSchema>;

type FillPreset<P> = P extends { pretrainLabels?: number; finetunePerClass?: number }
  ? Omit<P, 'pretrainLabels' | 'finetunePerClass'> & { pretrainLabels: number; finetunePerClass: number }
  : P;
type Resolve<A> = A extends { kind: infer K; params: infer P } ? { kind: K; params: FillPreset<P> } : never;

/** An attack with every parameter resolved (preset-dependent defaults included). */
export type ResolvedAttack = Resolve<AttackSpec>;

/**
 * A fully resolved trial config: every attack and defense parameter present, the dataset and label budget filled in.
 * This is what runTrial runs, what the server stores, and what the config hash is computed on.
 */
export interface ResolvedTrialConfig {
  preset: Preset;
  dataset: DatasetName;
  labels: number;
  algorithm: AlgorithmName;
  attack: ResolvedAttack;
  density: string;
  rate: number;
  defense: DefenseSpec;
  /** Training overrides on top of the preset's schedule (absent keys keep the preset's values). */
  overrides: TrainingOverrides;
}

/** Fills the attack parameters whose default depends on the preset. */
export function fillPresetDefaults(attack: AttackSpec, preset: Preset): ResolvedAttack {
  const given = attack.params as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  // In the schema's key order, so that a resolved config always serialises the same way.
  const shape = (ATTACK_PARAMS[attack.kind] as unknown as { shape: Record<string, z.ZodType> }).shape;
  for (const [key, schema] of Object.entries(shape)) {
    const byPreset = (schema.meta() as { defaultByPreset?: Record<Preset, number> } | undefined)?.defaultByPreset;
    params[key] = given[key] ?? byPreset?.[preset];
  }
  return { kind: attack.kind, params } as ResolvedAttack;
}

/**
 * Parses a trial config once, up front, into a fully resolved config. Every invalid field is reported at once in a
 * ContractError (code BAD_USER_INPUT): unknown keys with the accepted ones, out-of-range values, a dataset its
 * preset cannot learn, a density that does not parse. Idempotent: resolving a resolved config returns it unchanged.
 */
export function resolveTrialConfig(input: unknown): ResolvedTrialConfig {
  const parsed = trialInputSchema.safeParse(input);
  if (!parsed.success) throw new ContractError(issuesFromZod(trialInputSchema, input, parsed.error));
  const c = parsed.data;
  const defaults = PRESET_DEFAULTS[c.preset];
  const resolved: ResolvedTrialConfig = {
    preset: c.preset,
    dataset: c.dataset ?? defaults.dataset,
    labels: c.labels ?? defaults.labels,
    algorithm: c.algorithm as AlgorithmName,
    attack: fillPresetDefaults(c.attack, c.preset),
    density: c.density,
    rate: c.rate,
    defense: c.defense,
    overrides: c.overrides,
  };
  const issues = semanticIssues(resolved);
  if (issues.length) throw new ContractError(issues);
  return resolved;
}

/**
 * Whether a defense kind can run against an attack. Poison Frogs has no unlabeled set: only deep k-NN applies, over
 * the fine-tuning set's features in transfer learning. Every defense applies to the semi-supervised attacks.
 */
export function defenseAppliesTo(attack: { kind: string; params?: unknown }, defenseKind: string): boolean {
  if (defenseKind === 'none' || !FEATURE_COLLISION_KINDS.includes(attack.kind as never)) return true;
  return defenseKind === 'deep-knn' && (attack.params as { setting?: string } | undefined)?.setting === 'transfer';
}

/** Checks that need more than one field: preset and dataset pairing, label budget, density. */
function semanticIssues(c: ResolvedTrialConfig): ContractIssue[] {
  const issues: ContractIssue[] = [];
  const pairing = checkPresetDataset(c.preset, c.dataset);
  if (pairing) issues.push({ path: 'dataset', message: pairing });
  if (c.overrides.toy && c.preset !== 'toy') issues.push({ path: 'overrides.toy', message: 'toy data sizes apply to the toy preset only' });
  if (c.preset === 'toy') {
    const nTrain = c.overrides.toy?.nTrain ?? 2000;
    if (c.labels >= nTrain) issues.push({ path: 'labels', message: `label budget ${c.labels} leaves no unlabeled data in ${nTrain} toy training points; use fewer labels` });
  }
  if (!DENSITY_ATTACK_KINDS.includes(c.attack.kind) && c.density !== '1') {
    issues.push({ path: 'density', message: `a density applies to interpolation attacks only, not ${c.attack.kind}; leave it out` });
  }
  if (!defenseAppliesTo(c.attack, c.defense.kind)) {
    issues.push({ path: 'defense.kind', message: `${c.attack.kind} trials take defense none, or deep-knn in the transfer setting; ${c.defense.kind} filters the unlabeled set of semi-supervised training` });
  }
  try {
    validateDensity(c.density);
  } catch (e) {
    issues.push({ path: 'density', message: (e as Error).message });
  }
  return issues;
}

/**
 * Why `preset` cannot run `dataset`, or null when it can. The toy preset's MLP is sized for 2-D points (it trains
 * images to chance level); the image presets' networks need images.
 */
export function checkPresetDataset(preset: Preset, dataset: DatasetName): string | null {
  if (PRESET_DATASETS[preset].includes(dataset)) return null;
  const fits = PRESET_NAMES.filter((p) => PRESET_DATASETS[p].includes(dataset));
  return `the ${preset} preset cannot learn ${dataset} (its datasets: ${PRESET_DATASETS[preset].join(', ')}); use the ${fits.join(' or ')} preset`;
}

/**
 * Why `dataset` cannot be loaded on this machine, or null when it can: CIFAR-10, SVHN and STL-10 are read from the
 * user's files under $FROGPOND_DATA/<name>; the others are generated or bundled.
 */
export function datasetUnavailable(dataset: DatasetName, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!FILE_DATASETS.includes(dataset)) return null;
  const dir = env.FROGPOND_DATA ? join(env.FROGPOND_DATA, dataset) : null;
  if (dir && existsSync(dir)) return null;
  return `${dataset} is read from files that this deployment does not have (${dir ?? 'FROGPOND_DATA is not set'}); ` +
    `place them under $FROGPOND_DATA/${dataset} or choose mnist, fashion-mnist, moons or blobs`;
}

/** The one config hash: sha256 of the canonical JSON of the resolved config. Same on the CLI, the worker and the API. */
export function trialConfigHash(config: ResolvedTrialConfig): string {
  return configHash(config);
}

/** Validates one attack kind's parameters on their own (attack definitions); issues' paths are prefixed by `prefix`. */
export function resolveAttackParams(kind: string, params: unknown, prefix = 'params'): AttackSpec {
  return parsePart(attackSchema, { kind, params: params ?? {} }, prefix);
}

/** Validates one defense kind's parameters on their own (defense definitions). */
export function resolveDefenseParams(kind: string, params: unknown, prefix = 'params'): DefenseSpec {
  return parsePart(defenseSchema, { kind, params: params ?? {} }, prefix);
}

/** Validates training overrides on their own (experiments); `preset` checks the preset-only keys. */
export function resolveTrainingOverrides(overrides: unknown, preset: Preset, prefix = 'overrides'): TrainingOverrides {
  const parsed = trainingOverridesSchema.safeParse(overrides ?? {});
  if (!parsed.success) throw new ContractError(issuesFromZod(trainingOverridesSchema, overrides, parsed.error, prefix));
  if (parsed.data.toy && preset !== 'toy') throw new ContractError([{ path: `${prefix}.toy`, message: 'toy data sizes apply to the toy preset only' }]);
  return parsed.data;
}

function parsePart<S extends z.ZodType>(schema: S, value: { kind: string; params: unknown }, prefix: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // Paths inside the part start with "params" (or "kind"): report them under the caller's field name.
  const issues = issuesFromZod(schema, value, parsed.error).map((i) => ({
    ...i, path: i.path === 'kind' ? 'kind' : i.path.replace(/^params/, prefix),
  }));
  throw new ContractError(issues);
}
