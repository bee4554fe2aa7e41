import 'reflect-metadata';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional } from 'class-validator';

export enum MatrixDimension {
  DATASET = 'DATASET', LABELS = 'LABELS', ALGORITHM = 'ALGORITHM', RATE = 'RATE',
  DENSITY = 'DENSITY', ATTACK = 'ATTACK', DEFENSE = 'DEFENSE',
}
registerEnumType(MatrixDimension, { name: 'MatrixDimension', description: 'A coordinate of a trial cell' });

@InputType({ description: 'Restricts the trials aggregated; every list is OR within, AND across' })
export class MatrixFilter {
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(100) datasets?: string[] | null;
  @Field(() => [Int], { nullable: true }) @IsOptional() @ArrayMaxSize(100) labels?: number[] | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(100) algorithms?: string[] | null;
  @Field(() => [Float], { nullable: true }) @IsOptional() @ArrayMaxSize(100) rates?: number[] | null;
  @Field(() => [String], { nullable: true, description: 'density slugs' }) @IsOptional() @ArrayMaxSize(100) densities?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'attack ids or attack kinds' }) @IsOptional() @ArrayMaxSize(100) attacks?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'defense ids or defense kinds ("none" = no defense)' }) @IsOptional() @ArrayMaxSize(100) defenses?: string[] | null;
}

@ObjectType({ description: 'k/n a paper reports for this cell', simpleResolvers: true })
export class ReportedValue {
  @Field(() => Int) successes: number;
  @Field(() => Int) trials: number;
  @Field(() => Float) rate: number;
  @Field() publication: string;
  @Field() table: string;
  @Field() rowKey: string;
  @Field() columnKey: string;
}

@ObjectType({ simpleResolvers: true, description: 'The same trials (same seeds) trained without their defense' })
export class WithoutDefense {
  @Field(() => Int, { description: 'Trials in which the attack succeeded without the defense' }) successes: number;
  @Field(() => Int, { description: 'Trials with a result that recorded the run without the defense' }) trials: number;
  @Field(() => Float, { nullable: true, description: 'successes / trials' }) successRate: number | null;
  @Field(() => Float, { nullable: true, description: 'Wilson 95% interval, lower bound' }) wilsonLow: number | null;
  @Field(() => Float, { nullable: true, description: 'Wilson 95% interval, upper bound' }) wilsonHigh: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean clean accuracy without the defense' }) cleanAccuracyMean: number | null;
}

@ObjectType({ simpleResolvers: true, description: "What the cell's defenses detected, against the true poison indices" })
export class DetectionSummary {
  @Field(() => Float, { nullable: true, description: 'Mean ROC AUC of the suspicion scores (null: no trial scored)' }) rocAucMean: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean true-positive rate at 5% false-positive rate' }) tprAt5FprMean: number | null;
  @Field(() => Int, { nullable: true, description: 'Poisons removed, summed over the trials that report removals' }) poisonsRemoved: number | null;
  @Field(() => Int, { nullable: true, description: 'All poisons of those trials' }) poisons: number | null;
  @Field(() => Float, { nullable: true, description: 'poisonsRemoved / poisons' }) poisonRemovalRate: number | null;
  @Field(() => Int, { nullable: true, description: 'Clean examples removed, summed over the trials that report removals' }) cleanRemoved: number | null;
  @Field(() => Int, { nullable: true, description: 'All clean examples the defense judged in those trials' }) clean: number | null;
  @Field(() => Float, { nullable: true, description: 'cleanRemoved / clean' }) cleanRemovalRate: number | null;
}

// simpleResolvers: plain properties, no per-field wrapper (a matrix has hundreds of them)
@ObjectType({ simpleResolvers: true })
export class MatrixCell {
  @Field(() => [String], { description: 'Values of the row dimensions, in order' }) row: string[];
  @Field(() => [String], { description: 'Values of the column dimensions, in order' }) column: string[];
  @Field(() => [String], { description: 'Display labels of the row values' }) rowLabels: string[];
  @Field(() => [String]) columnLabels: string[];
  @Field(() => Int, { description: 'Trials with a result in which the attack succeeded' }) successes: number;
  @Field(() => Int, { description: 'Trials with a result' }) trials: number;
  @Field(() => Int, { description: 'All trials of the cell, whatever their status' }) scheduled: number;
  @Field(() => Float, { nullable: true, description: 'successes / trials' }) successRate: number | null;
  @Field(() => Float, { nullable: true, description: 'Wilson 95% interval, lower bound' }) wilsonLow: number | null;
  @Field(() => Float, { nullable: true, description: 'Wilson 95% interval, upper bound' }) wilsonHigh: number | null;
  @Field(() => Float, { nullable: true }) cleanAccuracyMean: number | null;
  @Field(() => WithoutDefense, { nullable: true, description: 'Where every trial of the cell ran a defense: the same trials without it; null otherwise' })
  withoutDefense: WithoutDefense | null;
  @Field(() => DetectionSummary, { nullable: true, description: 'Where every trial of the cell ran a defense: its detection metrics; null otherwise' })
  detection: DetectionSummary | null;
  @Field(() => ReportedValue, { nullable: true }) paper: ReportedValue | null;
}

@ObjectType({ simpleResolvers: true })
export class ExperimentMatrix {
  @Field(() => [MatrixDimension]) rows: MatrixDimension[];
  @Field(() => [MatrixDimension]) columns: MatrixDimension[];
  @Field(() => [MatrixCell]) cells: MatrixCell[];
}

