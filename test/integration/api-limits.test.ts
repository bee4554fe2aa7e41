import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapOrg, builtinAttackId, claimTrial, codes, gql, startTestServer, TestServer } from './api-helpers';

describe('API limits, error masking and DataLoader batching (HTTP, real PostgreSQL)', () => {
  let server: TestServer;
  let statements = 0;
  let experimentId: string;
  before(async () => {
    server = await startTestServer({ onQuery: () => { statements++; } });
    const a = await bootstrapOrg(server, 'lab');
    const attack = await builtinAttackId(server);
    const r = await gql(server, `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { experiment { id } } }`, { i: {
      organizationId: a.organizationId, name: 'pages',
      matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [attack], trialsPerCell: 60 } } }, a.token);
    experimentId = r.data.createExperiment.experiment.id;
    const trials = await server.ds.query(`SELECT id FROM trial WHERE experiment_id = $1 ORDER BY ordinal LIMIT 50`, [experimentId]);
    for (const t of trials) await server.services.results.record(server.ds.manager, t.id, { success: true, backend: 'cpu', configHash: 'h' }, await claimTrial(server, t.id));
  });
  after(async () => { await server?.stop(); await server?.dropDatabase(); });

  it('refuses a query deeper than the depth limit (fragments followed)', async () => {
    const deep = `{ experiments { edges { node { trials { edges { node { experiment { trials { edges { node { id } } } } } } } } } } }`;
    const r = await gql(server, deep);
    assert.deepEqual(codes(r), ['BAD_USER_INPUT']);
    assert.match(r.errors![0].message, /depth/);
    const viaFragments = `fragment T on Trial { experiment { trials { edges { node { experiment { id } } } } } }
      { experiments { edges { node { trials { edges { node { ...T } } } } } } }`;
    assert.deepEqual(codes(await gql(server, viaFragments)), ['BAD_USER_INPUT']);
  });

  it('lets tools run the standard introspection query', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const r = await gql(server, getIntrospectionQuery());
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.ok(r.data.__schema.types.some((t: any) => t.name === 'ExperimentMatrix'));
  });

  it('refuses a query over the complexity limit before running it', async () => {
    const before = statements;
    const bomb = `{ experiments(first: 100) { edges { node { trials(first: 100) { edges { node { id result { id } artifacts { id } attack { slug } } } } } } } }`;
    const r = await gql(server, bomb);
    assert.deepEqual(codes(r), ['BAD_USER_INPUT']);
    assert.match(r.errors![0].message, /complexity \d+ exceeds the limit of 5000/);
    assert.equal(statements, before, 'no SQL ran for a refused query');
    const aliases = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: experiments(first: 100) { edges { node { id name } } }`).join(' ')} }`;
    assert.deepEqual(codes(await gql(server, aliases)), ['BAD_USER_INPUT']);
  });

  it('SQL statements per request do not grow with the page size (DataLoader)', async () => {
    const q = `query($id: ID!, $n: Int!) { experiment(id: $id) { trials(first: $n) { edges { node { id attack { slug } result { success } artifacts { id } experiment { name organization { slug } } } } } } }`;
    const count = async (n: number) => {
      const before = statements;
      const r = await gql(server, q, { id: experimentId, n });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      assert.equal(r.data.experiment.trials.edges.length, n);
      return statements - before;
    };
    const small = await count(5);
    const large = await count(50);
    assert.equal(large, small, `${small} statements for 5 trials, ${large} for 50`);
    assert.ok(small <= 8, `${small} statements`);
  });

  it('a matrix is one SQL statement (plus a first, cached, access check), then none until a result lands', async () => {
    const q = `query($id: ID!) { experiment(id: $id) { id matrix(rows: [ALGORITHM, DATASET], columns: [RATE, DENSITY, ATTACK]) { cells { successes trials rowLabels columnLabels } } } }`;
    const run = async () => {
      const before = statements;
      const r = await gql(server, q, { id: experimentId });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      assert.deepEqual(r.data.experiment.matrix.cells, [{ successes: 50, trials: 50, rowLabels: ['fixmatch', 'moons'], columnLabels: ['0.01', '1', 'interpolation v1'] }]);
      return statements - before;
    };
    assert.equal(await run(), 2);
    assert.equal(await run(), 0);
  });

  it('masks unexpected errors in production: code INTERNAL_SERVER_ERROR, no stack, no SQL', async () => {
    await server.ds.query(`ALTER TABLE dataset RENAME TO dataset_gone`);
    try {
      const origError = console.error;
      console.error = () => {}; // the server logs the real error; keep the test output clean
      let r;
      try { r = await gql(server, `{ datasets { slug } }`); } finally { console.error = origError; }
      assert.deepEqual(codes(r), ['INTERNAL_SERVER_ERROR']);
      assert.equal(r.errors![0].message, 'Internal server error');
      const text = JSON.stringify(r);
      assert.ok(!/stack|dataset_gone|relation|SELECT|at \//.test(text), text);
    } finally {
      await server.ds.query(`ALTER TABLE dataset_gone RENAME TO dataset`);
    }
  });

  it('every error carries one of the five codes (parse errors, unknown fields, bad variables, not found)', async () => {
    for (const q of ['{ datasets { slug ', '{ nope }', '{ experiment(id: "00000000-0000-0000-0000-000000000000") { id } }']) {
      const r = await gql(server, q);
      assert.ok(r.errors?.length);
      for (const c of codes(r)) assert.ok(['BAD_USER_INPUT', 'NOT_FOUND'].includes(c!), `${q}: ${c}`);
      assert.ok(!JSON.stringify(r).includes('stacktrace'));
    }
    assert.deepEqual(codes(await gql(server, 'query($n: Int!) { attacks(first: $n) { edges { cursor } } }', { n: 'x' })), ['BAD_USER_INPUT']);
  });
});
