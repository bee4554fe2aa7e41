import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { bootstrapOrg, builtinAttackId, gql, startTestServer, TestServer } from '../integration/api-helpers';
import { assertHealthy, assertNoLeak, fingerprint, gqlRaw, refusedWithoutWrites, Tally } from './security-helpers';

type Kind = 'no token' | 'bad token' | 'revoked token' | 'viewer' | 'member of another organization' | 'admin of another organization';
const KINDS: Kind[] = ['no token', 'bad token', 'revoked token', 'viewer', 'member of another organization', 'admin of another organization'];

/**
 * Every mutation of the schema, aimed at organization A's resources, by every kind of caller that must not change
 * them. Self-service mutations (sessions) act on the caller only and are allowed to any valid token.
 */
describe('authorization matrix: every mutation x every unauthorised caller', () => {
  let server: TestServer;
  const tally = new Tally('authorization matrix');
  const tokens = {} as Record<Kind, string | undefined>;
  const fx = {} as Record<string, string>;

  before(async () => {
    server = await startTestServer({ config: { introspection: false, mutationsPerMinutePerIp: 0, mutationsPerMinutePerToken: 0 } });
    const a = await bootstrapOrg(server, 'lab-a');
    const b = await bootstrapOrg(server, 'lab-b');
    fx.orgA = a.organizationId;
    const issue = async (admin: string, org: string, memberName: string, role: string) => {
      const r = await gql(server, `mutation($i: CreateTokenInput!) { createToken(input: $i) { token apiToken { id } member { id } } }`,
        { i: { organizationId: org, memberName, role } }, admin);
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      return r.data.createToken;
    };
    const viewer = await issue(a.token, a.organizationId, 'reader', 'viewer');
    const memberA = await issue(a.token, a.organizationId, 'writer', 'member');
    const doomed = await issue(a.token, a.organizationId, 'leaver', 'member');
    await gql(server, `mutation($id: ID!) { revokeToken(id: $id) { id } }`, { id: doomed.apiToken.id }, a.token);
    const memberB = await issue(b.token, b.organizationId, 'other', 'member');
    Object.assign(tokens, {
      'no token': undefined, 'bad token': `fp_${crypto.randomBytes(32).toString('base64url')}`, 'revoked token': doomed.token,
      viewer: viewer.token, 'member of another organization': memberB.token, 'admin of another organization': b.token,
    });
    fx.memberA = memberA.member.id;
    fx.tokenA = memberA.apiToken.id;
    const attack = await gql(server, `mutation($i: CreateAttackInput!) { createAttack(input: $i) { id } }`,
      { i: { organizationId: a.organizationId, kind: 'INTERPOLATION', slug: 'own-attack', name: 'own' } }, a.token);
    assert.equal(attack.errors, undefined, JSON.stringify(attack.errors));
    fx.attackA = attack.data.createAttack.id;
    const defense = await gql(server, `mutation($i: CreateDefenseInput!) { createDefense(input: $i) { id } }`,
      { i: { organizationId: a.organizationId, kind: 'NONE', slug: 'own-defense', name: 'own' } }, a.token);
    assert.equal(defense.errors, undefined, JSON.stringify(defense.errors));
    fx.defenseA = defense.data.createDefense.id;
    fx.builtinAttack = await builtinAttackId(server);
    for (const visibility of ['PRIVATE', 'PUBLIC']) {
      const e = await gql(server, `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { experiment { id } } }`, { i: {
        organizationId: a.organizationId, name: `exp ${visibility}`, visibility,
        matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [fx.builtinAttack], trialsPerCell: 2 } } }, a.token);
      assert.equal(e.errors, undefined, JSON.stringify(e.errors));
      fx[`exp${visibility}`] = e.data.createExperiment.experiment.id;
    }
    const [t] = await server.ds.query(`SELECT id FROM trial WHERE experiment_id = $1 ORDER BY ordinal LIMIT 1`, [fx.expPUBLIC]);
    fx.trialA = t.id;
    await server.ds.query(`UPDATE trial SET status = 'FAILED', error = 'x', finished_at = now() WHERE id = $1`, [t.id]);
    // A scored, unpublished defense submission of A on the shipped benchmark.
    const [sub] = await server.ds.query(
      `INSERT INTO defense_submission (benchmark_id, organization_id, kind, label, status, detection, removed_poisons, removed_clean, replicates)
       SELECT id, $1, 'score-file', 'own defense', 'SCORED', '{}', 0, 0, 1 FROM benchmark ORDER BY created_at LIMIT 1 RETURNING id`, [fx.orgA]);
    fx.submissionA = sub.id;
  });
  after(async () => { tally.print(); await server?.stop(); await server?.dropDatabase(); });

  /** [name, document, variables] for every mutation, aimed at A. */
  const mutations = (): [string, string, Record<string, unknown>][] => [
    ['cancelExperiment', `mutation($id: ID!) { cancelExperiment(id: $id) { id } }`, { id: fx.expPUBLIC }],
    ['createAttack', `mutation($i: CreateAttackInput!) { createAttack(input: $i) { id } }`, { i: { organizationId: fx.orgA, kind: 'INTERPOLATION', slug: 'intruder', name: 'x' } }],
    ['createDefense', `mutation($i: CreateDefenseInput!) { createDefense(input: $i) { id } }`, { i: { organizationId: fx.orgA, kind: 'NONE', slug: 'intruder', name: 'x' } }],
    ['createDensity', `mutation($i: CreateDensityInput!) { createDensity(input: $i) { id } }`, { i: { organizationId: fx.orgA, slug: 'intruder', expression: 'x' } }],
    ['createExperiment', `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { trialCount } }`, { i: { organizationId: fx.orgA, name: 'intruder',
      matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [fx.builtinAttack], trialsPerCell: 1 } } }],
    ['createOrganization', `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { token } }`, { i: { slug: `intruder-${crypto.randomBytes(3).toString('hex')}`, name: 'x' } }],
    ['createToken', `mutation($i: CreateTokenInput!) { createToken(input: $i) { token } }`, { i: { organizationId: fx.orgA, memberName: 'intruder', role: 'ADMIN'.toLowerCase() } }],
    ['reproduceTrial', `mutation($t: ID!, $o: ID!) { reproduceTrial(trialId: $t, organizationId: $o) { trialCount } }`, { t: fx.trialA, o: fx.orgA }],
    ['retryFailedTrials', `mutation($id: ID!) { retryFailedTrials(experimentId: $id) { id } }`, { id: fx.expPUBLIC }],
    ['revokeToken', `mutation($id: ID!) { revokeToken(id: $id) { id } }`, { id: fx.tokenA }],
    ['setMemberRole', `mutation($m: ID!) { setMemberRole(memberId: $m, role: admin) { id } }`, { m: fx.memberA }],
    ['updateAttack', `mutation($i: UpdateAttackInput!) { updateAttack(input: $i) { id } }`, { i: { id: fx.attackA, name: 'defaced' } }],
    ['updateDefense', `mutation($i: UpdateDefenseInput!) { updateDefense(input: $i) { id } }`, { i: { id: fx.defenseA, name: 'defaced' } }],
    ['publishDefenseSubmission', `mutation($id: ID!) { publishDefenseSubmission(id: $id) { id } }`, { id: fx.submissionA }],
    // A submission belongs to the caller's own organization (there is no organization argument): other organizations'
    // callers aim at a benchmark that does not exist, so the case checks the refusal writes nothing and leaks nothing.
    ['submitDefenseScores', `mutation($i: SubmitDefenseScoresInput!) { submitDefenseScores(input: $i) { id } }`,
      { i: { benchmark: 'no-such-benchmark', label: 'intruder', fileName: 'scores.json', contentBase64: Buffer.from('{}').toString('base64') } }],
    ['submitVerifiedRun', `mutation($i: SubmitVerifiedRunInput!) { submitVerifiedRun(input: $i) { id } }`,
      { i: { benchmark: 'no-such-benchmark', label: 'intruder', defense: 'pixel-clustering', params: {} } }],
  ];
  const SELF_SERVICE: [string, string][] = [
    ['createSession', `mutation { createSession { token expiresAt } }`],
    ['endSession', `mutation { endSession }`],
  ];

  /** The refusal each kind of caller gets. A foreign admin founding its own organization is not an attack on A. */
  const expected = (kind: Kind, mutation: string): string | string[] | 'allowed' => {
    if (kind === 'no token' || kind === 'bad token' || kind === 'revoked token') return 'UNAUTHENTICATED';
    if (kind === 'viewer') return 'FORBIDDEN';
    if (mutation === 'createOrganization') return kind === 'admin of another organization' ? 'allowed' : 'FORBIDDEN';
    // Another organization's resources are refused, or hidden as if absent.
    return ['FORBIDDEN', 'NOT_FOUND'];
  };

  it('lists every mutation of the schema (a new mutation must join the matrix)', async () => {
    const { buildGraphQLSchema } = await import('../../server/src/graphql/schema');
    const schema = await buildGraphQLSchema(false);
    const all = Object.keys(schema.getMutationType()!.getFields()).sort();
    assert.deepEqual(all, [...mutations().map((m) => m[0]), ...SELF_SERVICE.map((m) => m[0])].sort());
  });

  for (const kind of KINDS) {
    it(`refuses every mutation to: ${kind}`, async () => {
      for (const [name, doc, vars] of mutations()) {
        const want = expected(kind, name);
        if (want === 'allowed') {
          await tally.case(async () => {
            const r = await gqlRaw(server, doc, vars, tokens[kind]);
            assert.equal(r.status, 200, `${name}: ${r.text}`);
            assert.equal(r.json.errors, undefined, r.text);
          });
          continue;
        }
        await refusedWithoutWrites(server, tally, `${name} as ${kind}`, want, () => gqlRaw(server, doc, vars, tokens[kind]));
      }
      for (const [name, doc] of SELF_SERVICE) {
        if (['no token', 'bad token', 'revoked token'].includes(kind)) {
          await refusedWithoutWrites(server, tally, `${name} as ${kind}`, 'UNAUTHENTICATED', () => gqlRaw(server, doc, {}, tokens[kind]));
          continue;
        }
        await tally.case(async () => {
          const before = await fingerprint(server);
          const r = await gqlRaw(server, doc, {}, tokens[kind]);
          assertNoLeak(r, name);
          assert.equal(r.status, 200, r.text);
          assert.equal(r.json.errors, undefined, r.text);
          // a session acts as its caller only: nothing of A (or anyone) changes but the caller's own session row
          assert.equal(await fingerprint(server), before, `${name} as ${kind} wrote outside the caller's session`);
          if (name === 'endSession') assert.equal(r.json.data.endSession, false, 'an API token is not a session: nothing revoked');
          await assertHealthy(server, name);
        });
      }
    });
  }

  it('a session token made by sign-in expires with its lifetime and is revoked by endSession', async () => {
    await tally.case(async () => {
      const s = await gqlRaw(server, `mutation { createSession { token } }`, {}, tokens.viewer);
      const session = s.json.data.createSession.token as string;
      const who = await gqlRaw(server, `{ viewer { role } }`, {}, session);
      assert.equal(who.json.data.viewer.role, 'viewer');
      const end = await gqlRaw(server, `mutation { endSession }`, {}, session);
      assert.equal(end.json.data.endSession, true);
      const again = await gqlRaw(server, `{ viewer { role } }`, {}, session);
      assert.equal(again.status, 401);
      assert.equal(again.json.errors[0].extensions.code, 'UNAUTHENTICATED');
      const s2 = (await gqlRaw(server, `mutation { createSession { token } }`, {}, tokens.viewer)).json.data.createSession.token;
      await server.ds.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE session AND revoked_at IS NULL`);
      assert.equal((await gqlRaw(server, `{ viewer { role } }`, {}, s2)).status, 401);
    });
  });
});
