import 'reflect-metadata';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../common/connection';
import { ReportedValue, WithoutDefense } from '../experiment/matrix.types';

@ObjectType({ simpleResolvers: true })
export class LeaderboardExperimentLink {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'slug of the owning organization' }) organization: string;
}

@ObjectType({ simpleResolvers: true, description: 'One complete setting: attack version, dataset, labels, algorithm, rate, density, defense, preset' })
export class LeaderboardRow {
  @Field({ description: 'Stable key of the setting (same setting, same key)' }) key: string;
  @Field(() => Int, { nullable: true, description: 'Position by the Wilson lower bound over ranked trials; null when none is ranked' }) rank: number | null;
  @Field(() => ID, { nullable: true }) attackId: string | null;
  @Field({ description: 'slug vN of the attack definition' }) attack: string;
  @Field(() => String, { nullable: true, description: 'slug of the attack definition (its permalink is /attacks/{slug}/v{version})' }) attackSlug: string | null;
  @Field() attackKind: string;
  @Field(() => Int, { nullable: true }) attackVersion: number | null;
  @Field() dataset: string;
  @Field(() => Int) labels: number;
  @Field() algorithm: string;
  @Field(() => Float, { description: 'poison rate as a fraction' }) rate: number;
  @Field(() => String, { nullable: true, description: 'density slug; null when the attack has none' }) density: string | null;
  @Field(() => String, { nullable: true }) densityLabel: string | null;
  @Field(() => ID, { nullable: true }) defenseId: string | null;
  @Field({ description: 'slug vN of the defense, or "none"' }) defense: string;
  @Field() defenseKind: string;
  @Field() preset: string;
  @Field(() => Int, { description: 'Successes among ranked trials (clean accuracy not near chance)' }) successes: number;
  @Field(() => Int, { description: 'Ranked trials: finished, clean accuracy not near chance' }) trials: number;
  @Field(() => Float, { nullable: true }) successRate: number | null;
  @Field(() => Float, { nullable: true, description: 'Wilson 95% interval, lower bound' }) wilsonLow: number | null;
  @Field(() => Float, { nullable: true, description: 'Wilson 95% interval, upper bound' }) wilsonHigh: number | null;
  @Field(() => Int, { description: 'Finished trials whose clean accuracy was near chance: flagged, not ranked' }) nearChanceTrials: number;
  @Field(() => Int) nearChanceSuccesses: number;
  @Field(() => Float, { nullable: true, description: 'Mean clean accuracy over every finished trial of the setting' }) cleanAccuracyMean: number | null;
  @Field(() => WithoutDefense, { nullable: true, description: 'With a defense: the same ranked trials without it (same seeds); null without a defense' })
  withoutDefense: WithoutDefense | null;
  @Field(() => Int) experimentCount: number;
  @Field(() => Int) organizationCount: number;
  @Field(() => [LeaderboardExperimentLink], { description: 'The newest experiments behind the row (up to 5)' }) experiments: LeaderboardExperimentLink[];
  @Field(() => ReportedValue, { nullable: true }) paper: ReportedValue | null;
}

@ObjectType('LeaderboardEdge', { simpleResolvers: true })
export class LeaderboardEdge {
  @Field() cursor: string;
  @Field(() => LeaderboardRow) node: LeaderboardRow;
}

@ObjectType({ simpleResolvers: true })
export class LeaderboardConnection {
  @Field(() => [LeaderboardEdge]) edges: LeaderboardEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'Settings matching the filter' }) totalCount: number;
}

@ObjectType({ simpleResolvers: true, description: "What the platform reproduced of one cell a paper reports: one entry per attack version and preset" })
export class Reproduction {
  @Field(() => ID) reportedResultId: string;
  @Field({ description: 'slug vN of the attack definition' }) attack: string;
  @Field() preset: string;
  @Field(() => Int, { description: 'Successes among ranked trials (clean accuracy not near chance)' }) successes: number;
  @Field(() => Int) trials: number;
  @Field(() => Float, { nullable: true }) wilsonLow: number | null;
  @Field(() => Float, { nullable: true }) wilsonHigh: number | null;
  @Field(() => Int) nearChanceTrials: number;
  @Field(() => Int) experimentCount: number;
}
