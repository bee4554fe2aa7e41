import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { Connection } from '../../common/connection';
import { Organization } from '../organization/organization.entity';
import { Publication } from '../catalogue/publication.entity';
import { AttackDefinition } from './attack.entity';
import { AttacksArgs, CreateAttackInput, UpdateAttackInput } from './attack.inputs';

export const AttackConnection = Connection(AttackDefinition, 'Attack');

@Resolver(() => AttackDefinition)
export class AttackResolver {
  @Query(() => AttackConnection)
  attacks(@Args() args: AttacksArgs, @Ctx() ctx: Context) { return ctx.services.attacks.list(args); }

  @Query(() => AttackDefinition)
  attack(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) { return ctx.services.attacks.get(id); }

  @Mutation(() => AttackDefinition)
  createAttack(@Arg('input') input: CreateAttackInput, @Ctx() ctx: Context) { return ctx.services.attacks.create(ctx.actor, input); }

  @Mutation(() => AttackDefinition, { description: 'Changes in place while unused; once a trial used it, creates a new version' })
  updateAttack(@Arg('input') input: UpdateAttackInput, @Ctx() ctx: Context) {
    return ctx.services.attacks.update(ctx.actor, input.id, input);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'null for built-in definitions' })
  organization(@Root() a: AttackDefinition, @Ctx() ctx: Context) {
    return a.organizationId ? ctx.loaders.organization.load(a.organizationId) : null;
  }

  @FieldResolver(() => Publication, { nullable: true })
  publication(@Root() a: AttackDefinition, @Ctx() ctx: Context) {
    return a.publicationId ? ctx.loaders.publication.load(a.publicationId) : null;
  }
}
