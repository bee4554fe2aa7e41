import 'reflect-metadata';
import { ArgsType, Field, InputType, Int, Float, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ConnectionArgs } from '../../common/connection';

export enum LeaderboardSort {
  RANK = 'RANK', SUCCESS_RATE = 'SUCCESS_RATE', TRIALS = 'TRIALS', POISON_RATE = 'POISON_RATE', EXPERIMENTS = 'EXPERIMENTS',
}
registerEnumType(LeaderboardSort, {
  name: 'LeaderboardSort',
  description: 'RANK: lower bound of the Wilson 95% interval (then success rate, then trials); the others by their value',
});

export enum SortDirection { ASC = 'ASC', DESC = 'DESC' }
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType({ description: 'Restricts the settings listed; every list is OR within, AND across' })
export class LeaderboardFilter {
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(100) datasets?: string[] | null;
  @Field(() => [Int], { nullable: true }) @IsOptional() @ArrayMaxSize(100) labels?: number[] | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(100) algorithms?: string[] | null;
  @Field(() => [Float], { nullable: true, description: 'poison rates as fractions (0.01 = 1%)' }) @IsOptional() @ArrayMaxSize(100) rates?: number[] | null;
  @Field(() => [String], { nullable: true, description: 'density slugs ("none" = no density)' }) @IsOptional() @ArrayMaxSize(100) densities?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'attack ids, slugs or kinds' }) @IsOptional() @ArrayMaxSize(100) attacks?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'defense ids, slugs or kinds ("none" = no defense)' }) @IsOptional() @ArrayMaxSize(100) defenses?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'scale presets: toy, mini, paper' }) @IsOptional() @ArrayMaxSize(10) presets?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'only settings with at least this many ranked trials' })
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) minTrials?: number | null;
}

@ArgsType()
export class LeaderboardArgs extends ConnectionArgs {
  @Field(() => LeaderboardFilter, { nullable: true }) @IsOptional() filter?: LeaderboardFilter | null;
  @Field(() => LeaderboardSort, { defaultValue: LeaderboardSort.RANK }) @IsEnum(LeaderboardSort) sort: LeaderboardSort = LeaderboardSort.RANK;
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC }) @IsEnum(SortDirection) direction: SortDirection = SortDirection.DESC;
  @Field({ defaultValue: false, description: 'also list settings whose every trial had near-chance clean accuracy (they are never ranked)' })
  @IsBoolean() includeNearChance: boolean = false;
}
