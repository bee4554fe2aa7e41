import { DataSource, EntityManager } from 'typeorm';
import { Actor, canRead, requireRole } from '../../common/auth';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/uuid';
import { decodeCursor, Page, toPage } from '../../common/connection';
import { Config } from '../../config/config';
import { Trial, TrialStatus } from '../trial/trial.entity';
import { Experiment, ExperimentStatus, Visibility } from './experiment.entity';
import { countTrials, expandMatrix, trialSeed } from './experiment-expansion';
import { codeVersion, ResolvedTrialConfig } from '@frogpond/compute/contract';
import { DEFAULT_DENSITY, planExperiment } from './experiment-plan';

export interface ExperimentMatrixSpec {
  datasets: string[]; labels: number[]; algorithms: string[]; rates: number[];
  densities?: string[] | null; attacks: string[]; defenses?: string[] | null; trialsPerCell: number;
}
export interface CreateExperimentArgs {
  organizationId: string; name: string; description?: string | null; visibility?: Visibility;
  matrix: ExperimentMatrixSpec; seedBase?: number; preset?: string;
  /** Training overrides on top of the preset, validated by the compute contract. */
  overrides?: Record<string, unknown> | null;
  /** Retry-safety: a second call with the same id (same organization) returns the first experiment, creating nothing. */
  clientMutationId?: string | null;
}
/** A trial as created by createExperiment: enough for the queue to enqueue its job. */
export interface CreatedTrial { id: string; ordinal: number; seed: number; config: ResolvedTrialConfig | Record<string, unknown> }

/** Hooks run INSIDE the transaction that created/cancelled the trials (e.g. enqueue jobs with pg-boss on `manager`). */
export interface ExperimentHooks {
  afterCreate?(manager: EntityManager, experiment: Experiment, trials: CreatedTrial[]): Promise<void>;
  afterCancel?(manager: EntityManager, experiment: Experiment, cancelledTrialIds: string[]): Promise<void>;
}

const INSERT_CHUNK = 5000;

export class ExperimentService {
  private readonly hooks: ExperimentHooks[] = [];
  /** id -> owner and visibility. Both never change after creation (no mutation touches them), so they may be cached. */
  private readonly access = new Map<string, { organizationId: string; visibility: Visibility }>();
  constructor(private readonly ds: DataSource, private readonly config: Pick<Config, 'maxTrials'> & Partial<Pick<Config, 'orgActiveTrials'>>) {}

  /** Registers hooks called in the creating/cancelling transaction (the queue module enqueues/cancels jobs here). */
  registerHooks(h: ExperimentHooks): void { this.hooks.push(h); }

  /**
   * Validates the matrix, refuses it over FROGPOND_MAX_TRIALS (BAD_USER_INPUT, nothing written), and writes the
   * experiment plus one QUEUED Trial per cell x replicate in ONE transaction. Pass `manager` to join a caller's
   * transaction; registered afterCreate hooks run inside it.
   */
  async createExperiment(actor: Actor | null, args: CreateExperimentArgs, manager?: EntityManager): Promise<{ experiment: Experiment; trials: CreatedTrial[]; replayed?: boolean }> {
    const a = requireRole(actor, args.organizationId);
    const run = async (t: EntityManager) => {
      const m = args.matrix;
      const preset = args.preset ?? 'toy';
      const densitySlugs = m.densities?.length ? m.densities : [DEFAULT_DENSITY];
      const normalised = { ...m, densities: densitySlugs, defenses: m.defenses ?? [] };
      if (args.clientMutationId) {
        await t.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`experiment:${args.organizationId}:${args.clientMutationId}`]);
        const existing = await t.findOneBy(Experiment, { organizationId: args.organizationId, clientMutationId: args.clientMutationId });
        if (existing) {
          const sameOverrides = JSON.stringify(canonical(existing.overrides ?? {})) === JSON.stringify(canonical(args.overrides ?? {}));
          if (JSON.stringify(canonical(existing.matrix)) !== JSON.stringify(canonical(normalised)) || existing.name !== args.name || !sameOverrides) {
            throw badInput(`clientMutationId "${args.clientMutationId}" was already used for a different experiment`);
          }
          // A retry: the first call's experiment, nothing new written, no hooks run again.
          return { experiment: existing, trials: [], replayed: true };
        }
      }
      const plan = await planExperiment(t, args);
      const { shape, configOf } = plan;
      const total = countTrials(shape);
      if (total > this.config.maxTrials) {
        throw badInput(`This matrix expands to ${total} trials, over the cap of ${this.config.maxTrials} (FROGPOND_MAX_TRIALS)`, { trialCount: total, maxTrials: this.config.maxTrials });
      }
      // Serialise quota checks per organization so two concurrent launches cannot both squeeze under it.
      await this.checkQuota(t, args.organizationId, total);
      const seedBase = args.seedBase ?? 0;
      const experiment = await t.save(t.create(Experiment, {
        organizationId: args.organizationId, createdBy: a.memberId, name: args.name, description: args.description ?? '',
        visibility: args.visibility ?? Visibility.PUBLIC, matrix: normalised, seedBase, preset,
        status: ExperimentStatus.QUEUED, trialCount: total, codeVersion: codeVersion(), overrides: plan.overrides,
        clientMutationId: args.clientMutationId ?? null,
      }));

