import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../common/errors';
import { Context } from '../../graphql/context';
import { Organization } from '../organization/organization.entity';
import { Benchmark } from './benchmark.entity';
import { defenseLeaderboard } from './defense-leaderboard';
import { DefenseLeaderboardRow, DefenseSubmission, ReplicateScore, SubmissionProgress } from './submission.entity';
import { SubmitDefenseScoresInput } from './submission.inputs';

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

  @Mutation(() => DefenseSubmission, { description: 'Puts a scored submission of your organization on the public board' })
  publishDefenseSubmission(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) { return ctx.services.submissions.publish(ctx.actor, id); }

  @FieldResolver(() => Benchmark)
  benchmark(@Root() s: DefenseSubmission, @Ctx() ctx: Context) { return ctx.services.benchmarks.byId(s.benchmarkId); }

  @FieldResolver(() => Organization, { nullable: true, description: 'null for the server\'s baselines' })
  organization(@Root() s: DefenseSubmission, @Ctx() ctx: Context) { return s.organizationId ? ctx.loaders.organization.load(s.organizationId) : null; }

  @FieldResolver(() => [ReplicateScore], { description: 'Per-replicate detection, score histogram and retraining result' })
  replicateScores(@Root() s: DefenseSubmission, @Ctx() ctx: Context) { return ctx.services.submissions.replicateScores(s); }

  @FieldResolver(() => SubmissionProgress)
  progress(@Root() s: DefenseSubmission, @Ctx() ctx: Context) { return ctx.services.submissions.progress(s); }
}

@Resolver(() => Benchmark)
export class BenchmarkBoardResolver {
  @FieldResolver(() => [DefenseLeaderboardRow], { description: 'Defense leaderboard: baselines and published submissions, ranked in SQL' })
  async leaderboard(@Root() b: Benchmark, @Args() args: LeaderboardArgs, @Ctx() ctx: Context) {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > 1000) throw badInput('first must be between 1 and 1000', { field: 'first' });
    await ctx.services.submissions.ensureBaselines(b);
    await ctx.services.submissions.refresh(b.id);
    return defenseLeaderboard(ctx.ds, b.id, args.all, args.first);
  }

  @FieldResolver(() => [DefenseSubmission], { description: 'The server\'s baselines: no defense, random scores, oracle' })
  async baselines(@Root() b: Benchmark, @Ctx() ctx: Context) {
    await ctx.services.submissions.ensureBaselines(b);
    return ctx.services.submissions.baselines(b);
  }

  @FieldResolver(() => [DefenseSubmission], { description: 'Your organization\'s submissions (empty without a token)' })
  mySubmissions(@Root() b: Benchmark, @Ctx() ctx: Context) { return ctx.services.submissions.mine(ctx.actor, b); }
}
