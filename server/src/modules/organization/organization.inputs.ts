import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ApiToken } from './api-token.entity';
import { Member, MemberRole } from './member.entity';
import { Organization } from './organization.entity';

@InputType()
export class CreateOrganizationInput {
  @Field() @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'slug: lowercase letters, digits and dashes, max 63' }) slug: string;
  @Field() @IsString() @Length(1, 200) name: string;
}

@InputType()
export class CreateTokenInput {
  @Field(() => ID) @IsString() organizationId: string;
  @Field({ description: 'Member the token acts as (created if missing)' }) @IsString() @Length(1, 100) memberName: string;
  @Field(() => MemberRole, { defaultValue: MemberRole.member }) role: MemberRole;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) name?: string;
}

@ObjectType()
export class IssuedTokenPayload {
  @Field({ description: 'The bearer token. Shown once; only its hash is stored.' }) token: string;
  @Field(() => ApiToken) apiToken: ApiToken;
  @Field(() => Member) member: Member;
  @Field(() => Organization) organization: Organization;
}

@ObjectType()
export class SessionPayload {
  @Field({ description: 'The session token. Shown once; only its hash is stored.' }) token: string;
  @Field(() => GraphQLDateTime) expiresAt: Date;
}

@ObjectType()
export class Viewer {
  @Field(() => Member) member: Member;
  @Field(() => Organization) organization: Organization;
  @Field(() => MemberRole) role: MemberRole;
}
