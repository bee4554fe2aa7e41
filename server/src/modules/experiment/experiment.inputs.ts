import { ArgsType, Field, ID, InputType, Int, Float } from 'type-graphql';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ConnectionArgs } from '../../common/connection';
import { Visibility } from './experiment.entity';

export const PRESETS = ['toy', 'mini', 'paper'] as const;

@InputType({ description: 'The cross product to expand: datasets x labels x algorithms x rates x densities x attacks x defenses x trialsPerCell' })
export class ExperimentMatrixInput {
  @Field(() => [String], { description: 'dataset slugs' }) @ArrayMinSize(1) @ArrayMaxSize(20) @ArrayUnique() @IsString({ each: true }) datasets: string[];
  @Field(() => [Int], { description: 'label budgets (labeled examples)' }) @ArrayMinSize(1) @ArrayMaxSize(20) @ArrayUnique() @IsInt({ each: true }) @Min(1, { each: true }) @Max(1_000_000, { each: true }) labels: number[];
  @Field(() => [String], { description: 'algorithm slugs' }) @ArrayMinSize(1) @ArrayMaxSize(20) @ArrayUnique() @IsString({ each: true }) algorithms: string[];
  @Field(() => [Float], { description: 'poisoning rates as fractions of the unlabeled set, e.g. 0.001 = 0.1%' })
  @ArrayMinSize(1) @ArrayMaxSize(50) @ArrayUnique() @IsNumber({}, { each: true }) @Min(0, { each: true }) @Max(1, { each: true }) rates: number[];
  @Field(() => [String], { nullable: true, description: 'density slugs (interpolation attacks only); default ["uniform"]' })
  @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(50) @ArrayUnique() @IsString({ each: true }) densities?: string[] | null;
  @Field(() => [ID], { description: 'attack definition ids' }) @ArrayMinSize(1) @ArrayMaxSize(50) @ArrayUnique() @IsString({ each: true }) attacks: string[];
  @Field(() => [ID], { nullable: true, description: 'defense definition ids; default: no defense' })
  @IsOptional() @ArrayMaxSize(20) @ArrayUnique() @IsString({ each: true }) defenses?: string[] | null;
  @Field(() => Int) @IsInt() @Min(1) @Max(10000) trialsPerCell: number;
}

@InputType()
export class CreateExperimentInput {
  @Field(() => ID) @IsString() organizationId: string;
  @Field() @IsString() @Length(1, 200) name: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10000) description?: string;
  @Field(() => Visibility, { defaultValue: Visibility.PUBLIC }) @IsEnum(Visibility) visibility: Visibility;
  @Field(() => ExperimentMatrixInput) @ValidateNested() matrix: ExperimentMatrixInput;
  @Field(() => Int, { defaultValue: 0, description: 'Seeds of all trials derive from this and their cell' }) @IsInt() @Min(0) @Max(2147483647) seedBase: number;
  @Field({ defaultValue: 'toy', description: 'toy | mini | paper' }) @IsIn(PRESETS as unknown as string[]) preset: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Training overrides on top of the preset (see trialContract.overrides); unknown keys and out-of-range values are refused' })
  @IsOptional() overrides?: Record<string, unknown> | null;
  @Field({ nullable: true, description: 'Makes the mutation retry-safe: the same id returns the first experiment' })
  @IsOptional() @IsString() @Length(1, 100) clientMutationId?: string;
}

@ArgsType()
export class ExperimentsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only this organization\'s experiments' }) @IsOptional() @IsString() organizationId?: string | null;
}
