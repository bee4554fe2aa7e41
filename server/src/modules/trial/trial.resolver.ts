import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { AttackDefinition } from '../attack/attack.entity';
import { DefenseDefinition } from '../defense/defense.entity';
import { Experiment } from '../experiment/experiment.entity';
import { Artifact } from './artifact.entity';
import { Trial } from './trial.entity';
import { TrialResult } from './trial-result.entity';
import { RecordTrialResultInput } from './trial.inputs';
import type { RecordedOutcome } from './trial-result.service';
import { ResolvedTrialConfig, resolveTrialConfig, trialCommand, trialConfigHash } from '@frogpond/compute/contract';

@Resolver(() => Trial)
export class TrialResolver {
  @Query(() => Trial)
  trial(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) { return ctx.services.trials.get(ctx.actor, id); }

  @Mutation(() => TrialResult, { description: 'Worker-facing: records a trial result exactly once (a second one is refused)' })
  recordTrialResult(@Arg('input') input: RecordTrialResultInput, @Ctx() ctx: Context) {
    const artifacts = input.artifacts?.map((a) => ({ kind: a.kind, mime: a.mime, sha256: a.sha256, bytes: Buffer.from(a.base64, 'base64') }));
    return ctx.services.results.recordAs(ctx.actor, input.trialId, { ...input, artifacts } as unknown as RecordedOutcome);
  }

  @FieldResolver(() => Experiment)
  experiment(@Root() t: Trial, @Ctx() ctx: Context) { return ctx.loaders.experiment.load(t.experimentId); }

  @FieldResolver(() => AttackDefinition, { nullable: true })
  attack(@Root() t: Trial, @Ctx() ctx: Context) { return t.attackId ? ctx.loaders.attack.load(t.attackId) : null; }

  @FieldResolver(() => DefenseDefinition, { nullable: true })
  defense(@Root() t: Trial, @Ctx() ctx: Context) { return t.defenseId ? ctx.loaders.defense.load(t.defenseId) : null; }

  @FieldResolver(() => TrialResult, { nullable: true })
  result(@Root() t: Trial, @Ctx() ctx: Context) { return ctx.loaders.resultByTrial.load(t.id); }

  @FieldResolver(() => String, { nullable: true, description: 'The `frogpond trial` command that reproduces this trial (same config and seed); null for a config this version cannot resolve' })
  command(@Root() t: Trial): string | null {
    try {
      return trialCommand(resolvedConfigOf(t), t.seed);
    } catch {
      return null;
    }
  }

  @FieldResolver(() => String, { nullable: true, description: 'Hash of the resolved config, as compute computes it (null for a config this version cannot resolve)' })
  configHash(@Root() t: Trial): string | null {
    try {
      return trialConfigHash(resolvedConfigOf(t));
    } catch {
      return null;
    }
  }

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

/** The trial's stored config, resolved (configs stored before the contract may lack defaults). */
function resolvedConfigOf(t: Trial): ResolvedTrialConfig {
  return resolveTrialConfig(t.config);
}
