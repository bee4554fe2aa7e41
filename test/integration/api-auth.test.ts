import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapOrg, codes, gql, startTestServer, TestServer } from './api-helpers';
import { hashToken } from '../../server/src/modules/organization/organization.service';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

describe('organizations and tokens (HTTP, real PostgreSQL)', () => {
  let server: TestServer;
  before(async () => { server = await startTestServer(); });
  after(async () => { await server?.stop(); await server?.dropDatabase(); });

  it('bootstrap admin token: viewer query, token stored only as a hash', async () => {
    const { token, organizationId } = await bootstrapOrg(server, 'lab-a');
    assert.match(token, /^fp_[A-Za-z0-9_-]{43}$/);
    const r = await gql(server, '{ viewer { role organization { id slug } member { name } } }', {}, token);
    assert.equal(r.errors, undefined);
    assert.deepEqual(r.data.viewer, { role: 'admin', organization: { id: organizationId, slug: 'lab-a' }, member: { name: 'admin' } });
    const rows = await server.ds.query(`SELECT token_hash FROM api_token`);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].token_hash, hashToken(token));
    assert.ok(!JSON.stringify(rows).includes(token));
  });

  it('anonymous viewer is null; a bad token is UNAUTHENTICATED', async () => {
    const anon = await gql(server, '{ viewer { role } }');
    assert.equal(anon.data.viewer, null);
    const bad = await gql(server, '{ viewer { role } }', {}, 'fp_not-a-real-token');
    assert.deepEqual(codes(bad), ['UNAUTHENTICATED']);
    assert.equal(bad.status, 401);
  });

  it('admin issues member and viewer tokens; roles are enforced; revoked tokens stop working', async () => {
    const { token: admin, organizationId } = await bootstrapOrg(server, 'lab-b');
    const mk = `mutation($input: CreateTokenInput!) { createToken(input: $input) { token member { name role } apiToken { id prefix } } }`;
    const member = await gql(server, mk, { input: { organizationId, memberName: 'alice', role: 'member' } }, admin);
    assert.equal(member.errors, undefined);
    assert.deepEqual(member.data.createToken.member, { name: 'alice', role: 'member' });
    const memberToken = member.data.createToken.token;
    assert.equal(memberToken.slice(0, 8), member.data.createToken.apiToken.prefix);

    // a member is not an admin: cannot issue tokens
    const denied = await gql(server, mk, { input: { organizationId, memberName: 'mallory', role: 'admin' } }, memberToken);
    assert.deepEqual(codes(denied), ['FORBIDDEN']);
    // anonymous cannot either
    assert.deepEqual(codes(await gql(server, mk, { input: { organizationId, memberName: 'x', role: 'member' } })), ['UNAUTHENTICATED']);

    // a viewer cannot write
    const viewer = await gql(server, mk, { input: { organizationId, memberName: 'victor', role: 'viewer' } }, admin);
    const viewerToken = viewer.data.createToken.token;
    const write = await gql(server, `mutation($i: CreateDensityInput!) { createDensity(input: $i) { id } }`,
      { i: { organizationId, slug: 'viewer-density', expression: 'x+1' } }, viewerToken);
    assert.deepEqual(codes(write), ['FORBIDDEN']);

    const revoke = await gql(server, `mutation($id: ID!) { revokeToken(id: $id) { revokedAt } }`, { id: member.data.createToken.apiToken.id }, admin);
    assert.ok(revoke.data.revokeToken.revokedAt);
    assert.deepEqual(codes(await gql(server, '{ viewer { role } }', {}, memberToken)), ['UNAUTHENTICATED']);
  });

  it('createOrganization gives the founder an admin token of the new org; duplicates and bad slugs refused', async () => {
    const { token } = await bootstrapOrg(server, 'lab-c');
    const m = `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { token organization { slug name } member { role } } }`;
    const r = await gql(server, m, { i: { slug: 'new-lab', name: 'New Lab' } }, token);
    assert.equal(r.errors, undefined);
    assert.deepEqual(r.data.createOrganization.organization, { slug: 'new-lab', name: 'New Lab' });
    const v = await gql(server, '{ viewer { role organization { slug } } }', {}, r.data.createOrganization.token);
    assert.deepEqual(v.data.viewer, { role: 'admin', organization: { slug: 'new-lab' } });
    assert.deepEqual(codes(await gql(server, m, { i: { slug: 'new-lab', name: 'Again' } }, token)), ['BAD_USER_INPUT']);
    assert.deepEqual(codes(await gql(server, m, { i: { slug: 'Bad Slug!', name: 'x' } }, token)), ['BAD_USER_INPUT']);
    assert.deepEqual(codes(await gql(server, m, { i: { slug: 'anon-lab', name: 'x' } })), ['UNAUTHENTICATED']);
  });

  it('members of an organization are visible to its members only', async () => {
    const a = await bootstrapOrg(server, 'lab-d');
    const b = await bootstrapOrg(server, 'lab-e');
    const q = `query($s: String!) { organization(idOrSlug: $s) { slug members { name } } }`;
    assert.deepEqual((await gql(server, q, { s: 'lab-d' }, a.token)).data.organization.members, [{ name: 'admin' }]);
    assert.deepEqual((await gql(server, q, { s: 'lab-d' }, b.token)).data.organization.members, []);
    assert.deepEqual((await gql(server, q, { s: 'lab-d' })).data.organization.members, []);
    assert.deepEqual(codes(await gql(server, q, { s: 'no-such-lab' })), ['NOT_FOUND']);
  });

  it('`npm run token -- create --org "Cli Lab"` prints a working admin token once and logs nothing else to stdout', async () => {
    const cli = path.resolve(__dirname, '../../server/src/cli/token.js');
    const env = { ...process.env, DATABASE_URL: server.config.databaseUrl!, NODE_ENV: 'test' };
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, 'create', '--org', 'Cli Lab'], { env });
    const token = stdout.trim();
    assert.match(token, /^fp_[A-Za-z0-9_-]{43}$/);
    assert.ok(!stderr.includes(token), 'the token is not repeated in the log');
    const r = await gql(server, '{ viewer { role organization { slug name } } }', {}, token);
    assert.deepEqual(r.data.viewer, { role: 'admin', organization: { slug: 'cli-lab', name: 'Cli Lab' } });
    // usage errors exit non-zero
    await assert.rejects(promisify(execFile)(process.execPath, [cli, 'create'], { env }), (e: any) => e.code === 64);
  });
});
