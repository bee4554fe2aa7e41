import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { AttackDefinition } from '../attack/attack.entity';
import { DefenseDefinition } from '../defense/defense.entity';
import { Experiment } from '../experiment/experiment.entity';
import { Artifact } from './artifact.entity';
import { Trial } from './trial.entity';
import { TrialResult } from './trial-result.entity';
import { RecordTrialResultInput } from './trial.inputs';

@Resolver(() => Trial)
export class TrialResolver {
  @Query(() => Trial)
  trial(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) { return ctx.services.trials.get(ctx.actor, id); }

  @Mutation(() => TrialResult, { description: 'Worker-facing: records a trial result exactly once (a second one is refused)' })
  recordTrialResult(@Arg('input') input: RecordTrialResultInput, @Ctx() ctx: Context) {
    const artifacts = input.artifacts?.map((a) => ({ kind: a.kind, mime: a.mime, sha256: a.sha256, bytes: Buffer.from(a.base64, 'base64') }));
    return ctx.services.results.recordAs(ctx.actor, input.trialId, { ...input, artifacts });
  }

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

  @FieldResolver(() => String, { complexity: 10, description: 'JSON manifest: resolved config, config hash, seed, cell, result and artifact hashes (also at /api/trials/{id}/manifest.json; poisons at /api/trials/{id}/poisons.npy)' })
  async manifest(@Root() t: Trial, @Ctx() ctx: Context) { return (await ctx.services.evidence.manifest(ctx.actor, t.id, ctx.config.publicUrl)).body; }
}

@Resolver(() => Artifact)
export class ArtifactResolver {
  @FieldResolver(() => String, { nullable: true, complexity: 20, description: 'File content, base64 (fetch one at a time)' })
  async base64(@Root() a: Artifact, @Ctx() ctx: Context) {
    const bytes = await ctx.services.trials.artifactBytes(a.id);
    return bytes ? bytes.toString('base64') : null;
  }
}
