import { EntityManager, In } from 'typeorm';
import {
  checkPresetDataset, ContractError, defenseAppliesTo, datasetUnavailable, DatasetName, DENSITY_ATTACK_KINDS, FEATURE_COLLISION_KINDS, Preset, PRESET_NAMES,
  resolveTrainingOverrides, resolveTrialConfig, ResolvedTrialConfig, TrainingOverrides,
} from '@frogpond/compute/contract';
import { implementedDefenseKinds } from '@frogpond/compute/defenses';
import { isUuid } from '../../common/uuid';
import { AttackDefinition } from '../attack/attack.entity';
import { contractFieldErrors, FieldError, fieldErrors } from '../contract/contract-errors';
import { DefenseDefinition } from '../defense/defense.entity';
import { expandMatrix, MatrixShape } from './experiment-expansion';
import type { CreateExperimentArgs } from './experiment.service';

/** The density of interpolation attacks when an experiment names none. */
export const DEFAULT_DENSITY = 'uniform';

/** Where a field of a trial config comes from in the createExperiment input (for extensions.field). */
function inputPathOf(configPath: string): string {
  const [head, ...rest] = configPath.split('.');
  const matrix: Record<string, string> = {
    dataset: 'input.matrix.datasets', labels: 'input.matrix.labels', algorithm: 'input.matrix.algorithms', rate: 'input.matrix.rates',
    density: 'input.matrix.densities', attack: 'input.matrix.attacks', defense: 'input.matrix.defenses',
  };
  if (head === 'overrides') return ['input.overrides', ...rest].join('.');
  return matrix[head] ?? `input.${configPath}`;
}

export interface ExperimentPlan {
  shape: MatrixShape;
  overrides: TrainingOverrides;
  /** The resolved trial config of a cell (the same for every replicate). */
  configOf(c: { dataset: string; labels: number; algorithm: string; rate: number; density: string | null; attackId: string | null; defenseId: string | null }): ResolvedTrialConfig;
}

/**
 * Validates an experiment against the catalogue and the compute contract and returns its matrix shape with the
 * resolved config of every cell. Every invalid field is reported at once (one BAD_USER_INPUT with
 * extensions.fields). Shared by createExperiment and previewExperiment, so both count the same way.
 */
