import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, ConnectionArgs } from '../../common/connection';
import { Context } from '../../graphql/context';
import { Algorithm } from './algorithm.entity';
import { Dataset } from './dataset.entity';
import { DensityFunction } from './density-function.entity';
import { Publication } from './publication.entity';
import { ReportedResult } from './reported-result.entity';
import { CreateDensityInput } from './catalogue.inputs';
import { notFound } from '../../common/errors';
import { Reproduction } from '../leaderboard/leaderboard.types';
import { permalink } from '../experiment/citation';

const LIST_COST = 20;
export const DensityConnection = Connection(DensityFunction, 'Density');

@Resolver()
export class CatalogueResolver {
  // Unpaged lists cost what a page of their size would: a query aliasing one a thousand times is refused up front.
  @Query(() => [Dataset], { complexity: LIST_COST }) datasets(@Ctx() ctx: Context) { return ctx.services.catalogue.datasets(); }
  @Query(() => [Algorithm], { complexity: LIST_COST }) algorithms(@Ctx() ctx: Context) { return ctx.services.catalogue.algorithms(); }
  @Query(() => DensityConnection, { description: 'Built-in densities first, then custom ones' })
  densities(@Args() args: ConnectionArgs, @Ctx() ctx: Context) { return ctx.services.catalogue.densities(args); }
  @Query(() => [Publication], { complexity: LIST_COST }) publications(@Ctx() ctx: Context) { return ctx.services.catalogue.publications(); }

  @Query(() => Publication, { description: 'A paper by slug, e.g. carlini2021' })
  async publication(@Arg('slug') slug: string, @Ctx() ctx: Context) {
    const p = (await ctx.services.catalogue.publications()).find((x) => x.slug === slug);
    if (!p) throw notFound('Publication', slug);
    return p;
  }

  @Mutation(() => DensityFunction, { description: 'A custom density, validated by the safe expression parser' })
  createDensity(@Arg('input') input: CreateDensityInput, @Ctx() ctx: Context) {
    return ctx.services.catalogue.createDensity(ctx.actor, input);
  }
}

@Resolver(() => Publication)
export class PublicationResolver {
  @FieldResolver(() => [ReportedResult], { complexity: 20 })
  reportedResults(@Root() p: Publication, @Arg('table', () => String, { nullable: true }) table: string | null, @Ctx() ctx: Context) {
    return ctx.services.catalogue.reportedResults(p.id, table);
  }

  @FieldResolver(() => [Reproduction], { complexity: 20, description: "The platform's k/n beside each reported cell (see ReportedResult ids)" })
  reproductions(@Root() p: Publication, @Ctx() ctx: Context) { return ctx.services.leaderboard.reproductions(ctx.actor, p.id); }

  @FieldResolver(() => String, { description: 'Stable URL of the publication on this site' })
  permalink(@Root() p: Publication, @Ctx() ctx: Context) { return permalink.publication(ctx.config.publicUrl, p.slug); }
}

@Resolver(() => ReportedResult)
export class ReportedResultResolver {
  @FieldResolver(() => Publication)
  publication(@Root() r: ReportedResult, @Ctx() ctx: Context) { return ctx.loaders.publication.load(r.publicationId); }
}
