import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Actor, requireRole } from './auth';
import { badInput, isUniqueViolation, notFound, pgCode } from './errors';
import { decodeCursor, Page, toPage } from './connection';

interface VersionedDefinition extends ObjectLiteral {
  id: string; slug: string; version: number; kind: string; name: string; description: string;
  params: Record<string, unknown>; organizationId: string | null; createdAt: Date;
}
export interface DefinitionInput { organizationId: string; slug: string; kind: string; name: string; description?: string | null; params?: unknown }
export interface DefinitionPatch { name?: string | null; description?: string | null; params?: unknown }

/**
 * Versioned, org-owned definitions (attacks, defenses). A slug belongs to one organization; creating an existing
 * slug again makes the next version. A definition used by a trial is frozen (DB trigger); changing it creates a
 * new version instead.
 */
export class DefinitionService<T extends VersionedDefinition> {
  constructor(
    protected readonly ds: DataSource,
    private readonly entity: EntityTarget<T>,
    private readonly table: 'attack_definition' | 'defense_definition',
    private readonly label: string,
    /** Validates a kind's params (the compute contract) and returns them with defaults filled in. */
    private readonly validate: (kind: string, params: unknown) => Record<string, unknown>,
  ) {}

  async create(actor: Actor | null, input: DefinitionInput): Promise<T> {
    requireRole(actor, input.organizationId);
    const params = this.validate(input.kind, input.params);
    return this.ds.transaction(async (t) => {
      // Serialise version allocation per slug.
      await t.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.table}:${input.slug}`]);
      const latest = await this.latest(t, input.slug);
      if (latest && latest.organizationId !== input.organizationId) {
        throw badInput(`${this.label} slug "${input.slug}" belongs to another organization`);
      }
      if (latest && latest.kind !== input.kind) throw badInput(`${this.label} "${input.slug}" has kind ${latest.kind}; a new version cannot change it`);
      return this.insert(t, { ...input, params }, (latest?.version ?? 0) + 1);
    });
  }

  /** Changes a definition: in place while no trial uses it, otherwise as a new version. */
  async update(actor: Actor | null, id: string, patch: DefinitionPatch): Promise<T> {
    return this.ds.transaction(async (t) => {
      const def = await t.findOneBy(this.entity, { id } as never);
      if (!def) throw notFound(this.label, id);
      if (!def.organizationId) throw badInput(`Built-in ${this.label}s cannot be changed; create your own`);
      requireRole(actor, def.organizationId);
      const params = patch.params === undefined || patch.params === null ? def.params
        : this.validate(def.kind, patch.params);
      const next = { organizationId: def.organizationId, slug: def.slug, kind: def.kind, name: patch.name ?? def.name,
        description: patch.description ?? def.description, params };
      const fk = this.table === 'attack_definition' ? 'attack_id' : 'defense_id';
      const [{ used }] = await t.query(`SELECT EXISTS (SELECT 1 FROM trial WHERE ${fk} = $1) AS used`, [id]);
      if (!used) {
        // Savepoint: if a trial started using it meanwhile, the trigger refuses the UPDATE and only that statement
        // is rolled back; we then fall through to a new version in the same transaction.
        await t.query('SAVEPOINT definition_update');
        try {
          await t.query(`UPDATE ${this.table} SET name = $2, description = $3, params = $4 WHERE id = $1`,
            [id, next.name, next.description, JSON.stringify(params)]);
          await t.query('RELEASE SAVEPOINT definition_update');
          return (await t.findOneBy(this.entity, { id } as never))!;
        } catch (e) {
          if (pgCode(e) !== '23514') throw e;
          await t.query('ROLLBACK TO SAVEPOINT definition_update');
        }
      }
      await t.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.table}:${def.slug}`]);
      const latest = await this.latest(t, def.slug);
      return this.insert(t, next, (latest?.version ?? def.version) + 1);
    });
  }

  async list(args: { first: number; after?: string | null; kind?: string | null; slug?: string | null }): Promise<Page<T>> {
    const cursor = decodeCursor(args.after, 2) as [string, number] | null;
    const qb = this.ds.getRepository(this.entity).createQueryBuilder('d')
      .orderBy('d.slug', 'ASC').addOrderBy('d.version', 'ASC').take(args.first + 1);
    if (args.kind) qb.andWhere('d.kind = :kind', { kind: args.kind });
    if (args.slug) qb.andWhere('d.slug = :slug', { slug: args.slug });
    if (cursor) qb.andWhere('(d.slug, d.version) > (:cs, :cv)', { cs: cursor[0], cv: cursor[1] });
    const rows = await qb.getMany();
    return toPage(rows, args.first, (r) => [r.slug, r.version]);
  }

  async get(id: string): Promise<T> {
    const def = await this.ds.getRepository(this.entity).findOneBy({ id } as never);
    if (!def) throw notFound(this.label, id);
    return def;
  }

  private latest(t: EntityManager, slug: string): Promise<T | null> {
    return t.getRepository(this.entity).findOne({ where: { slug } as never, order: { version: 'DESC' } as never });
  }

  private async insert(t: EntityManager, d: Omit<DefinitionInput, 'params'> & { params: Record<string, unknown> }, version: number): Promise<T> {
    try {
      const [row] = await t.query(
        `INSERT INTO ${this.table} (slug, version, kind, name, description, params, organization_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
        [d.slug, version, d.kind, d.name, d.description ?? '', JSON.stringify(d.params), d.organizationId]);
      return (await t.findOneBy(this.entity, { id: row.id } as never))!;
    } catch (e) {
      if (isUniqueViolation(e)) throw badInput(`${this.label} "${d.slug}" version ${version} already exists`);
      if (pgCode(e) === '23514') throw badInput(`${this.label} slug must be lowercase letters, digits and dashes`);
      throw e;
    }
  }
}
