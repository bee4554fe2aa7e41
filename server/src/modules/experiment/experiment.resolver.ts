import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLResolveInfo, Kind } from 'graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { Context } from '../../graphql/context';
import { Connection, ConnectionArgs } from '../../common/connection';
import { Organization } from '../organization/organization.entity';
import { Trial, TrialStatus } from '../trial/trial.entity';
import { Experiment } from './experiment.entity';
import { CreateExperimentInput, ExperimentsArgs } from './experiment.inputs';
import { ExperimentMatrix, MatrixDimension, MatrixFilter } from './matrix.types';
import { matrixToCsv, matrixToLatex } from './matrix-export';

export const ExperimentConnection = Connection(Experiment, 'Experiment');
export const TrialConnection = Connection(Trial, 'Trial');

@ArgsType()
class TrialsArgs extends ConnectionArgs {
  @Field(() => TrialStatus, { nullable: true }) @IsOptional() @IsEnum(TrialStatus) status?: TrialStatus | null;
}

@ObjectType()
class StatusCount {
  @Field(() => TrialStatus) status: TrialStatus;
  @Field(() => Int) count: number;
}

@ObjectType()
class CreateExperimentPayload {
  @Field(() => Experiment) experiment: Experiment;
  @Field(() => Int) trialCount: number;
  @Field({ description: 'true when this was a retry of an earlier call with the same clientMutationId' }) replayed: boolean;
  @Field(() => String, { nullable: true }) clientMutationId: string | null;
}

@ObjectType()
class ExperimentPreview {
  @Field(() => Int, { description: 'Trials createExperiment would create (same validation and expansion)' }) trialCount: number;
  @Field(() => Int, { description: 'The cap on trials per experiment (FROGPOND_MAX_TRIALS)' }) maxTrials: number;
}

@Resolver(() => Experiment)
export class ExperimentResolver {
  @Query(() => ExperimentPreview, { description: 'Validates an experiment like createExperiment and counts its trials; writes nothing' })
  previewExperiment(@Arg('input') input: CreateExperimentInput, @Ctx() ctx: Context) {
    return ctx.services.experiments.previewExperiment(ctx.actor, input);
  }

  @Query(() => ExperimentConnection, { description: 'Public experiments, plus private ones of your organization' })
  experiments(@Args() args: ExperimentsArgs, @Ctx() ctx: Context) { return ctx.services.experiments.list(ctx.actor, args); }

  @Query(() => Experiment)
  experiment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    // A selection of only id/matrix (matrix polling) needs the access check, not the row.
    return onlyIdAndMatrix(info) ? ctx.services.experiments.getRef(ctx.actor, id) : ctx.services.experiments.get(ctx.actor, id);
  }

  @Mutation(() => CreateExperimentPayload, { description: 'Expands the matrix into QUEUED trials in one transaction' })
  async createExperiment(@Arg('input') input: CreateExperimentInput, @Ctx() ctx: Context): Promise<CreateExperimentPayload> {
    const { experiment, replayed } = await ctx.services.experiments.createExperiment(ctx.actor, input);
    return { experiment, trialCount: experiment.trialCount, replayed: !!replayed, clientMutationId: input.clientMutationId ?? null };
  }

  @Mutation(() => CreateExperimentPayload, { description: 'A new experiment (of your organization) re-running one trial with the same cell, seed and config' })
  async reproduceTrial(@Arg('trialId', () => ID) trialId: string, @Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context): Promise<CreateExperimentPayload> {
    const { experiment } = await ctx.services.experiments.reproduceTrial(ctx.actor, trialId, organizationId);
    return { experiment, trialCount: experiment.trialCount, replayed: false, clientMutationId: null };
  }

  @Mutation(() => Experiment)
  cancelExperiment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) { return ctx.services.experiments.cancelExperiment(ctx.actor, id); }

  @FieldResolver(() => Organization)
  organization(@Root() e: Experiment, @Ctx() ctx: Context) { return ctx.loaders.organization.load(e.organizationId); }

  @FieldResolver(() => TrialConnection)
  trials(@Root() e: Experiment, @Args() args: TrialsArgs, @Ctx() ctx: Context) { return ctx.services.experiments.trials(e.id, args); }

  @FieldResolver(() => [StatusCount])
  statusCounts(@Root() e: Experiment, @Ctx() ctx: Context) { return ctx.services.experiments.statusCounts(e.id); }

  @FieldResolver(() => ExperimentMatrix, { complexity: 50, description: 'k/n per cell with Wilson 95% intervals and the paper value; one SQL statement' })
  matrix(
    @Root() e: Experiment,
    @Arg('rows', () => [MatrixDimension]) rows: MatrixDimension[],
    @Arg('columns', () => [MatrixDimension], { defaultValue: [] }) columns: MatrixDimension[],
    @Arg('filter', () => MatrixFilter, { nullable: true }) filter: MatrixFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.matrix.matrix(e.id, { rows, columns, filter });
  }
}

const REF_FIELDS = new Set(['id', 'matrix', '__typename']);
function onlyIdAndMatrix(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((node) => (node.selectionSet?.selections ?? []).every(
    (sel) => sel.kind === Kind.FIELD && REF_FIELDS.has(sel.name.value)));
}

/** Exports of a matrix, computed from its cells (no further SQL). */
@Resolver(() => ExperimentMatrix)
export class ExperimentMatrixResolver {
  @FieldResolver(() => String, { description: 'booktabs LaTeX table: k/n per cell, the paper k/n in parentheses' })
  latex(@Root() m: ExperimentMatrix, @Arg('caption', () => String, { nullable: true }) caption: string | null) {
    return matrixToLatex(m, caption ?? '');
  }

  @FieldResolver(() => String, { description: 'CSV, one line per cell' })
  csv(@Root() m: ExperimentMatrix) { return matrixToCsv(m); }
}
