import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { bootstrapOrg, builtinAttackId, claimTrial, codeOf, gql, startTestServer, TestServer } from '../integration/api-helpers';
import { assertHealthy, assertNoLeak, fingerprint, gqlRaw, refusedWithoutWrites, Tally } from './security-helpers';
import { safeNextPath } from '../../web/lib/safe-redirect';
import { csvField } from '@frogpond/compute/csv';
import { baseSecurityHeaders } from '../../server/src/http/http-guards';

/**
 * The web edge with a stand-in for the web app (the guards run in the HTTP server, before the app): CSRF, forwarded
 * header spoofing, security headers; plus open redirects, CSV formulas, hostile artifacts, forged results and the
 * organization and role rules.
 */
describe('hostile web and trust-boundary input', () => {
  let server: TestServer;
  const tally = new Tally('hostile web and trust boundaries');
  const seen: http.IncomingHttpHeaders[] = [];
  let admin: { token: string; organizationId: string };
  let attack: string;

  before(async () => {
    server = await startTestServer({
      config: { introspection: false, mutationsPerMinutePerIp: 0, mutationsPerMinutePerToken: 0, orgsPerToken: 2, orgsPerFounderTree: 3 },
      fallbackHandler: (req, res) => { seen.push({ ...req.headers }); res.setHeader('content-type', 'text/html'); res.end('<html>app</html>'); },
    });
    admin = await bootstrapOrg(server, 'lab');
    attack = await builtinAttackId(server);
  });
  after(async () => { tally.print(); await server?.stop(); await server?.dropDatabase(); });

  const send = async (method: string, path: string, headers: Record<string, string>) => {
    const res = await fetch(`${server.url}${path}`, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : 'a=1', redirect: 'manual' });
    const text = await res.text();
    let json: unknown;
    try { json = JSON.parse(text); } catch { /* html */ }
    return { status: res.status, text, json: json as any, headers: res.headers };
  };

  it('refuses state-changing requests to the web app from any other origin (CSRF)', async () => {
    const own = `http://127.0.0.1:${server.port}`;
    const hostile: Record<string, string>[] = [
      {}, { origin: 'https://evil.example' }, { origin: 'null' }, { origin: `http://127.0.0.1:${server.port + 1}` }, { origin: `https://127.0.0.1:${server.port}` },
      { origin: `${own}.evil.example` }, { origin: `http://evil.example/${own}` }, { referer: `${own}/experiments` }, { origin: 'https://evil.example', 'next-action': 'abc' },
      { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', host: 'evil.example' }, { origin: own.toUpperCase() }, { origin: `${own}/` },
    ];
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const headers of hostile) {
        if (method !== 'POST' && Object.keys(headers).length > 1) continue;
        await tally.case(async () => {
          const before = seen.length;
          const r = await send(method, '/sign-in/out', headers);
          assert.equal(r.status, 403, `${method} ${JSON.stringify(headers)}: ${r.status}`);
          assert.equal(r.json.errors[0].extensions.code, 'FORBIDDEN');
          assert.equal(seen.length, before, 'the web app never saw the request');
          assertNoLeak(r, 'csrf');
        });
      }
    }
    await tally.case(async () => {
      assert.equal((await send('POST', '/sign-in/out', { origin: own })).status, 200, 'own origin passes');
      assert.equal((await send('POST', '/sign-in/out', { origin: `http://localhost:${server.port}` })).status, 200, 'loopback name passes when no public origin is set');
      assert.equal((await send('GET', '/experiments', {})).status, 200, 'reads need no Origin');
    });
    // with a configured public origin only that origin may post
    server.config.publicOrigin = 'https://frogpond.example.org';
    try {
      for (const origin of [own, `http://localhost:${server.port}`, 'http://frogpond.example.org', 'https://frogpond.example.org.evil.example']) {
        await tally.case(async () => assert.equal((await send('POST', '/sign-in/out', { origin })).status, 403, origin));
      }
      await tally.case(async () => assert.equal((await send('POST', '/sign-in/out', { origin: 'https://frogpond.example.org' })).status, 200));
    } finally {
      server.config.publicOrigin = undefined;
    }
  });

  it('limits browser writes to the web app per client address (429)', async () => {
    server.config.mutationsPerMinutePerIp = 3;
    try {
      const own = `http://127.0.0.1:${server.port}`;
      for (let i = 0; i < 3; i++) assert.equal((await send('POST', '/sign-in/out', { origin: own })).status, 200);
      await tally.case(async () => {
        const before = seen.length;
        const r = await send('POST', '/sign-in/out', { origin: own });
        assert.equal(r.status, 429);
        assert.equal(r.json.errors[0].extensions.code, 'FORBIDDEN');
        assert.ok(Number(r.headers.get('retry-after')) > 0);
        assert.equal(seen.length, before, 'the web app never saw the request');
      });
      await tally.case(async () => assert.equal((await send('GET', '/experiments', {})).status, 200, 'reads are not limited'));
    } finally {
      server.config.mutationsPerMinutePerIp = 0;
    }
  });

  it('never lets a request tell the web app which host it is on', async () => {
    for (const [name, value] of [['x-forwarded-host', 'evil.example'], ['x-forwarded-proto', 'https'], ['forwarded', 'host=evil.example;proto=https'],
      ['x-forwarded-port', '443'], ['x-original-url', '/admin'], ['x-rewrite-url', '/admin'], ['x-middleware-subrequest', 'middleware:middleware:middleware'],
      ['x-forwarded-for', '10.0.0.1']]) {
      await tally.case(async () => {
        await send('GET', '/experiments', { [name]: value });
        const got = seen[seen.length - 1];
        assert.equal(got[name], undefined, `${name} reached the web app`);
      });
    }
  });

  it('hands /graphql to the web app only as the explorer, switched on, and only the server marks it', async () => {
    const html = { accept: 'text/html,application/xhtml+xml' };
    const apiAnswers = async (label: string, method: string, path: string, headers: Record<string, string>) => tally.case(async () => {
      const before = seen.length;
      const r = await send(method, path, headers);
      assert.equal(seen.length, before, `${label}: the web app saw it`);
      assert.doesNotMatch(r.headers.get('content-type') ?? '', /html/, label);
      assertNoLeak(r, label);
    });
    server.config.graphqlExplorer = false;
    await apiAnswers('explorer off', 'GET', '/graphql', html);
    await apiAnswers('explorer off, marker forged', 'GET', '/graphql', { ...html, 'x-frogpond-explorer': '1' });
    server.config.graphqlExplorer = true;
    try {
      await tally.case(async () => {
        const r = await send('GET', '/graphql', { ...html, 'x-frogpond-explorer': '0' });
        assert.equal(r.status, 200);
        assert.equal(seen[seen.length - 1]['x-frogpond-explorer'], '1', 'marked by the server');
      });
      await apiAnswers('a query in the URL', 'GET', `/graphql?query=${encodeURIComponent('{ datasets { slug } }')}`, html);
      await apiAnswers('not a browser page load', 'GET', '/graphql', { accept: 'application/json' });
      await apiAnswers('a write', 'POST', '/graphql', { ...html, 'content-type': 'text/plain' });
    } finally {
      server.config.graphqlExplorer = false;
    }
    await tally.case(async () => {
      await send('GET', '/experiments', { 'x-frogpond-explorer': '1' });
      assert.equal(seen[seen.length - 1]['x-frogpond-explorer'], undefined, 'a client\'s marker never reaches the app');
    });
  });

  it('puts security headers on every response', async () => {
    const paths: [string, string][] = [['GET', '/'], ['GET', '/experiments/x'], ['GET', '/healthz'], ['GET', '/graphql?query=%7Bdatasets%7Bslug%7D%7D'], ['POST', '/graphql']];
    for (const [method, path] of paths) {
      await tally.case(async () => {
        const r = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', 'apollo-require-preflight': '1' }, body: method === 'POST' ? '{"query":"{ datasets { slug } }"}' : undefined });
        await r.arrayBuffer();
        assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
        assert.match(r.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
        assert.ok(r.headers.get('referrer-policy'), path);
        assert.equal(r.headers.get('strict-transport-security'), null, 'no HSTS over plain http');
      });
    }
    await tally.case(async () => assert.match(baseSecurityHeaders('https://frogpond.example.org')['strict-transport-security'], /max-age=\d+/));
  });

  it('redirects after sign-in only to paths of this site', async () => {
    const payloads = ['//evil.example', '/\\evil.example', '/\\/evil.example', '\\\\evil.example', 'https://evil.example', 'http:evil.example', 'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>', '/%2fevil.example', '/%5cevil.example', '%2f%2fevil.example', '\t//evil.example', ' //evil.example', '////evil.example',
      '/\u0000//evil.example', '/\r\n//evil.example', '', 'evil.example', '/./\\evil.example', '/..//evil.example'];
    for (const p of payloads) {
      await tally.case(async () => {
        const out = safeNextPath(p);
        assert.ok(out.startsWith('/') && !out.startsWith('//') && !out.includes('\\'), `${JSON.stringify(p)} -> ${out}`);
        assert.equal(new URL(out, 'https://frogpond.example.org').origin, 'https://frogpond.example.org', `${JSON.stringify(p)} -> ${out}`);
      });
    }
    await tally.case(async () => assert.equal(safeNextPath('/experiments/abc?tab=matrix#cell'), '/experiments/abc?tab=matrix#cell'));
  });

  it('exports CSV in which no cell starts a formula', async () => {
    const payloads = ['=1+1', '+1+1', '-1+1', '@SUM(1)', '=HYPERLINK("http://evil.example","x")', '\t=1', '\r=1', `=cmd|' /C calc'!A0`, '=2*3;1', '==1'];
    for (const p of payloads) await tally.case(async () => assert.ok(!/^"?[=+\-@\t\r]/.test(csvField(p)), `${JSON.stringify(p)} -> ${csvField(p)}`));
    // through the API: a density whose label is a formula, exported in a matrix
    await tally.case(async () => {
      const d = await gql(server, `mutation($o: ID!) { createDensity(input: { organizationId: $o, slug: "formula", expression: "x", label: "=HYPERLINK(\\"http://evil.example\\")" }) { slug } }`, { o: admin.organizationId }, admin.token);
      assert.equal(d.errors, undefined, JSON.stringify(d.errors));
      const e = await gql(server, `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { experiment { id } } }`, { i: { organizationId: admin.organizationId, name: 'csv',
        matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [attack], densities: ['formula'], trialsPerCell: 1 } } }, admin.token);
      assert.equal(e.errors, undefined, JSON.stringify(e.errors));
      const m = await gql(server, `query($id: ID!) { experiment(id: $id) { matrix(rows: [DENSITY], columns: [RATE]) { csv } } }`, { id: e.data.createExperiment.experiment.id });
      const cells = m.data.experiment.matrix.csv.trim().split('\r\n').flatMap((line: string) => line.split(','));
      assert.ok(cells.every((c: string) => !/^"?[=+@\t\r]/.test(c)), m.data.experiment.matrix.csv);
    });
  });

  it('takes results only from the worker holding the lease, and only listed artifact types', async () => {
    const e = await gql(server, `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { experiment { id } } }`, { i: { organizationId: admin.organizationId, name: 'forge', visibility: 'PUBLIC',
      matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [attack], trialsPerCell: 2 } } }, admin.token);
    const [t0, t1] = await server.ds.query(`SELECT id FROM trial WHERE experiment_id = $1 ORDER BY ordinal`, [e.data.createExperiment.experiment.id]);
    // over the API, with the owning organization's admin token: there is no such mutation
    await refusedWithoutWrites(server, tally, 'recordTrialResult with an admin token', 'BAD_USER_INPUT', () => gqlRaw(server,
      `mutation($i: RecordTrialResultInput!) { recordTrialResult(input: $i) { id } }`, { i: { trialId: t0.id, success: true, backend: 'cpu', configHash: 'h' } }, admin.token));
    const outcome = { success: true, backend: 'cpu', configHash: 'h' };
    await tally.case(async () => {
      const before = await fingerprint(server);
      assert.equal(await codeOf(server.services.results.record(server.ds.manager, t0.id, outcome, { worker: 'w', attempts: 1 })), 'BAD_USER_INPUT', 'never claimed');
      assert.equal(await fingerprint(server), before);
    });
    const lease = await claimTrial(server, t1.id, 'worker-1');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const hostile = [
      { kind: 'page', mime: 'text/html', bytes: Buffer.from('<script>alert(document.cookie)</script>') },
      { kind: 'pic', mime: 'image/svg+xml', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
      { kind: 'js', mime: 'application/javascript', bytes: Buffer.from('alert(1)') },
      { kind: 'strip', mime: 'image/png', bytes: Buffer.from('<html><script>alert(1)</script></html>') },
      { kind: 'strip', mime: 'image/png; charset=utf-8', bytes: png },
      { kind: 'strip', mime: 'IMAGE/PNG', bytes: png },
      { kind: 'data', mime: 'application/json', bytes: Buffer.from('<script>alert(1)</script>') },
      { kind: 'arr', mime: 'application/x-npy', bytes: Buffer.from('not numpy') },
      { kind: '../../../etc/passwd', mime: 'image/png', bytes: png },
      { kind: 'strip', mime: 'image/png', bytes: Buffer.alloc(0) },
      { kind: 'strip', mime: 'image/png', bytes: Buffer.concat([png, Buffer.alloc(9 * 1024 * 1024)]) },
      { kind: 'strip', mime: 'application/octet-stream', bytes: png },
    ];
    for (const art of hostile) {
      await tally.case(async () => {
        const before = await fingerprint(server);
        assert.equal(await codeOf(server.services.results.record(server.ds.manager, t1.id, { ...outcome, artifacts: [art] }, lease)), 'BAD_USER_INPUT', `${art.mime} ${art.kind}`);
        assert.equal(await fingerprint(server), before);
      });
    }
    await tally.case(async () => {
      assert.equal(await codeOf(server.services.results.record(server.ds.manager, t1.id, outcome, { worker: 'worker-2', attempts: lease.attempts })), 'BAD_USER_INPUT', 'another worker');
      assert.equal(await codeOf(server.services.results.record(server.ds.manager, t1.id, { ...outcome, artifacts: [{ kind: 'strip', mime: 'image/png', bytes: png }] }, lease)), 'OK');
    });
  });

  it('caps organizations per token and per founding chain; only admins found them', async () => {
    const found = (token: string, slug: string) => gqlRaw(server, `mutation($s: String!) { createOrganization(input: { slug: $s, name: $s }) { token organization { id } } }`, { s: slug }, token);
    const first = await found(admin.token, 'child-1');
    assert.equal(first.status, 200, first.text);
    assert.equal((await found(admin.token, 'child-2')).status, 200);
    await refusedWithoutWrites(server, tally, 'third organization from one token', 'FORBIDDEN', () => found(admin.token, 'child-3'));
    const childToken = first.json.data.createOrganization.token;
    assert.equal((await found(childToken, 'grandchild-1')).status, 200);
    await refusedWithoutWrites(server, tally, 'founding chain over its cap', 'FORBIDDEN', () => found(childToken, 'grandchild-2'));
    const member = await gql(server, `mutation($o: ID!) { createToken(input: { organizationId: $o, memberName: "plain", role: member }) { token } }`, { o: admin.organizationId }, admin.token);
    await refusedWithoutWrites(server, tally, 'member founding an organization', 'FORBIDDEN', () => found(member.data.createToken.token, 'by-member'));
    const session = (await gqlRaw(server, `mutation { createSession { token } }`, {}, admin.token)).json.data.createSession.token;
    await refusedWithoutWrites(server, tally, 'web session founding an organization', 'FORBIDDEN', () => found(session, 'by-session'));
  });

  it('caps custom densities per organization', async () => {
    server.config.densitiesPerOrg = 2;
    try {
      const lab = await bootstrapOrg(server, 'density-lab');
      const make = (slug: string) => gqlRaw(server, `mutation($o: ID!, $s: String!) { createDensity(input: { organizationId: $o, slug: $s, expression: "x" }) { id } }`, { o: lab.organizationId, s: slug }, lab.token);
      for (const slug of ['cap-1', 'cap-2']) assert.equal((await make(slug)).status, 200);
      await refusedWithoutWrites(server, tally, 'density over the per-organization cap', 'FORBIDDEN', () => make('cap-3'));
    } finally {
      server.config.densitiesPerOrg = 200;
    }
  });

  it('keeps roles explicit: createToken never changes one, setMemberRole never demotes the last admin', async () => {
    const lab = await bootstrapOrg(server, 'roles-lab');
    const mk = (name: string, role: string) => gqlRaw(server, `mutation($o: ID!, $n: String!, $r: MemberRole!) { createToken(input: { organizationId: $o, memberName: $n, role: $r }) { token member { id role } } }`,
      { o: lab.organizationId, n: name, r: role }, lab.token);
    const [me] = await server.ds.query(`SELECT id FROM member WHERE organization_id = $1 AND role = 'admin'`, [lab.organizationId]);
    await refusedWithoutWrites(server, tally, 'createToken demoting the only admin', 'BAD_USER_INPUT', () => mk('admin', 'viewer'));
    await refusedWithoutWrites(server, tally, 'setMemberRole demoting the last admin', 'BAD_USER_INPUT', () =>
      gqlRaw(server, `mutation($m: ID!) { setMemberRole(memberId: $m, role: viewer) { role } }`, { m: me.id }, lab.token));
    const v = await mk('reader', 'viewer');
    assert.equal(v.status, 200, v.text);
    await refusedWithoutWrites(server, tally, 'createToken promoting a viewer', 'BAD_USER_INPUT', () => mk('reader', 'admin'));
    await tally.case(async () => {
      const r = await gqlRaw(server, `mutation($m: ID!) { setMemberRole(memberId: $m, role: member) { role } }`, { m: v.json.data.createToken.member.id }, lab.token);
      assert.equal(r.json.data.setMemberRole.role, 'member', r.text);
    });
    // revokeToken: a foreign token id and an unknown one get the same answer
    const foreign = (await server.ds.query(`SELECT t.id FROM api_token t JOIN member m ON m.id = t.member_id WHERE m.organization_id = $1 LIMIT 1`, [admin.organizationId]))[0].id;
    for (const id of [foreign, '00000000-0000-4000-8000-000000000000']) {
      await tally.case(async () => {
        const before = await fingerprint(server);
        const r = await gqlRaw(server, `mutation($id: ID!) { revokeToken(id: $id) { id } }`, { id }, lab.token);
        assert.equal(r.status, 404);
        assert.deepEqual(r.json.errors.map((x: any) => [x.message, x.extensions.code]), [['ApiToken not found', 'NOT_FOUND']]);
        assert.equal(await fingerprint(server), before);
      });
    }
    await assertHealthy(server, 'roles');
  });
});
