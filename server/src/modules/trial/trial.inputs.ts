import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBase64, IsBoolean, IsInt, IsNumber, IsOptional, IsString, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';

@InputType()
export class ArtifactInput {
  @Field() @IsString() @Length(1, 100) kind: string;
  @Field() @IsString() @Length(1, 100) mime: string;
  @Field({ description: 'File content, base64' }) @IsBase64() base64: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(64, 64) sha256?: string;
}

@InputType({ description: 'A TrialOutcome from @frogpond/compute runTrial' })
export class RecordTrialResultInput {
  @Field(() => ID) @IsString() trialId: string;
  @Field() @IsBoolean() success: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() targetPrediction?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() targetConfidence?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() cleanAccuracy?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) poisonCount?: number;
  @Field(() => GraphQLJSON, { nullable: true }) @IsOptional() propagation?: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) @IsOptional() detection?: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) @IsOptional() timings?: unknown;
  @Field() @IsString() @Length(1, 100) backend: string;
  @Field() @IsString() @Length(1, 200) configHash: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() sourceIndex?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() targetIndex?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() targetClass?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() targetLabel?: number;
  @Field(() => [ArtifactInput], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @ValidateNested({ each: true }) artifacts?: ArtifactInput[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) worker?: string;
}
