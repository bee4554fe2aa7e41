import crypto from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, requireActor, requireRole } from '../../common/auth';
import { badInput, isUniqueViolation, notFound, unauthenticated } from '../../common/errors';
import { ApiToken } from './api-token.entity';
import { Member, MemberRole } from './member.entity';
import { Organization } from './organization.entity';
import { isUuid } from '../../common/uuid';

export const TOKEN_PREFIX = 'fp_';

/** sha256 (hex) of a bearer token: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}
/** "My Lab" -> "my-lab" */
export function slugify(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
}

function generateToken(): string {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
}

export interface IssuedToken { token: string; apiToken: ApiToken; member: Member; organization: Organization }

/** Organizations, members and API tokens. */
export class OrganizationService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Resolves an Authorization header to an Actor. No header: anonymous (null). A malformed, unknown or revoked
   * token is UNAUTHENTICATED (never silently anonymous, so clients notice a bad token).
   */
  async authenticate(authorization: string | undefined): Promise<Actor | null> {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw unauthenticated('Authorization header must be "Bearer <token>"');
    const rows: { token_id: string; member_id: string; organization_id: string; role: MemberRole }[] = await this.ds.query(
      `SELECT t.id AS token_id, m.id AS member_id, m.organization_id, m.role
         FROM api_token t JOIN member m ON m.id = t.member_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`, [hashToken(m[1])]);
    if (!rows.length) throw unauthenticated('Unknown or revoked API token');
    const r = rows[0];
    return { tokenId: r.token_id, memberId: r.member_id, organizationId: r.organization_id, role: r.role };
  }

  /**
   * Bootstrap path used by `npm run token -- create --org NAME`: org (created if missing) + admin member + token.
   * NAME may be a display name ("My Lab"); its slug ("my-lab") identifies the organization.
   */
  async bootstrapAdmin(orgName: string, memberName = 'admin', tokenName = 'cli'): Promise<IssuedToken> {
    const orgSlug = slugify(orgName);
    return this.ds.transaction(async (t) => {
      let org = await t.findOneBy(Organization, { slug: orgSlug });
      if (!org) org = await this.insertOrganization(t, orgSlug, orgName.trim() || orgSlug);
      return this.issue(t, org, memberName, MemberRole.admin, tokenName);
    });
  }

  /** Any authenticated caller may found an organization; they get an admin token for it (shown once). */
  async createOrganization(actor: Actor | null, slug: string, name: string): Promise<IssuedToken> {
    const a = requireActor(actor);
    return this.ds.transaction(async (t) => {
      const creator = await t.findOneBy(Member, { id: a.memberId });
      const org = await this.insertOrganization(t, slug, name);
      return this.issue(t, org, creator?.name ?? 'admin', MemberRole.admin, 'founder');
    });
  }

  /** Admins issue tokens for (new or existing) members of their organization. */
  async createToken(actor: Actor | null, organizationId: string, memberName: string, role: MemberRole, tokenName: string): Promise<IssuedToken> {
    requireRole(actor, organizationId, MemberRole.admin);
    return this.ds.transaction(async (t) => {
      const org = await t.findOneBy(Organization, { id: organizationId });
      if (!org) throw notFound('Organization', organizationId);
      return this.issue(t, org, memberName, role, tokenName);
    });
  }

  async revokeToken(actor: Actor | null, tokenId: string): Promise<ApiToken> {
    const a = requireActor(actor);
    return this.ds.transaction(async (t) => {
      const token = await t.findOneBy(ApiToken, { id: tokenId });
      const member = token && (await t.findOneBy(Member, { id: token.memberId }));
      if (!token || !member) throw notFound('ApiToken', tokenId);
      requireRole(a, member.organizationId, MemberRole.admin);
      if (!token.revokedAt) {
        token.revokedAt = new Date();
        await t.update(ApiToken, { id: token.id }, { revokedAt: token.revokedAt });
      }
      return token;
    });
  }

  async findOrganization(idOrSlug: string): Promise<Organization | null> {
    return this.ds.getRepository(Organization).findOneBy(isUuid(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug });
  }

  async listOrganizations(): Promise<Organization[]> {
    return this.ds.getRepository(Organization).find({ order: { slug: 'ASC' }, take: 100 });
  }

  /** Members and tokens are visible to members of the same organization only. */
  async members(actor: Actor | null, organizationId: string): Promise<Member[]> {
    if (!actor || actor.organizationId !== organizationId) return [];
    return this.ds.getRepository(Member).find({ where: { organizationId }, order: { name: 'ASC' } });
  }

  private async insertOrganization(t: EntityManager, slug: string, name: string): Promise<Organization> {
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) throw badInput('Organization slug must be lowercase letters, digits and dashes (max 63)');
    try {
      return await t.save(t.create(Organization, { slug, name }));
    } catch (e) {
      if (isUniqueViolation(e)) throw badInput(`Organization "${slug}" already exists`);
      throw e;
    }
  }

  private async issue(t: EntityManager, org: Organization, memberName: string, role: MemberRole, tokenName: string): Promise<IssuedToken> {
    let member = await t.findOneBy(Member, { organizationId: org.id, name: memberName });
    if (!member) member = await t.save(t.create(Member, { organizationId: org.id, name: memberName, role }));
    else if (member.role !== role) {
      await t.update(Member, { id: member.id }, { role });
      member.role = role;
    }
    const token = generateToken();
    const apiToken = await t.save(t.create(ApiToken, {
      memberId: member.id, name: tokenName, tokenHash: hashToken(token), prefix: token.slice(0, 8), revokedAt: null,
    }));
    return { token, apiToken, member, organization: org };
  }
}
