import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../graphql/context';
import { notFound } from '../../common/errors';
import { ApiToken } from './api-token.entity';
import { Member } from './member.entity';
import { Organization } from './organization.entity';
import { MemberRole } from './member.entity';
import { CreateOrganizationInput, CreateTokenInput, IssuedTokenPayload, SessionPayload, Viewer } from './organization.inputs';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Viewer, { nullable: true, description: 'The caller, when a token is sent' })
  async viewer(@Ctx() ctx: Context): Promise<Viewer | null> {
    if (!ctx.actor) return null;
    const [member, organization] = await Promise.all([
      ctx.loaders.member.load(ctx.actor.memberId), ctx.loaders.organization.load(ctx.actor.organizationId)]);
    return member && organization ? { member, organization, role: ctx.actor.role } : null;
  }

  @Query(() => [Organization], { complexity: 20 })
  organizations(@Ctx() ctx: Context) {
    return ctx.services.organizations.listOrganizations();
  }

  @Query(() => Organization)
  async organization(@Arg('idOrSlug') idOrSlug: string, @Ctx() ctx: Context) {
    const org = await ctx.services.organizations.findOrganization(idOrSlug);
    if (!org) throw notFound('Organization', idOrSlug);
    return org;
  }

  @FieldResolver(() => [Member], { description: 'Visible to members of this organization only (empty otherwise)' })
  members(@Root() org: Organization, @Ctx() ctx: Context) {
    return ctx.services.organizations.members(ctx.actor, org.id);
  }

  @Mutation(() => IssuedTokenPayload, { description: 'Admin only: founds an organization (capped per token); the caller receives an admin token for it' })
  createOrganization(@Arg('input') input: CreateOrganizationInput, @Ctx() ctx: Context) {
    return ctx.services.organizations.createOrganization(ctx.actor, input.slug, input.name);
  }

  @Mutation(() => IssuedTokenPayload, { description: 'Admin only: issue a token for a member of your organization (an existing member keeps their role)' })
  createToken(@Arg('input') input: CreateTokenInput, @Ctx() ctx: Context) {
    return ctx.services.organizations.createToken(ctx.actor, input.organizationId, input.memberName, input.role, input.name ?? 'api');
  }

  @Mutation(() => ApiToken, { description: 'Admin only' })
  revokeToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.organizations.revokeToken(ctx.actor, id);
  }

  @Mutation(() => Member, { description: 'Admin only: changes a member role; the last admin cannot be demoted' })
  setMemberRole(@Arg('memberId', () => ID) memberId: string, @Arg('role', () => MemberRole) role: MemberRole, @Ctx() ctx: Context) {
    return ctx.services.organizations.setMemberRole(ctx.actor, memberId, role);
  }

  @Mutation(() => SessionPayload, { description: 'Exchanges the caller token for a short-lived, revocable session token (web sign-in)' })
  createSession(@Ctx() ctx: Context) {
    return ctx.services.organizations.createSession(ctx.actor);
  }

  @Mutation(() => Boolean, { description: 'Revokes the caller session token (web sign-out); true when one was revoked' })
  endSession(@Ctx() ctx: Context) {
    return ctx.services.organizations.endSession(ctx.actor);
  }
}
