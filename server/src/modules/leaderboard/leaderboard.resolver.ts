import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { LeaderboardArgs } from './leaderboard.inputs';
import { LeaderboardConnection } from './leaderboard.types';

@Resolver()
export class LeaderboardResolver {
  @Query(() => LeaderboardConnection, {
    complexity: 20,
    description: 'Every finished trial you may see, in every experiment, one row per complete setting (never summing unlike '
      + 'settings): k/n, Wilson 95% interval, the paper value, the experiments and organizations behind it. Trials whose '
      + 'clean accuracy is near chance are counted apart and never ranked. One SQL statement per page.',
  })
  leaderboard(@Args() args: LeaderboardArgs, @Ctx() ctx: Context) { return ctx.services.leaderboard.page(ctx.actor, args); }
}
