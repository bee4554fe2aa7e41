import { forbidden, unauthenticated } from './errors';
import { MemberRole } from '../modules/organization/member.entity';

/** Who is calling: resolved from the bearer token once per request. */
export interface Actor {
  tokenId: string;
  memberId: string;
  organizationId: string;
  role: MemberRole;
  /** A web session token (short-lived, made by sign-in) rather than an API token. */
  session?: boolean;
}

const RANK: Record<MemberRole, number> = { viewer: 0, member: 1, admin: 2 };

/** Writes need a token of a member (or admin) of the owning organization. */
export function requireRole(actor: Actor | null, organizationId: string, role: MemberRole = MemberRole.member): Actor {
  if (!actor) throw unauthenticated();
  if (actor.organizationId !== organizationId) throw forbidden('Your token belongs to another organization');
  if (RANK[actor.role] < RANK[role]) throw forbidden(`This operation needs the ${role} role; your token has ${actor.role}`);
  return actor;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

/** Private data is visible to members of its organization only. */
export function canRead(actor: Actor | null, organizationId: string, isPublic: boolean): boolean {
  return isPublic || (!!actor && actor.organizationId === organizationId);
}
