import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../common/errors';
import { Context } from '../../graphql/context';
import { Organization } from '../organization/organization.entity';
import { Benchmark } from './benchmark.entity';
import { describeContract } from '@frogpond/compute/contract';
import { verifiedRunDefenseKinds } from '@frogpond/compute/defenses';
import { ContractKind } from '../contract/contract.types';
import { DefenseLeaderboardRow, DefenseSubmission, ReplicateScore, SUBMISSION_KIND_LABELS, SubmissionProgress } from './submission.entity';
import { SubmitDefenseScoresInput, SubmitVerifiedRunInput } from './submission.inputs';

@ArgsType()
class LeaderboardArgs {
  @Field({ defaultValue: false, description: 'Every published submission, not only each team\'s latest' }) all: boolean;
  @Field(() => Int, { defaultValue: 200, description: 'Rows, 1..1000' }) first: number;
}

@Resolver(() => DefenseSubmission)
export class SubmissionResolver {
  @Query(() => DefenseSubmission)
  defenseSubmission(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) { return ctx.services.submissions.get(ctx.actor, id); }

  @Mutation(() => DefenseSubmission, { description: 'Submits a score file; detection metrics are computed at once, retraining is queued' })
  submitDefenseScores(@Arg('input') input: SubmitDefenseScoresInput, @Ctx() ctx: Context) { return ctx.services.submissions.submitScores(ctx.actor, input); }

  @Mutation(() => DefenseSubmission, {
    description: 'Submits a verified run: the workers run the named defense of the trial contract on every sequestered replicate (same quota as score files)',
  })
  submitVerifiedRun(@Arg('input') input: SubmitVerifiedRunInput, @Ctx() ctx: Context) { return ctx.services.submissions.submitVerifiedRun(ctx.actor, input); }

  @Mutation(() => DefenseSubmission, { description: 'Puts a scored submission of your organization on the public board' })
  publishDefenseSubmission(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) { return ctx.services.submissions.publish(ctx.actor, id); }

  @FieldResolver(() => Benchmark)
  benchmark(@Root() s: DefenseSubmission, @Ctx() ctx: Context) { return ctx.services.benchmarks.byId(s.benchmarkId); }

  @FieldResolver(() => Organization, { nullable: true, description: 'null for the server\'s baselines' })
  organization(@Root() s: DefenseSubmission, @Ctx() ctx: Context) { return s.organizationId && s.baseline === null ? ctx.loaders.organization.load(s.organizationId) : null; }

  @FieldResolver(() => String, { description: 'score file, verified run or baseline' })
  kindLabel(@Root() s: DefenseSubmission): string { return SUBMISSION_KIND_LABELS[s.kind]; }

  @FieldResolver(() => [ReplicateScore], { description: 'Per-replicate detection, score histogram and retraining result' })
  replicateScores(@Root() s: DefenseSubmission, @Ctx() ctx: Context) { return ctx.services.submissions.replicateScores(s); }

  @FieldResolver(() => SubmissionProgress)
  progress(@Root() s: DefenseSubmission, @Ctx() ctx: Context) { return ctx.services.submissions.progress(s); }
}

@Resolver(() => Benchmark)
export class BenchmarkBoardResolver {
  @FieldResolver(() => [DefenseLeaderboardRow], { description: 'Defense leaderboard: scored baselines and published submissions, ranked by their stored aggregates' })
  leaderboard(@Root() b: Benchmark, @Args() args: LeaderboardArgs, @Ctx() ctx: Context) {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > 1000) throw badInput('first must be between 1 and 1000', { field: 'first' });
    return ctx.services.defenseBoard.rows(b.id, args.all, args.first);
  }

  @FieldResolver(() => [DefenseSubmission], { description: 'Baselines still being scored (queued when the benchmark was created), with their progress' })
  pendingBaselines(@Root() b: Benchmark, @Ctx() ctx: Context) { return ctx.services.defenseBoard.pending(b.id); }

  @FieldResolver(() => [DefenseSubmission], { description: 'The server\'s baselines: no defense, random scores, oracle, and each built-in defense as a verified run' })
  baselines(@Root() b: Benchmark, @Ctx() ctx: Context) { return ctx.services.baselines.list(b); }

  @FieldResolver(() => [ContractKind], { description: 'Defense kinds a verified run may name, with their parameters from the trial contract' })
  verifiedRunDefenses() {
    const allowed = new Set(verifiedRunDefenseKinds());
    return describeContract().defenses.filter((k) => allowed.has(k.kind)).map((k) => ({ ...k, enumName: k.kind.toUpperCase().replace(/-/g, '_') }));
  }

  @FieldResolver(() => [DefenseSubmission], { description: 'Your organization\'s submissions (empty without a token)' })
  mySubmissions(@Root() b: Benchmark, @Ctx() ctx: Context) { return ctx.services.submissions.mine(ctx.actor, b); }
}
