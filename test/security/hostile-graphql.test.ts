import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { bootstrapOrg, builtinAttackId, gql, startTestServer, TestServer } from '../integration/api-helpers';
import { assertHealthy, assertNoLeak, fingerprint, gqlRaw, post, refusedWithoutWrites, Tally } from './security-helpers';

const b64 = (v: string) => Buffer.from(v).toString('base64url');
const INJECTIONS = [
  `' OR '1'='1`, `'; DROP TABLE trial; --`, `" OR ""="`, `1; SELECT pg_sleep(5)`, `<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`,
  '${7*7}', '{{7*7}}', '../../../../etc/passwd', '\u202egnp.exe', '%00', `\\'; --`, '$where: 1', '{"$gt": ""}', 'x'.repeat(5000),
];
const BAD_IDS = ['nope', '1', `' OR 1=1 --`, '00000000-0000-0000-0000-00000000000g', '', ` ${'0'.repeat(8)}-0000-0000-0000-000000000000`,
  '00000000-0000-0000-0000-000000000000\u0000', 'x'.repeat(1000), '../trial', '{}'];

/** Hostile GraphQL requests: bombs, malformed ids, NUL bytes, cursors, injection strings, hostile densities, sizes. */
describe('hostile GraphQL input', () => {
  let server: TestServer;
  const tally = new Tally('hostile GraphQL input');
  let admin: { token: string; organizationId: string };
  let attack: string;
  let experimentId: string;

  before(async () => {
    server = await startTestServer({ config: { introspection: false, mutationsPerMinutePerIp: 0, mutationsPerMinutePerToken: 0, maxBodyBytes: 1024 * 1024, maxHeaderBytes: 16 * 1024 } });
    admin = await bootstrapOrg(server, 'lab');
    attack = await builtinAttackId(server);
    const e = await gql(server, `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { experiment { id } } }`, { i: {
      organizationId: admin.organizationId, name: 'base', matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [attack], trialsPerCell: 2 } } }, admin.token);
    experimentId = e.data.createExperiment.experiment.id;
  });
  after(async () => { tally.print(); await server?.stop(); await server?.dropDatabase(); });

  const refused = (label: string, code: string | string[], query: string, variables?: unknown, token?: string) =>
    refusedWithoutWrites(server, tally, label, code, () => gqlRaw(server, query, variables, token));

  it('refuses depth, alias, fragment and directive bombs before running them', async () => {
    let deep = 'id';
    for (let i = 0; i < 30; i++) deep = `experiment { trials { edges { node { ${deep} } } } }`;
    await refused('depth bomb', 'BAD_USER_INPUT', `query($id: ID!) { experiment(id: $id) { trials { edges { node { ${deep} } } } } }`, { id: experimentId });
    const aliases = Array.from({ length: 400 }, (_, i) => `a${i}: experiments(first: 100) { edges { node { id name } } }`).join(' ');
    await refused('alias bomb', 'BAD_USER_INPUT', `{ ${aliases} }`);
    const densAliases = Array.from({ length: 2000 }, (_, i) => `d${i}: densities(first: 100) { edges { node { slug } } }`).join(' ');
    await refused('alias bomb on a list', 'BAD_USER_INPUT', `{ ${densAliases} }`);
    const frags = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Query { ${i ? `...F${i - 1} ...F${i - 1}` : 'experiments(first: 100) { edges { node { id } } }'} }`).join('\n');
    await refused('fragment bomb (exponential spread)', 'BAD_USER_INPUT', `${frags}\n{ ...F11 }`);
    await refused('fragment cycle', 'BAD_USER_INPUT', `fragment A on Query { ...B } fragment B on Query { ...A } { ...A }`);
    await refused('directive flood', 'BAD_USER_INPUT', `{ datasets ${'@include(if: true) '.repeat(500)} { slug } }`);
    await refused('unknown operation type', 'BAD_USER_INPUT', `subscription { datasets { slug } }`);
    await refused('parse error', 'BAD_USER_INPUT', `{ datasets { slug `);
    await refused('introspection in production', 'BAD_USER_INPUT', `{ __schema { types { name } } }`);
    await refusedWithoutWrites(server, tally, 'batched array', 'BAD_USER_INPUT', () => post(server.graphqlUrl, JSON.stringify([{ query: '{ datasets { slug } }' }, { query: '{ datasets { slug } }' }])));
    await refusedWithoutWrites(server, tally, 'operation name not in the document', 'BAD_USER_INPUT', () => post(server.graphqlUrl, JSON.stringify({ query: 'query A { datasets { slug } }', operationName: 'B' })));
    await refusedWithoutWrites(server, tally, 'variables not an object', 'BAD_USER_INPUT', () => post(server.graphqlUrl, JSON.stringify({ query: '{ datasets { slug } }', variables: 'x' })));
    await refused('variable of the wrong type', 'BAD_USER_INPUT', `query($n: Int!) { experiments(first: $n) { edges { cursor } } }`, { n: 'many' });
    await refused('page size over the cap', 'BAD_USER_INPUT', `{ experiments(first: 100000) { edges { cursor } } }`);
    await refused('negative page size', 'BAD_USER_INPUT', `{ experiments(first: -1) { edges { cursor } } }`);
  });

  it('refuses every malformed id with BAD_USER_INPUT before SQL sees it', async () => {
    const byId: [string, string][] = [
      ['trial', `query($id: ID!) { trial(id: $id) { id } }`], ['experiment', `query($id: ID!) { experiment(id: $id) { id } }`],
      ['attack', `query($id: ID!) { attack(id: $id) { id } }`], ['defense', `query($id: ID!) { defense(id: $id) { id } }`],
      ['experimentProgress', `query($id: ID!) { experimentProgress(id: $id) { queued } }`],
      ['cancelExperiment', `mutation($id: ID!) { cancelExperiment(id: $id) { id } }`], ['revokeToken', `mutation($id: ID!) { revokeToken(id: $id) { id } }`],
      ['retryFailedTrials', `mutation($id: ID!) { retryFailedTrials(experimentId: $id) { id } }`],
      ['setMemberRole', `mutation($id: ID!) { setMemberRole(memberId: $id, role: viewer) { id } }`],
    ];
    for (const [name, doc] of byId) {
      for (const id of BAD_IDS.slice(0, name === 'trial' || name === 'cancelExperiment' ? BAD_IDS.length : 4)) {
        await refused(`${name}(${JSON.stringify(id).slice(0, 30)})`, 'BAD_USER_INPUT', doc, { id }, admin.token);
      }
    }
    // ids inside input objects and lists
    for (const id of BAD_IDS.slice(0, 4)) {
      await refused(`createExperiment attacks [${id.slice(0, 20)}]`, 'BAD_USER_INPUT', `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { trialCount } }`, { i: {
        organizationId: admin.organizationId, name: 'x', matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [attack, id], trialsPerCell: 1 } } }, admin.token);
      await refused(`createDensity organizationId ${id.slice(0, 20)}`, 'BAD_USER_INPUT', `mutation($i: CreateDensityInput!) { createDensity(input: $i) { id } }`,
        { i: { organizationId: id, slug: 'ok', expression: 'x' } }, admin.token);
    }
  });

  it('refuses NUL bytes in every string argument', async () => {
    const nul = 'a\u0000b';
    const cases: [string, string, Record<string, unknown>][] = [
      ['organization(idOrSlug)', `query($v: String!) { organization(idOrSlug: $v) { id } }`, { v: nul }],
      ['publication(slug)', `query($v: String!) { publication(slug: $v) { id } }`, { v: nul }],
      ['createAttack.name', `mutation($v: String!, $o: ID!) { createAttack(input: { organizationId: $o, kind: INTERPOLATION, slug: "nul", name: $v }) { id } }`, { v: nul, o: admin.organizationId }],
      ['createAttack.slug', `mutation($v: String!, $o: ID!) { createAttack(input: { organizationId: $o, kind: INTERPOLATION, slug: $v, name: "n" }) { id } }`, { v: nul, o: admin.organizationId }],
      ['createAttack.description', `mutation($v: String!, $o: ID!) { createAttack(input: { organizationId: $o, kind: INTERPOLATION, slug: "nul", name: "n", description: $v }) { id } }`, { v: nul, o: admin.organizationId }],
      ['createAttack.params key', `mutation($v: JSONObject!, $o: ID!) { createAttack(input: { organizationId: $o, kind: INTERPOLATION, slug: "nul", name: "n", params: $v }) { id } }`, { v: { [nul]: 1 }, o: admin.organizationId }],
      ['createAttack.params value', `mutation($v: JSONObject!, $o: ID!) { createAttack(input: { organizationId: $o, kind: INTERPOLATION, slug: "nul", name: "n", params: $v }) { id } }`, { v: { path: nul }, o: admin.organizationId }],
      ['createDefense.name', `mutation($v: String!, $o: ID!) { createDefense(input: { organizationId: $o, kind: NONE, slug: "nul", name: $v }) { id } }`, { v: nul, o: admin.organizationId }],
      ['createDensity.expression', `mutation($v: String!, $o: ID!) { createDensity(input: { organizationId: $o, slug: "nul", expression: $v }) { id } }`, { v: nul, o: admin.organizationId }],
      ['createDensity.label', `mutation($v: String!, $o: ID!) { createDensity(input: { organizationId: $o, slug: "nul", expression: "x", label: $v }) { id } }`, { v: nul, o: admin.organizationId }],
      ['createDensity.description', `mutation($v: String!, $o: ID!) { createDensity(input: { organizationId: $o, slug: "nul", expression: "x", description: $v }) { id } }`, { v: nul, o: admin.organizationId }],
      ['createOrganization.name', `mutation($v: String!) { createOrganization(input: { slug: "nul-org", name: $v }) { token } }`, { v: nul }],
      ['createToken.memberName', `mutation($v: String!, $o: ID!) { createToken(input: { organizationId: $o, memberName: $v }) { token } }`, { v: nul, o: admin.organizationId }],
      ['createToken.name', `mutation($v: String!, $o: ID!) { createToken(input: { organizationId: $o, memberName: "m", name: $v }) { token } }`, { v: nul, o: admin.organizationId }],
    ];
    for (const field of ['name', 'description', 'clientMutationId', 'codeVersion', 'preset']) {
      cases.push([`createExperiment.${field}`, `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { trialCount } }`, { i: {
        organizationId: admin.organizationId, name: 'n', [field]: nul, matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [attack], trialsPerCell: 1 } } }]);
    }
    for (const list of ['datasets', 'algorithms', 'densities']) {
      cases.push([`createExperiment.matrix.${list}`, `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { trialCount } }`, { i: {
        organizationId: admin.organizationId, name: 'n', matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [attack], trialsPerCell: 1, [list]: [nul] } } }]);
    }
    for (const [label, doc, vars] of cases) await refused(`NUL in ${label}`, 'BAD_USER_INPUT', doc, vars, admin.token);
  });

  it('parses cursors strictly', async () => {
    const cursors = ['!!!', 'bm90IGpzb24', b64('[]'), b64('{"a":1}'), b64('[1,2,3]'), b64(`["' OR 1=1 --"]`), b64('[null]'), 'A'.repeat(2000), 'WyJ4Il0=', b64('["x",1]') + '==', b64('[1e400]')];
    const lists: [string, string][] = [
      ['experiments', `query($c: String) { experiments(after: $c) { edges { cursor } } }`],
      ['attacks', `query($c: String) { attacks(after: $c) { edges { cursor } } }`],
      ['defenses', `query($c: String) { defenses(after: $c) { edges { cursor } } }`],
      ['densities', `query($c: String) { densities(after: $c) { edges { cursor } } }`],
      ['trials', `query($c: String, $id: ID!) { experiment(id: $id) { trials(after: $c) { edges { cursor } } } }`],
    ];
    for (const [name, doc] of lists) {
      for (const c of cursors) {
        await tally.case(async () => {
          const a = await gqlRaw(server, doc, { c, id: experimentId });
          assertNoLeak(a, `${name} cursor ${c.slice(0, 20)}`);
          const codes = (a.json?.errors ?? []).map((e: any) => e.extensions?.code);
          assert.ok(codes.length > 0 && codes.every((x: string) => x === 'BAD_USER_INPUT'), `${name} cursor ${c.slice(0, 30)}: ${a.text.slice(0, 200)}`);
          if (name !== 'trials') assert.equal(a.status, 400, `${name}: ${a.status}`);
        });
      }
    }
  });

  it('stores injection strings as inert text and answers lookups with NOT_FOUND', async () => {
    for (const [i, s] of INJECTIONS.entries()) {
      await refused(`organization(${s.slice(0, 20)})`, 'NOT_FOUND', `query($v: String!) { organization(idOrSlug: $v) { id } }`, { v: s });
      await refused(`publication(${s.slice(0, 20)})`, 'NOT_FOUND', `query($v: String!) { publication(slug: $v) { id } }`, { v: s });
      await refused(`createAttack slug ${s.slice(0, 20)}`, 'BAD_USER_INPUT', `mutation($v: String!, $o: ID!) { createAttack(input: { organizationId: $o, kind: INTERPOLATION, slug: $v, name: "n" }) { id } }`, { v: s, o: admin.organizationId }, admin.token);
      await refused(`createExperiment dataset ${s.slice(0, 20)}`, 'BAD_USER_INPUT', `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { trialCount } }`, { i: {
        organizationId: admin.organizationId, name: 'n', matrix: { datasets: [s], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [attack], trialsPerCell: 1 } } }, admin.token);
      // free text is stored exactly as sent (parameterised SQL), never interpreted
      if (s.length <= 200) {
        await tally.case(async () => {
          const r = await gqlRaw(server, `mutation($v: String!, $o: ID!, $slug: String!) { createAttack(input: { organizationId: $o, kind: INTERPOLATION, slug: $slug, name: $v, description: $v }) { id name description } }`,
            { v: s, o: admin.organizationId, slug: `inj-${i}` }, admin.token);
          assert.equal(r.status, 200, r.text);
          assert.equal(r.json.data.createAttack.name, s);
          const [row] = await server.ds.query(`SELECT name, description FROM attack_definition WHERE id = $1`, [r.json.data.createAttack.id]);
          assert.deepEqual(row, { name: s, description: s });
          assert.equal((await server.ds.query(`SELECT count(*)::int AS n FROM trial`))[0].n > 0, true, 'tables intact');
        });
      }
    }
  });

  it('refuses hostile densities with BAD_USER_INPUT and writes nothing', async () => {
    const hostile = ['1e308', 'exp(709*x)*1.5', 'exp(700*x)', '1e300*x', '1e13', '1/x', 'log(x)', 'x-0.5', '0*x', '-1', 'sqrt(x-1)', 'eval(1)', 'constructor',
      '__proto__', 'process.exit()', 'x; DROP TABLE density_function', 'x'.repeat(300), '('.repeat(150) + 'x' + ')'.repeat(150), '1e308^x',
      'max(x, 1e309)', '1e400', 'phi(x)*1e308*10', 'exp(exp(exp(3*x)))', '', '   ', 'x +', 'Infinity', 'NaN', '0x10', 'x // 2'];
    for (const expression of hostile) {
      await refused(`density ${JSON.stringify(expression).slice(0, 30)}`, 'BAD_USER_INPUT', `mutation($i: CreateDensityInput!) { createDensity(input: $i) { id } }`,
        { i: { organizationId: admin.organizationId, slug: 'hostile', expression } }, admin.token);
    }
    // the catalogue still answers for everyone
    await tally.case(async () => {
      const r = await gqlRaw(server, `{ densities(first: 100) { edges { node { slug integral } } } }`);
      assert.equal(r.status, 200, r.text);
      assert.ok(r.json.data.densities.edges.every((e: any) => Number.isFinite(e.node.integral)));
    });
  });

  it('refuses deep JSON, oversized bodies and oversized headers with 400, 413 and 431', async () => {
    const deepVar = JSON.parse('{"a":'.repeat(5000) + '1' + '}'.repeat(5000));
    await refusedWithoutWrites(server, tally, 'variable nested 5,000 levels', 'BAD_USER_INPUT', () => post(server.graphqlUrl, `{"query":"mutation($v: JSONObject!, $o: ID!) { createAttack(input: { organizationId: $o, kind: INTERPOLATION, slug: \\"deep\\", name: \\"n\\", params: $v }) { id } }","variables":{"o":"${admin.organizationId}","v":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`, { authorization: `Bearer ${admin.token}` }));
    assert.ok(deepVar);
    await refused('variable nested 40 levels', 'BAD_USER_INPUT', `mutation($v: JSONObject!, $o: ID!) { createAttack(input: { organizationId: $o, kind: INTERPOLATION, slug: "deep", name: "n", params: $v }) { id } }`,
      { v: JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)), o: admin.organizationId }, admin.token);
    await refusedWithoutWrites(server, tally, 'invalid JSON body', 'BAD_USER_INPUT', () => post(server.graphqlUrl, '{"query": '));
    for (const size of [1024 * 1024 + 1, 17 * 1024 * 1024]) {
      await tally.case(async () => {
        const before = await fingerprint(server);
        const a = await post(server.graphqlUrl, JSON.stringify({ query: `{ datasets { slug } }`, pad: 'x'.repeat(size) }));
        assert.equal(a.status, 413, `${size} bytes: ${a.status}`);
        assertNoLeak(a, 'oversized body');
        assert.equal(await fingerprint(server), before);
        await assertHealthy(server, 'oversized body');
      });
    }
    for (const [label, headers] of [
      ['one 100 KB header', { 'x-pad': 'x'.repeat(100 * 1024) }],
      ['many headers', Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`x-h${i}`, 'y'.repeat(60)]))],
      ['huge cookie', { cookie: `a=${'z'.repeat(40 * 1024)}` }],
    ] as [string, Record<string, string>][]) {
      await tally.case(async () => {
        const status = await rawStatus(server.port, headers);
        assert.equal(status, 431, `${label}: ${status}`);
        await assertHealthy(server, label);
      });
    }
  });

  it('limits mutations per token and per address (429, FORBIDDEN, nothing written)', async () => {
    server.config.mutationsPerMinutePerToken = 3;
    try {
      const doc = `mutation($o: ID!) { createDensity(input: { organizationId: $o, slug: "bad", expression: "x - 2" }) { id } }`;
      for (let i = 0; i < 3; i++) await gqlRaw(server, doc, { o: admin.organizationId }, admin.token);
      await tally.case(async () => {
        const before = await fingerprint(server);
        const a = await gqlRaw(server, `mutation($o: ID!) { createDensity(input: { organizationId: $o, slug: "rate", expression: "x" }) { id } }`, { o: admin.organizationId }, admin.token);
        assert.equal(a.status, 429, a.text);
        assert.equal(a.json.errors[0].extensions.code, 'FORBIDDEN');
        assert.equal(await fingerprint(server), before);
      });
      // queries are not limited
      await tally.case(async () => assert.equal((await gqlRaw(server, `{ datasets { slug } }`, {}, admin.token)).status, 200));
    } finally {
      server.config.mutationsPerMinutePerToken = 0;
    }
  });
});

/** Status line of a raw request carrying `headers` (fetch refuses to send some of these). */
function rawStatus(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'GET', headers, maxHeaderSize: 1024 * 1024 }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end();
  });
}