      // Columnar arrays + unnest: one INSERT statement per 5,000 trials.
      const cols = { ordinal: [] as number[], dataset: [] as string[], labels: [] as number[], algorithm: [] as string[], rate: [] as number[],
        density: [] as (string | null)[], attackId: [] as (string | null)[], attackKind: [] as string[], defenseId: [] as (string | null)[],
        defenseKind: [] as string[], replicate: [] as number[], seed: [] as number[], config: [] as string[] };
      const configs: ResolvedTrialConfig[] = [];
      let ordinal = 0;
      for (const c of expandMatrix(shape)) {
        const config = configOf(c);
        configs.push(config);
        cols.ordinal.push(ordinal++); cols.dataset.push(c.dataset); cols.labels.push(c.labels); cols.algorithm.push(c.algorithm);
        cols.rate.push(c.rate); cols.density.push(c.density); cols.attackId.push(c.attackId); cols.attackKind.push(config.attack.kind);
        cols.defenseId.push(c.defenseId); cols.defenseKind.push(config.defense.kind); cols.replicate.push(c.replicate);
        cols.seed.push(trialSeed(seedBase, c)); cols.config.push(JSON.stringify(config));
      }
      const trials: CreatedTrial[] = [];
      for (let s = 0; s < total; s += INSERT_CHUNK) {
        const sl = <T>(arr: T[]) => arr.slice(s, s + INSERT_CHUNK);
        const rows: { id: string; ordinal: number }[] = await t.query(
          `INSERT INTO trial (experiment_id, ordinal, dataset, labels, algorithm, rate, density, attack_id, attack_kind, defense_id, defense_kind, replicate, seed, config)
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::float8[], $7::text[], $8::uuid[], $9::text[], $10::uuid[], $11::text[], $12::int[], $13::int[], $14::jsonb[])
           RETURNING id, ordinal`,
          [experiment.id, sl(cols.ordinal), sl(cols.dataset), sl(cols.labels), sl(cols.algorithm), sl(cols.rate), sl(cols.density), sl(cols.attackId),
            sl(cols.attackKind), sl(cols.defenseId), sl(cols.defenseKind), sl(cols.replicate), sl(cols.seed), sl(cols.config)]);
        for (const r of rows) trials.push({ id: r.id, ordinal: r.ordinal, seed: cols.seed[r.ordinal], config: configs[r.ordinal] });
      }
      trials.sort((x, y) => x.ordinal - y.ordinal);
      for (const h of this.hooks) await h.afterCreate?.(t, experiment, trials);
      return { experiment, trials };
    };
    return manager ? run(manager) : this.ds.transaction(run);
  }

  /**
   * The number of trials createExperiment would create for these arguments, from the same validation and expansion
   * (same errors too); writes nothing. Any signed-in member may ask.
   */
  async previewExperiment(actor: Actor | null, args: CreateExperimentArgs): Promise<{ trialCount: number; maxTrials: number }> {
    requireRole(actor, args.organizationId);
    return this.ds.transaction('READ COMMITTED', async (t) => {
      const { shape } = await planExperiment(t, args);
      return { trialCount: countTrials(shape), maxTrials: this.config.maxTrials };
    });
  }

  /**
   * Re-runs one trial exactly: a new experiment of the caller's organization holding a single QUEUED trial with the
   * same cell coordinates, replicate, seed and config (same config + seed + backend => same outcome). Hooks run as for
   * createExperiment, so the queue enqueues it.
   */
  async reproduceTrial(actor: Actor | null, trialId: string, organizationId: string): Promise<{ experiment: Experiment; trials: CreatedTrial[] }> {
    const a = requireRole(actor, organizationId);
    return this.ds.transaction(async (t) => {
      const [src] = isUuid(trialId) ? await t.query(
        `SELECT tr.*, e.organization_id AS org, e.visibility AS exp_visibility, e.preset, e.seed_base
           FROM trial tr JOIN experiment e ON e.id = tr.experiment_id WHERE tr.id = $1`, [trialId]) : [];
      if (!src || !canRead(actor, src.org, src.exp_visibility === Visibility.PUBLIC)) throw notFound('Trial', trialId);
      await this.checkQuota(t, organizationId, 1);
      const experiment = await t.save(t.create(Experiment, {
        organizationId, createdBy: a.memberId, name: `Reproduction of trial ${trialId}`,
        description: `Same cell, seed and config as trial ${trialId} of experiment ${src.experiment_id}`,
        // a reproduction of a private trial stays private
        visibility: src.exp_visibility === Visibility.PUBLIC ? Visibility.PUBLIC : Visibility.PRIVATE,
        matrix: { reproduces: trialId, datasets: [src.dataset], labels: [src.labels], algorithms: [src.algorithm], rates: [src.rate],
          densities: src.density ? [src.density] : [], attacks: src.attack_id ? [src.attack_id] : [], defenses: src.defense_id ? [src.defense_id] : [], trialsPerCell: 1 },
        seedBase: src.seed_base, preset: src.preset, status: ExperimentStatus.QUEUED, trialCount: 1, codeVersion: codeVersion(), clientMutationId: null,
        overrides: src.config?.overrides ?? {},
      }));
      const rows: { id: string; ordinal: number; seed: number; config: Record<string, unknown> }[] = await t.query(
        `INSERT INTO trial (experiment_id, ordinal, dataset, labels, algorithm, rate, density, attack_id, attack_kind, defense_id, defense_kind, replicate, seed, config)
         SELECT $2, 0, dataset, labels, algorithm, rate, density, attack_id, attack_kind, defense_id, defense_kind, replicate, seed, config
           FROM trial WHERE id = $1 RETURNING id, ordinal, seed, config`, [trialId, experiment.id]);
      for (const h of this.hooks) await h.afterCreate?.(t, experiment, rows);
      return { experiment, trials: rows };
    });
  }

  /** Refuses `adding` more active trials beyond the organization's quota (serialised per organization). */
  private async checkQuota(t: EntityManager, organizationId: string, adding: number): Promise<void> {
    const quota = this.config.orgActiveTrials;
    if (quota === undefined) return;
    await t.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`quota:${organizationId}`]);
    const [{ active }] = await t.query(
      `SELECT count(*)::int AS active FROM trial t JOIN experiment e ON e.id = t.experiment_id
        WHERE e.organization_id = $1 AND t.status IN ('QUEUED', 'RUNNING')`, [organizationId]);
    if (active + adding > quota) {
      throw badInput(`Your organization has ${active} queued or running trials; ${adding} more would exceed its quota of ${quota} (FROGPOND_ORG_ACTIVE_TRIALS)`,
        { activeTrials: active, trialCount: adding, quota });
    }
  }

  /** Cancels QUEUED and RUNNING trials (workers observe CANCELLED and abort) and marks the experiment CANCELLED. */
  async cancelExperiment(actor: Actor | null, id: string, manager?: EntityManager): Promise<Experiment> {
    const run = async (t: EntityManager) => {
      const exp = await t.findOne(Experiment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!exp || !canRead(actor, exp.organizationId, exp.visibility === Visibility.PUBLIC)) throw notFound('Experiment', id);
      requireRole(actor, exp.organizationId);
      const rows: { id: string }[] = await t.query(
        `UPDATE trial SET status = 'CANCELLED', updated_at = now(), finished_at = now()
          WHERE experiment_id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id`, [id]);
      if (exp.status !== ExperimentStatus.CANCELLED && exp.status !== ExperimentStatus.COMPLETED) {
        await t.update(Experiment, { id }, { status: ExperimentStatus.CANCELLED });
        exp.status = ExperimentStatus.CANCELLED;
      }
      for (const h of this.hooks) await h.afterCancel?.(t, exp, rows.map((r) => r.id));
      return exp;
    };
    return manager ? run(manager) : this.ds.transaction(run);
  }

  /** An experiment the actor may see; private experiments of other organizations are NOT_FOUND (never leaked). */
  async get(actor: Actor | null, id: string): Promise<Experiment> {
    const exp = isUuid(id) ? await this.ds.getRepository(Experiment).findOneBy({ id }) : null;
    if (!exp || !canRead(actor, exp.organizationId, exp.visibility === Visibility.PUBLIC)) throw notFound('Experiment', id);
    return exp;
  }

  /**
   * Access check without loading the row, for requests that only need the experiment's id (e.g. polling its matrix):
   * owner and visibility are immutable and cached per process, so a warm check costs no SQL.
   * Returns a partial Experiment holding id, organizationId and visibility only.
   */
  async getRef(actor: Actor | null, id: string): Promise<Experiment> {
    let acc = this.access.get(id);
    if (!acc && isUuid(id)) {
      const [row] = await this.ds.query(`SELECT organization_id, visibility FROM experiment WHERE id = $1`, [id]);
      if (row) {
        acc = { organizationId: row.organization_id, visibility: row.visibility };
        if (this.access.size >= 10_000) this.access.delete(this.access.keys().next().value!);
        this.access.set(id, acc);
      }
    }
    if (!acc || !canRead(actor, acc.organizationId, acc.visibility === Visibility.PUBLIC)) throw notFound('Experiment', id);
    return Object.assign(new Experiment(), { id, ...acc });
  }

  async list(actor: Actor | null, args: { first: number; after?: string | null; organizationId?: string | null }): Promise<Page<Experiment>> {
    const cursor = decodeCursor(args.after, 1) as [string] | null;
    const qb = this.ds.getRepository(Experiment).createQueryBuilder('e')
      .orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC').take(args.first + 1);
    if (actor) qb.andWhere(`(e.visibility = 'PUBLIC' OR e.organization_id = :own)`, { own: actor.organizationId });
    else qb.andWhere(`e.visibility = 'PUBLIC'`);
    if (args.organizationId) qb.andWhere('e.organization_id = :org', { org: args.organizationId });
    // The cursor is the last id; its created_at is read back from the row (JS dates lose PostgreSQL's microseconds).
    if (cursor) {
      if (!isUuid(String(cursor[0]))) throw badInput('Invalid cursor');
      qb.andWhere('(e.created_at, e.id) < (SELECT c.created_at, c.id FROM experiment c WHERE c.id = :ci)', { ci: cursor[0] });
    }
    const rows = await qb.getMany();
    return toPage(rows, args.first, (e) => [e.id]);
  }

  async trials(experimentId: string, args: { first: number; after?: string | null; status?: TrialStatus | null }): Promise<Page<Trial>> {
    const cursor = decodeCursor(args.after, 1) as [number] | null;
    const qb = this.ds.getRepository(Trial).createQueryBuilder('t')
      .where('t.experiment_id = :id', { id: experimentId }).orderBy('t.ordinal', 'ASC').take(args.first + 1);
    if (args.status) qb.andWhere('t.status = :status', { status: args.status });
    if (cursor) qb.andWhere('t.ordinal > :o', { o: Number(cursor[0]) });
    const rows = await qb.getMany();
    return toPage(rows, args.first, (t) => [t.ordinal]);
  }

  /** Trials per status, one GROUP BY. */
  async statusCounts(experimentId: string): Promise<{ status: TrialStatus; count: number }[]> {
    return this.ds.query(`SELECT status, count(*)::int AS count FROM trial WHERE experiment_id = $1 GROUP BY status ORDER BY status`, [experimentId]);
  }
}

/** Plain-data copy with object keys sorted (jsonb does not keep key order). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}
