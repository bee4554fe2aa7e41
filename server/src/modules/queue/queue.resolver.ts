import DataLoader from 'dataloader';
import { Arg, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from '../../graphql/context';
import { Experiment } from '../experiment/experiment.entity';
import { ExperimentProgressData, QueueLifecycleService, RATE_WINDOW_S } from './queue.service';

@ObjectType({
  description:
    'Live progress of an experiment. Polling contract: while experiment.status is QUEUED or RUNNING, poll '
    + '`experimentProgress(id)` (or `experiment { status progress }`) every 2-5 s; stop when the status is COMPLETED '
    + 'or CANCELLED. One indexed aggregate query per poll (batched across experiments in a list). `updatedAt` only '
    + 'moves when a trial starts or finishes: re-render when it changed. Per-trial step progress is `Trial.progress` '
    + '(written by workers at most once per second per trial).',
})
export class ExperimentProgress implements ExperimentProgressData {
  @Field(() => ID) experimentId: string;
  @Field(() => Int) total: number;
  @Field(() => Int) queued: number;
  @Field(() => Int) running: number;
  @Field(() => Int) succeeded: number;
  @Field(() => Int) failed: number;
  @Field(() => Int) cancelled: number;
  @Field(() => Float, { description: `Trials finished (SUCCEEDED or FAILED) per minute over the last ${RATE_WINDOW_S / 60} minutes` })
  trialsPerMinute: number;
  @Field(() => Int, { nullable: true, description: 'Estimated seconds until every QUEUED/RUNNING trial is done at the current rate; null when unknown' })
  etaSeconds: number | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Last time a trial of this experiment changed state' })
  updatedAt: Date | null;
}

/** One progress DataLoader per request: a page of experiments costs one SQL statement, not one per experiment. */
const loaders = new WeakMap<object, DataLoader<string, ExperimentProgressData>>();
function progressLoader(ctx: Context): DataLoader<string, ExperimentProgressData> {
  let l = loaders.get(ctx);
  if (!l) {
    const svc = new QueueLifecycleService(ctx.ds);
    l = new DataLoader((ids) => svc.progressMany(ids));
    loaders.set(ctx, l);
  }
  return l;
}

@Resolver(() => Experiment)
export class QueueResolver {
  @FieldResolver(() => ExperimentProgress, { description: 'Counts by state, trials per minute and ETA (see ExperimentProgress for the polling contract)' })
  progress(@Root() e: Experiment, @Ctx() ctx: Context) {
    // the parent resolver already checked that the caller may read this experiment
    return progressLoader(ctx).load(e.id);
  }

  @Query(() => ExperimentProgress, { description: 'Progress of one experiment: the cheap query to poll' })
  experimentProgress(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return new QueueLifecycleService(ctx.ds).progress(ctx.actor, id);
  }

  @Mutation(() => Experiment, { description: 'Re-queues the FAILED trials of an experiment (member token of the owning organization)' })
  async retryFailedTrials(@Arg('experimentId', () => ID) experimentId: string, @Ctx() ctx: Context) {
    await new QueueLifecycleService(ctx.ds).retryFailedTrials(ctx.actor, experimentId);
    return ctx.services.experiments.get(ctx.actor, experimentId);
  }
}
