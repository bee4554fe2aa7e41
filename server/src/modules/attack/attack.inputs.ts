import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsEnum, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ConnectionArgs } from '../../common/connection';
import { AttackKind } from './attack.entity';

@InputType()
export class CreateAttackInput {
  @Field(() => ID) @IsString() organizationId: string;
  @Field({ description: 'Stable name; creating an existing slug of your organization makes its next version' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'slug: lowercase letters, digits and dashes, max 63' }) slug: string;
  @Field(() => AttackKind) @IsEnum(AttackKind) kind: AttackKind;
  @Field() @IsString() @Length(1, 200) name: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Validated per kind; unknown keys are refused' })
  @IsOptional() params?: Record<string, unknown>;
}

@InputType()
export class UpdateAttackInput {
  @Field(() => ID) @IsString() id: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsOptional() params?: Record<string, unknown>;
}

@ArgsType()
export class AttacksArgs extends ConnectionArgs {
  @Field(() => AttackKind, { nullable: true }) @IsOptional() @IsEnum(AttackKind) kind?: AttackKind | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() slug?: string | null;
}
