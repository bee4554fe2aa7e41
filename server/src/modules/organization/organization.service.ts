import crypto from 'node:crypto';
import { DataSource, EntityManager, Not } from 'typeorm';
import { Actor, requireActor, requireRole } from '../../common/auth';
import { badInput, forbidden, isUniqueViolation, notFound, unauthenticated } from '../../common/errors';
import type { Config } from '../../config/config';
import { ApiToken } from './api-token.entity';
import { Member, MemberRole } from './member.entity';
import { Organization } from './organization.entity';
import { SCORING_ORG_ID } from './scoring-organization';
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

export type OrganizationLimits = Pick<Config, 'orgsPerToken' | 'orgsPerFounderTree' | 'sessionTtlSeconds'>;
const DEFAULT_LIMITS: OrganizationLimits = { orgsPerToken: 3, orgsPerFounderTree: 20, sessionTtlSeconds: 12 * 3600 };

/** Organizations, members and API tokens. */
export class OrganizationService {
  private readonly limits: OrganizationLimits;
  constructor(private readonly ds: DataSource, limits: Partial<OrganizationLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /**
   * Resolves an Authorization header to an Actor. No header: anonymous (null). A malformed, unknown or revoked
   * token is UNAUTHENTICATED (never silently anonymous, so clients notice a bad token).
   */
  async authenticate(authorization: string | undefined): Promise<Actor | null> {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw unauthenticated('Authorization header must be "Bearer <token>"');
    const rows: { token_id: string; member_id: string; organization_id: string; role: MemberRole; session: boolean }[] = await this.ds.query(
      `SELECT t.id AS token_id, m.id AS member_id, m.organization_id, m.role, t.session
         FROM api_token t JOIN member m ON m.id = t.member_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`, [hashToken(m[1])]);
    if (!rows.length) throw unauthenticated('Unknown or revoked API token');
    const r = rows[0];
    return { tokenId: r.token_id, memberId: r.member_id, organizationId: r.organization_id, role: r.role, session: r.session };
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

  /**
   * An admin of an organization may found another one and gets an admin token for it (shown once). Capped per token
   * and per founding chain (an organization founded through the API counts against the root of its founder's chain),
   * so no token can mint organizations, and their trial quotas, without end. Session tokens found nothing.
   */
  async createOrganization(actor: Actor | null, slug: string, name: string): Promise<IssuedToken> {
    const a = requireActor(actor);
    if (a.role !== MemberRole.admin) throw forbidden('Only an admin token may found an organization');
    if (a.session) throw forbidden('A web session cannot found an organization; use an API token');
    return this.ds.transaction(async (t) => {
      // Serialise founders of one chain: the caps below are counted and then written in this transaction.
      const [creatorOrg] = await t.query(`SELECT id, founder_root_id FROM organization WHERE id = $1 FOR UPDATE`, [a.organizationId]);
      const root: string = creatorOrg?.founder_root_id ?? a.organizationId;
      if (root !== a.organizationId) await t.query(`SELECT 1 FROM organization WHERE id = $1 FOR UPDATE`, [root]);
      const [{ byToken, byTree }] = await t.query(
        `SELECT count(*) FILTER (WHERE created_by_token = $1)::int AS "byToken", count(*) FILTER (WHERE founder_root_id = $2)::int AS "byTree"
           FROM organization WHERE created_by_token = $1 OR founder_root_id = $2`, [a.tokenId, root]);
      if (byToken >= this.limits.orgsPerToken) throw forbidden(`This token has founded ${byToken} organizations, the limit`, { limit: 'orgsPerToken' });
      if (byTree >= this.limits.orgsPerFounderTree) throw forbidden(`Organizations founded from yours have reached the limit of ${this.limits.orgsPerFounderTree}`, { limit: 'orgsPerFounderTree' });
      const creator = await t.findOneBy(Member, { id: a.memberId });
      const org = await this.insertOrganization(t, slug, name);
      await t.query(`UPDATE organization SET created_by_token = $2, founder_root_id = $3 WHERE id = $1`, [org.id, a.tokenId, root]);
      return this.issue(t, org, creator?.name ?? 'admin', MemberRole.admin, 'founder');
    });
  }

  /**
   * Admins issue tokens for new or existing members of their organization. The role applies to a new member; an
   * existing member keeps theirs (asking for another role is refused: `setMemberRole` changes roles, explicitly).
   */
  async createToken(actor: Actor | null, organizationId: string, memberName: string, role: MemberRole, tokenName: string): Promise<IssuedToken> {
    requireRole(actor, organizationId, MemberRole.admin);
    return this.ds.transaction(async (t) => {
      const org = await t.findOneBy(Organization, { id: organizationId });
      if (!org) throw notFound('Organization', organizationId);
      const existing = await t.findOneBy(Member, { organizationId, name: memberName });
      if (existing && existing.role !== role) {
        throw badInput(`Member "${memberName}" already has the ${existing.role} role; use setMemberRole to change it`, { field: 'role' });
      }
      return this.issue(t, org, memberName, role, tokenName);
    });
  }

  /** Admin only: changes a member's role. The last admin of an organization cannot be demoted. */
  async setMemberRole(actor: Actor | null, memberId: string, role: MemberRole): Promise<Member> {
    const a = requireActor(actor);
    return this.ds.transaction(async (t) => {
      const member = await t.findOne(Member, { where: { id: memberId }, lock: { mode: 'pessimistic_write' } });
      // Another organization's member ids are indistinguishable from unknown ones.
      if (!member || member.organizationId !== a.organizationId) throw notFound('Member', memberId);
      requireRole(a, member.organizationId, MemberRole.admin);
      if (member.role === role) return member;
      if (member.role === MemberRole.admin) {
        // Lock every admin row of the organization so two demotions cannot both see "another admin remains".
        const admins = await t.query(`SELECT id FROM member WHERE organization_id = $1 AND role = 'admin' FOR UPDATE`, [member.organizationId]);
        if (admins.length <= 1) throw badInput('The last admin of an organization cannot be demoted', { field: 'role' });
      }
      await t.update(Member, { id: member.id }, { role });
      member.role = role;
      return member;
    });
  }

  /** Exchanges the caller's token for a short-lived session token of the same member (web sign-in). */
  async createSession(actor: Actor | null): Promise<{ token: string; expiresAt: Date }> {
    const a = requireActor(actor);
    const token = generateToken();
    const expiresAt = new Date(Date.now() + this.limits.sessionTtlSeconds * 1000);
    await this.ds.query(
      `INSERT INTO api_token (member_id, name, token_hash, prefix, session, expires_at) VALUES ($1, 'web session', $2, $3, true, $4)`,
      [a.memberId, hashToken(token), token.slice(0, 8), expiresAt]);
    return { token, expiresAt };
  }

  /** Revokes the caller's own token when it is a session (web sign-out); an API token is left alone. */
  async endSession(actor: Actor | null): Promise<boolean> {
    const a = requireActor(actor);
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected]
    const [rows] = await this.ds.query(`UPDATE api_token SET revoked_at = now() WHERE id = $1 AND session AND revoked_at IS NULL RETURNING id`, [a.tokenId]);
    return rows.length > 0;
  }

  /** Admin only. Ids of tokens outside the caller's organization answer exactly like ids that do not exist. */
  async revokeToken(actor: Actor | null, tokenId: string): Promise<ApiToken> {
    const a = requireActor(actor);
    return this.ds.transaction(async (t) => {
      const token = await t.findOneBy(ApiToken, { id: tokenId });
      const member = token && (await t.findOneBy(Member, { id: token.memberId }));
      if (!token || !member || member.organizationId !== a.organizationId) throw notFound('ApiToken');
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

  /** Research groups, without the platform's own scoring organization (it has no members and nothing to show). */
  async listOrganizations(): Promise<Organization[]> {
    return this.ds.getRepository(Organization).find({ where: { id: Not(SCORING_ORG_ID) }, order: { slug: 'ASC' }, take: 100 });
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
