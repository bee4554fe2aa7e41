import { DataSource } from 'typeorm';
import { validateDensity } from '@frogpond/compute/densities';
import { Actor, requireRole } from '../../common/auth';
import { decodeCursor, Page, toPage } from '../../common/connection';
import { badInput, forbidden, isUniqueViolation } from '../../common/errors';
import type { Config } from '../../config/config';
import { Algorithm } from './algorithm.entity';
import { Dataset } from './dataset.entity';
import { DensityFunction } from './density-function.entity';
import { Publication } from './publication.entity';
import { ReportedResult } from './reported-result.entity';

export interface CreateDensityArgs { organizationId: string; slug: string; expression: string; label?: string; description?: string }

/** Read side of the catalogue (datasets, algorithms, densities, publications) and custom densities. */
export class CatalogueService {
  // The config object itself: its limits are read at each call, so an operator can change them on a running server.
  constructor(private readonly ds: DataSource, private readonly limits: Partial<Pick<Config, 'densitiesPerOrg'>> = {}) {}

  datasets() { return this.ds.getRepository(Dataset).find({ order: { slug: 'ASC' } }); }
  algorithms() { return this.ds.getRepository(Algorithm).find({ order: { slug: 'ASC' } }); }
  /** Built-in densities first, then custom ones oldest first; keyset-paged by id (its sort key is read back). */
  async densities(args: { first: number; after?: string | null }): Promise<Page<DensityFunction>> {
    const cursor = decodeCursor(args.after, ['uuid']) as [string] | null;
    const qb = this.ds.getRepository(DensityFunction).createQueryBuilder('d')
      .orderBy('d.builtin', 'DESC').addOrderBy('d.created_at', 'ASC').addOrderBy('d.slug', 'ASC').take(args.first + 1);
    if (cursor) {
      qb.andWhere(`(NOT d.builtin, d.created_at, d.slug) > (SELECT NOT c.builtin, c.created_at, c.slug FROM density_function c WHERE c.id = :ci)`, { ci: cursor[0] });
    }
    return toPage(await qb.getMany(), args.first, (d) => [d.id]);
  }
  publications() { return this.ds.getRepository(Publication).find({ order: { year: 'ASC', slug: 'ASC' } }); }
  reportedResults(publicationId: string, tableKey?: string | null) {
    return this.ds.getRepository(ReportedResult).find({
      where: { publicationId, ...(tableKey ? { tableKey } : {}) },
      order: { tableOrder: 'ASC', rowKey: 'ASC', columnKey: 'ASC' },
    });
  }

  /**
   * A custom density: parsed by the safe grammar of @frogpond/compute (never eval); refused with BAD_USER_INPUT
   * when longer than 200 chars, negative, non-finite or out of bounds anywhere on [0,1], or integrating to 0 or past
   * the bound (DensityError carries the code). Capped per organization; the count and the insert share a transaction.
   */
  async createDensity(actor: Actor | null, args: CreateDensityArgs): Promise<DensityFunction> {
    requireRole(actor, args.organizationId);
    const { integral } = validateDensity(args.expression);
    // Defence in depth: whatever the parser accepts, a stored integral is a positive finite number.
    if (!Number.isFinite(integral) || !(integral > 0)) throw badInput('density integral must be a positive finite number', { field: 'expression' });
    return this.ds.transaction(async (t) => {
      await t.query(`SELECT 1 FROM organization WHERE id = $1 FOR UPDATE`, [args.organizationId]);
      const [{ n }] = await t.query(`SELECT count(*)::int AS n FROM density_function WHERE organization_id = $1`, [args.organizationId]);
      if (n >= (this.limits.densitiesPerOrg ?? 200)) throw forbidden(`Your organization has ${n} custom densities, the limit`, { limit: 'densitiesPerOrg' });
      const repo = t.getRepository(DensityFunction);
      try {
        return await repo.save(repo.create({
          slug: args.slug, expression: args.expression.trim(), label: args.label ?? args.expression.trim(),
          description: args.description ?? '', integral, builtin: false, organizationId: args.organizationId,
        }));
      } catch (e) {
        if (isUniqueViolation(e)) throw badInput(`Density "${args.slug}" already exists`);
        throw e;
      }
    });
  }
}
