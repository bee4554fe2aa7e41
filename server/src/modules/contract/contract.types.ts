import { Field, Float, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';

@ObjectType({ description: 'One parameter of the trial contract: enough to build a form field and check it before sending' })
export class ContractParameter {
  @Field() name: string;
  @Field({ description: 'number | integer | boolean | enum | object | array' }) type: string;
  @Field() description: string;
  @Field(() => Float, { nullable: true, description: 'Lower bound (inclusive unless exclusiveMin)' }) min?: number;
  @Field(() => Float, { nullable: true, description: 'Upper bound (inclusive unless exclusiveMax)' }) max?: number;
  @Field({ nullable: true }) exclusiveMin?: boolean;
  @Field({ nullable: true }) exclusiveMax?: boolean;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Default value; absent when it depends on the preset' }) default?: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Default per preset, e.g. {"toy": 200, "mini": 2000}' }) defaultByPreset?: unknown;
  @Field(() => [String], { nullable: true, description: 'Accepted values of an enum' }) values?: string[];
  @Field(() => [ContractParameter], { nullable: true, description: 'Sub-parameters of an object' }) fields?: ContractParameter[];
}

@ObjectType({ description: 'An attack or defense kind with its parameters' })
export class ContractKind {
  @Field({ description: 'kebab-case kind, as stored and as the CLI names it' }) kind: string;
  @Field({ description: 'GraphQL enum name of the kind' }) enumName: string;
  @Field() description: string;
  @Field(() => [ContractParameter]) parameters: ContractParameter[];
}

@ObjectType()
export class ContractPreset {
  @Field() name: string;
  @Field(() => [String], { description: 'Datasets this preset can learn' }) datasets: string[];
  @Field() defaultDataset: string;
  @Field() defaultLabels: number;
}

@ObjectType({ description: 'The trial contract of @frogpond/compute: what a trial can be configured with, and how' })
export class TrialContract {
  @Field(() => [ContractKind]) attacks: ContractKind[];
  @Field(() => [ContractKind]) defenses: ContractKind[];
  @Field(() => [String]) algorithms: string[];
  @Field(() => [ContractPreset]) presets: ContractPreset[];
  @Field(() => [ContractParameter], { description: 'Training overrides an experiment accepts (absent keys keep the preset\'s values)' }) overrides: ContractParameter[];
  @Field(() => [String], { description: 'Attack kinds whose poisons are spaced by a density' }) densityAttackKinds: string[];
}