export async function planExperiment(t: EntityManager, args: CreateExperimentArgs): Promise<ExperimentPlan> {
  const m = args.matrix;
  const errors: FieldError[] = [];
  const preset = (args.preset ?? 'toy') as Preset;
  if (!PRESET_NAMES.includes(preset)) errors.push({ field: 'input.preset', message: `must be one of ${PRESET_NAMES.join(', ')}` });
  let overrides: TrainingOverrides = {};
  try {
    overrides = resolveTrainingOverrides(args.overrides ?? {}, preset);
  } catch (e) {
    if (!(e instanceof ContractError)) throw e;
    errors.push(...contractFieldErrors(e, 'input'));
  }
  const densitySlugs = m.densities?.length ? m.densities : [DEFAULT_DENSITY];
  // Sequential on purpose: one transaction = one connection, which runs one statement at a time.
  const datasets: { slug: string; num_classes: number; train_size: number }[] =
    await t.query(`SELECT slug, num_classes, train_size FROM dataset WHERE slug = ANY($1)`, [m.datasets]);
  const algorithms = await t.query(`SELECT slug FROM algorithm WHERE slug = ANY($1)`, [m.algorithms]);
  const densities = await t.query(`SELECT slug, expression FROM density_function WHERE slug = ANY($1)`, [densitySlugs]);
  const attacks = await t.getRepository(AttackDefinition).findBy({ id: In(m.attacks.filter(isUuid)) });
  const defenses = await t.getRepository(DefenseDefinition).findBy({ id: In((m.defenses ?? []).filter(isUuid)) });
  const missing = (field: string, what: string, wanted: string[], found: string[]) => {
    const have = new Set(found);
    const unknown = wanted.filter((w) => !have.has(w));
    if (unknown.length) errors.push({ field, message: `unknown ${what}${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` });
  };
  missing('input.matrix.datasets', 'dataset', m.datasets, datasets.map((r) => r.slug));
  missing('input.matrix.algorithms', 'algorithm', m.algorithms, algorithms.map((r: { slug: string }) => r.slug));
  missing('input.matrix.densities', 'density', densitySlugs, densities.map((r: { slug: string }) => r.slug));
  missing('input.matrix.attacks', 'attack', m.attacks, attacks.map((r) => r.id));
  missing('input.matrix.defenses', 'defense', m.defenses ?? [], defenses.map((r) => r.id));
  for (const d of datasets) {
    // The preset's network must be able to learn the dataset, and this deployment must be able to load it.
    const why = PRESET_NAMES.includes(preset) ? checkPresetDataset(preset, d.slug as DatasetName) ?? datasetUnavailable(d.slug as DatasetName) : null;
    if (why) errors.push({ field: 'input.matrix.datasets', message: why });
    // A class-balanced labeled set needs at least one example per class and must leave unlabeled data to poison.
    for (const l of m.labels) {
      if (l < d.num_classes || l >= d.train_size) {
        errors.push({ field: 'input.matrix.labels', message: `label budget ${l} does not fit ${d.slug}: choose between ${d.num_classes} and ${d.train_size - 1} labeled examples` });
      }
    }
  }
  // A defense the compute engine cannot run would only turn into FAILED trials on the workers: refuse it here.
  // External scores remove indices of one benchmark replicate's unlabeled set: they mean nothing on an experiment's
  // own splits, and reach the workers only through a benchmark submission.
  const runnable = implementedDefenseKinds().filter((k) => k !== 'external-scores');
  for (const d of defenses) {
    if (d.kind === 'external-scores') {
      errors.push({ field: 'input.matrix.defenses', message: `defense ${d.slug} (external-scores) cannot run in an experiment: external scores are scored by submitting them to a benchmark; choose one of ${runnable.join(', ')}` });
    } else if (!runnable.includes(d.kind)) {
      errors.push({ field: 'input.matrix.defenses', message: `defense ${d.slug} (${d.kind}) cannot run yet: the compute engine implements ${runnable.join(', ')}` });
    }
  }
  if (errors.length) throw fieldErrors(errors);

  const attackById = new Map(attacks.map((x) => [x.id, x]));
  const defenseById = new Map(defenses.map((x) => [x.id, x]));
  const densityExpr = new Map<string, string>(densities.map((r: { slug: string; expression: string }) => [r.slug, r.expression]));
  const shape: MatrixShape = {
    datasets: m.datasets, labels: m.labels, algorithms: m.algorithms, rates: m.rates,
    densities: densitySlugs,
    attacks: m.attacks.map((id) => {
      const attack = attackById.get(id)!;
      if (!FEATURE_COLLISION_KINDS.includes(attack.kind)) return { id, usesDensity: DENSITY_ATTACK_KINDS.includes(attack.kind), usesDefense: true };
      // Poison Frogs runs with the matrix's defenses that apply to it (the contract's rule); where none but 'none'
      // applies, once without any, as a matrix without defenses would run it.
      const applicable = (m.defenses ?? []).filter((d) => defenseAppliesTo(attack, defenseById.get(d)!.kind));
      const filtering = applicable.some((d) => defenseById.get(d)!.kind !== 'none');
      return { id, usesDensity: false, usesDefense: true, defenses: filtering ? applicable : [null] };
    }),
    defenses: m.defenses?.length ? m.defenses : [null],
    trialsPerCell: m.trialsPerCell,
  };
  const cache = new Map<string, ResolvedTrialConfig>();
  const configOf: ExperimentPlan['configOf'] = (c) => {
    const key = JSON.stringify([c.dataset, c.labels, c.algorithm, c.rate, c.density, c.attackId, c.defenseId]);
    let config = cache.get(key);
    if (!config) {
      const attack = attackById.get(c.attackId!)!;
      const defense = c.defenseId ? defenseById.get(c.defenseId)! : null;
      config = resolveTrialConfig({
        preset, dataset: c.dataset, labels: c.labels, algorithm: c.algorithm, rate: c.rate,
        attack: { kind: attack.kind, params: attack.params },
        ...(c.density ? { density: densityExpr.get(c.density) } : {}),
        defense: defense ? { kind: defense.kind, params: defense.params } : { kind: 'none' },
        overrides,
      });
      cache.set(key, config);
    }
    return config;
  };
  // Resolve every cell up front, so that every contract error of the matrix is reported at once and nothing is
  // written for an experiment that cannot run.
  const seen = new Set<string>();
  for (const c of expandMatrix({ ...shape, trialsPerCell: 1 })) {
    try {
      configOf(c);
    } catch (e) {
      if (!(e instanceof ContractError)) throw e;
      for (const f of contractFieldErrors(e, '')) {
        const err = { ...f, field: inputPathOf(f.field) };
        const k = `${err.field}|${err.message}`;
        if (!seen.has(k)) { seen.add(k); errors.push(err); }
      }
    }
  }
  if (errors.length) throw fieldErrors(errors);
  return { shape, overrides, configOf };
}
