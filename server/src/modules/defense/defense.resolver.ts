import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { Connection } from '../../common/connection';
import { Organization } from '../organization/organization.entity';
import { DefenseDefinition } from './defense.entity';
import { CreateDefenseInput, DefensesArgs, UpdateDefenseInput } from './defense.inputs';

export const DefenseConnection = Connection(DefenseDefinition, 'Defense');

@Resolver(() => DefenseDefinition)
export class DefenseResolver {
  @Query(() => DefenseConnection)
  defenses(@Args() args: DefensesArgs, @Ctx() ctx: Context) { return ctx.services.defenses.list(args); }

  @Query(() => DefenseDefinition)
  defense(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) { return ctx.services.defenses.get(id); }

  @Mutation(() => DefenseDefinition)
  createDefense(@Arg('input') input: CreateDefenseInput, @Ctx() ctx: Context) { return ctx.services.defenses.create(ctx.actor, input); }

  @Mutation(() => DefenseDefinition, { description: 'Changes in place while unused; once a trial used it, creates a new version' })
  updateDefense(@Arg('input') input: UpdateDefenseInput, @Ctx() ctx: Context) {
    return ctx.services.defenses.update(ctx.actor, input.id, input);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'null for built-in definitions' })
  organization(@Root() d: DefenseDefinition, @Ctx() ctx: Context) {
    return d.organizationId ? ctx.loaders.organization.load(d.organizationId) : null;
  }
}
