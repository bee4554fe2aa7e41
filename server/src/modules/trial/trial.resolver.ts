import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { AttackDefinition } from '../attack/attack.entity';
import { DefenseDefinition } from '../defense/defense.entity';
import { Experiment } from '../experiment/experiment.entity';
import { Artifact } from './artifact.entity';
import { Trial } from './trial.entity';
import { TrialResult } from './trial-result.entity';

@Resolver(() => Trial)
export class TrialResolver {
  @Query(() => Trial)
  trial(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) { return ctx.services.trials.get(ctx.actor, id); }

  @FieldResolver(() => Experiment)
  experiment(@Root() t: Trial, @Ctx() ctx: Context) { return ctx.loaders.experiment.load(t.experimentId); }

  @FieldResolver(() => AttackDefinition, { nullable: true })
  attack(@Root() t: Trial, @Ctx() ctx: Context) { return t.attackId ? ctx.loaders.attack.load(t.attackId) : null; }

  @FieldResolver(() => DefenseDefinition, { nullable: true })
  defense(@Root() t: Trial, @Ctx() ctx: Context) { return t.defenseId ? ctx.loaders.defense.load(t.defenseId) : null; }

  @FieldResolver(() => TrialResult, { nullable: true })
  result(@Root() t: Trial, @Ctx() ctx: Context) { return ctx.loaders.resultByTrial.load(t.id); }

  @FieldResolver(() => [Artifact])
  artifacts(@Root() t: Trial, @Ctx() ctx: Context) { return ctx.loaders.artifactsByTrial.load(t.id); }
}

@Resolver(() => Artifact)
export class ArtifactResolver {
  @FieldResolver(() => String, { nullable: true, complexity: 20, description: 'File content, base64 (fetch one at a time)' })
  async base64(@Root() a: Artifact, @Ctx() ctx: Context) {
    const bytes = await ctx.services.trials.artifactBytes(a.id);
    return bytes ? bytes.toString('base64') : null;
  }
}
