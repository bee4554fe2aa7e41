import { DataSource } from 'typeorm';
import { validateDensity } from '@frogpond/compute/densities';
import { Actor, requireRole } from '../../common/auth';
import { badInput, isUniqueViolation } from '../../common/errors';
import { Algorithm } from './algorithm.entity';
import { Dataset } from './dataset.entity';
import { DensityFunction } from './density-function.entity';
import { Publication } from './publication.entity';
import { ReportedResult } from './reported-result.entity';

export interface CreateDensityArgs { organizationId: string; slug: string; expression: string; label?: string; description?: string }

/** Read side of the catalogue (datasets, algorithms, densities, publications) and custom densities. */
export class CatalogueService {
  constructor(private readonly ds: DataSource) {}

  datasets() { return this.ds.getRepository(Dataset).find({ order: { slug: 'ASC' } }); }
  algorithms() { return this.ds.getRepository(Algorithm).find({ order: { slug: 'ASC' } }); }
  densities() { return this.ds.getRepository(DensityFunction).find({ order: { builtin: 'DESC', createdAt: 'ASC', slug: 'ASC' } }); }
  publications() { return this.ds.getRepository(Publication).find({ order: { year: 'ASC', slug: 'ASC' } }); }
  reportedResults(publicationId: string, tableKey?: string | null) {
    return this.ds.getRepository(ReportedResult).find({
      where: { publicationId, ...(tableKey ? { tableKey } : {}) },
      order: { tableOrder: 'ASC', rowKey: 'ASC', columnKey: 'ASC' },
    });
  }

  /**
   * A custom density: parsed by the safe grammar of @frogpond/compute (never eval); refused with BAD_USER_INPUT
   * when longer than 200 chars, negative on [0,1], non-finite or integrating to 0 (DensityError carries the code).
   */
  async createDensity(actor: Actor | null, args: CreateDensityArgs): Promise<DensityFunction> {
    requireRole(actor, args.organizationId);
    const { integral } = validateDensity(args.expression);
    const repo = this.ds.getRepository(DensityFunction);
    try {
      return await repo.save(repo.create({
        slug: args.slug, expression: args.expression.trim(), label: args.label ?? args.expression.trim(),
        description: args.description ?? '', integral, builtin: false, organizationId: args.organizationId,
      }));
    } catch (e) {
      if (isUniqueViolation(e)) throw badInput(`Density "${args.slug}" already exists`);
      throw e;
    }
  }
}
