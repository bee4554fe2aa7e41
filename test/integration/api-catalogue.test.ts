import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapOrg, codes, gql, startTestServer, TestServer } from './api-helpers';

describe('catalogue, densities, attack and defense definitions (HTTP, real PostgreSQL)', () => {
  let server: TestServer;
  let token: string;
  let organizationId: string;
  before(async () => {
    server = await startTestServer();
    ({ token, organizationId } = await bootstrapOrg(server, 'lab'));
  });
  after(async () => { await server?.stop(); await server?.dropDatabase(); });

  it('seeds the catalogue: 7 datasets, 5 algorithms, 11 densities, 2 papers, every reported cell', async () => {
    const r = await gql(server, `{ datasets { slug } algorithms { slug defaults } densities(first: 100) { edges { node { slug label builtin } } }
      publications { slug bibtex reportedResults { tableKey } } }`);
    assert.equal(r.errors, undefined);
    assert.deepEqual(r.data.datasets.map((d: any) => d.slug).sort(), ['blobs', 'cifar10', 'fashion-mnist', 'mnist', 'moons', 'stl10', 'svhn']);
    assert.deepEqual(r.data.algorithms.map((a: any) => a.slug).sort(), ['fixmatch', 'mixmatch', 'pseudo-label', 'supervised', 'uda']);
    assert.equal(r.data.algorithms.find((a: any) => a.slug === 'fixmatch').defaults.threshold, 0.95);
    const densities = r.data.densities.edges.map((e: any) => e.node);
    assert.equal(densities.length, 11);
    assert.ok(densities.every((d: any) => d.builtin));
    // paged like every other list: two pages of 6 and 5, no gaps, no repeats
    const p1 = await gql(server, `{ densities(first: 6) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }`);
    const p2 = await gql(server, `query($a: String) { densities(first: 6, after: $a) { edges { node { slug } } pageInfo { hasNextPage } } }`, { a: p1.data.densities.pageInfo.endCursor });
    assert.equal(p1.data.densities.pageInfo.hasNextPage, true);
    assert.equal(p2.data.densities.pageInfo.hasNextPage, false);
    assert.deepEqual([...p1.data.densities.edges, ...p2.data.densities.edges].map((e: any) => e.node.slug), densities.map((d: any) => d.slug));
    const carlini = r.data.publications.find((p: any) => p.slug === 'carlini2021');
    assert.match(carlini.bibtex, /^@inproceedings\{carlini2021poisoning,/);
    assert.ok(r.data.publications.find((p: any) => p.slug === 'shafahi2018').bibtex.includes('Poison Frogs'));
    // Table 1: 3x9 cells minus UDA's 3 missing STL-10 cells; Table 2: 3x6; Table 3: 11x3; Figure 6: 3x4.
    const perTable: Record<string, number> = {};
    for (const x of carlini.reportedResults) perTable[x.tableKey] = (perTable[x.tableKey] ?? 0) + 1;
    assert.deepEqual(perTable, {
      table1_algorithm_by_dataset_and_rate: 24, table2_algorithm_by_label_budget: 18, table3_density_functions: 33, figure6_zero_knowledge: 12,
    });
  });

  it('reads one paper table by publication slug', async () => {
    const r = await gql(server, `{ publication(slug: "carlini2021") { title reportedResults(table: "table3_density_functions") { rowKey columnKey successes trials density } } }`);
    assert.equal(r.data.publication.title, 'Poisoning the Unlabeled Dataset of Semi-Supervised Learning');
    const cells = r.data.publication.reportedResults;
    assert.equal(cells.length, 33);
    assert.deepEqual(cells.find((c: any) => c.rowKey === '1.5-x' && c.columnKey === '0.1%'),
      { rowKey: '1.5-x', columnKey: '0.1%', successes: 7, trials: 8, density: 'one-point-five-minus-x' });
    assert.deepEqual(codes(await gql(server, `{ publication(slug: "nope") { title } }`)), ['NOT_FOUND']);
  });

  it('maps paper columns onto cell coordinates', async () => {
    const rows = await server.ds.query(
      `SELECT dataset, labels, algorithm, rate, density, attack_kind, successes, trials FROM reported_result
        WHERE (table_key = 'table1_algorithm_by_dataset_and_rate' AND row_key = 'FixMatch' AND column_key = 'STL-10@0.2%')
           OR (table_key = 'table3_density_functions' AND row_key = '1.5-x' AND column_key = '0.1%')
        ORDER BY table_key`);
    assert.deepEqual(rows, [
      { dataset: 'stl10', labels: 1000, algorithm: 'fixmatch', rate: 0.002, density: null, attack_kind: 'interpolation', successes: 8, trials: 8 },
      { dataset: 'cifar10', labels: 40, algorithm: 'fixmatch', rate: 0.001, density: 'one-point-five-minus-x', attack_kind: 'interpolation', successes: 7, trials: 8 },
    ]);
  });

  it('seeding is idempotent (a second run adds nothing)', async () => {
    const count = async () => (await server.ds.query(`SELECT (SELECT count(*) FROM reported_result) + (SELECT count(*) FROM density_function) AS n`))[0].n;
    const before = await count();
    const { seedCatalogue } = await import('../../server/src/db/seed');
    await seedCatalogue(server.ds);
    assert.equal(await count(), before);
  });

  const createDensity = `mutation($i: CreateDensityInput!) { createDensity(input: $i) { slug expression integral builtin } }`;

  it('creates a valid custom density with its integral', async () => {
    const r = await gql(server, createDensity, { i: { organizationId, slug: 'my-tent', expression: 'min(x, 1-x)' } }, token);
    assert.equal(r.errors, undefined);
    assert.equal(r.data.createDensity.builtin, false);
    assert.ok(Math.abs(r.data.createDensity.integral - 0.25) < 1e-3);
  });

  for (const [why, expression] of [
    ['negative on [0,1]', 'x - 0.5'],
    ['integrates to zero', '0'],
    ['not finite', '1/x'],
    ['not in the grammar', 'process.exit(1)'],
    ['longer than 200 characters', 'x+'.repeat(100) + '1'],
  ] as const) {
    it(`refuses a density that is ${why} with BAD_USER_INPUT`, async () => {
      const r = await gql(server, createDensity, { i: { organizationId, slug: `bad-${why.length}`, expression } }, token);
      assert.deepEqual(codes(r), ['BAD_USER_INPUT'], JSON.stringify(r.errors));
      assert.equal(r.data, null);
    });
  }

  it('refuses a duplicate density slug and writes without a token', async () => {
    assert.deepEqual(codes(await gql(server, createDensity, { i: { organizationId, slug: 'uniform', expression: '1' } }, token)), ['BAD_USER_INPUT']);
    assert.deepEqual(codes(await gql(server, createDensity, { i: { organizationId, slug: 'anon', expression: '1' } })), ['UNAUTHENTICATED']);
  });

  const createAttack = `mutation($i: CreateAttackInput!) { createAttack(input: $i) { id slug version kind params } }`;

  it('creates attacks with params validated per kind (defaults filled in)', async () => {
    const r = await gql(server, createAttack, { i: { organizationId, slug: 'frogs', kind: 'FEATURE_COLLISION', name: 'Frogs', params: { iterations: 50, beta0: 0.1 } } }, token);
    assert.equal(r.errors, undefined);
    // Every parameter of the compute contract, the preset-dependent ones left for the trial to resolve.
    assert.deepEqual(r.data.createAttack.params, {
      setting: 'transfer', poisons: 1, watermark: 0, iterations: 50, beta0: 0.1, learningRate: 0.05, stepRule: 'halve',
      pretrainSeed: 0, fineTuneSteps: 300, fineTuneLearningRate: 0.01,
    });
    assert.equal(r.data.createAttack.version, 1);
    const again = await gql(server, createAttack, { i: { organizationId, slug: 'frogs', kind: 'FEATURE_COLLISION', name: 'Frogs 2', params: { iterations: 60 } } }, token);
    assert.equal(again.data.createAttack.version, 2);
  });

  for (const [why, kind, params] of [
    ['an unknown parameter', 'INTERPOLATION', { foo: 1 }],
    ['a parameter out of range', 'WATERMARK', { watermark: 1.5 }],
    ['a wrongly typed parameter', 'FEATURE_COLLISION', { iterations: 'many' }],
    ['a non-integer count', 'ZERO_KNOWLEDGE_INTERPOLATION', { bridges: 2.5 }],
  ] as const) {
    it(`refuses an attack with ${why}`, async () => {
      const r = await gql(server, createAttack, { i: { organizationId, slug: 'bad-attack', kind, name: 'x', params } }, token);
      assert.deepEqual(codes(r), ['BAD_USER_INPUT'], JSON.stringify(r.errors));
    });
  }

  it('names every refused parameter, with its input path and, for an unknown key, the accepted keys', async () => {
    const r = await gql(server, createAttack, { i: { organizationId, slug: 'bad-attack', kind: 'FEATURE_COLLISION', name: 'x', params: { steps: 7, iterations: -1 } } }, token);
    assert.deepEqual(codes(r), ['BAD_USER_INPUT']);
    const ext = r.errors![0].extensions as { field: string; fields: { field: string; message: string; accepted?: string[] }[] };
    assert.deepEqual(ext.fields.map((f) => f.field).sort(), ['input.params.iterations', 'input.params.steps']);
    assert.equal(ext.field, ext.fields[0].field);
    const unknown = ext.fields.find((f) => f.field === 'input.params.steps')!;
    assert.ok(unknown.accepted!.includes('iterations') && unknown.accepted!.includes('beta0'), JSON.stringify(unknown));
    assert.match(unknown.message, /unknown key "steps" \(accepted: setting, poisons/);
  });

  it('refuses an unknown attack kind and a bad slug at the schema/validation level', async () => {
    assert.deepEqual(codes(await gql(server, createAttack, { i: { organizationId, slug: 'x', kind: 'LASER', name: 'x' } }, token)), ['BAD_USER_INPUT']);
    const badSlug = await gql(server, createAttack, { i: { organizationId, slug: 'Not OK', kind: 'INTERPOLATION', name: 'x' } }, token);
    assert.deepEqual(codes(badSlug), ['BAD_USER_INPUT']);
    assert.ok(JSON.stringify(badSlug.errors).includes('slug'));
  });

  it('another organization cannot add versions to your slug or write into your organization', async () => {
    const other = await bootstrapOrg(server, 'other-lab');
    const r = await gql(server, createAttack, { i: { organizationId: other.organizationId, slug: 'frogs', kind: 'FEATURE_COLLISION', name: 'x' } }, other.token);
    assert.deepEqual(codes(r), ['BAD_USER_INPUT']);
    const cross = await gql(server, createAttack, { i: { organizationId, slug: 'intruder', kind: 'WATERMARK', name: 'x' } }, other.token);
    assert.deepEqual(codes(cross), ['FORBIDDEN']);
  });

  it('an attack used by a trial is frozen: updating it creates a new version', async () => {
    const created = await gql(server, createAttack, { i: { organizationId, slug: 'interp-mine', kind: 'INTERPOLATION', name: 'mine' } }, token);
    const id = created.data.createAttack.id;
    const upd = `mutation($i: UpdateAttackInput!) { updateAttack(input: $i) { id version name } }`;
    const inPlace = await gql(server, upd, { i: { id, name: 'renamed' } }, token);
    assert.deepEqual(inPlace.data.updateAttack, { id, version: 1, name: 'renamed' });
    const exp = await gql(server, `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { trialCount } }`, { i: {
      organizationId, name: 'uses it', matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [id], trialsPerCell: 1 },
    } }, token);
    assert.equal(exp.data.createExperiment.trialCount, 1);
    const v2 = await gql(server, upd, { i: { id, name: 'changed after use' } }, token);
    assert.equal(v2.data.updateAttack.version, 2);
    assert.notEqual(v2.data.updateAttack.id, id);
    const [old] = await server.ds.query(`SELECT name FROM attack_definition WHERE id = $1`, [id]);
    assert.equal(old.name, 'renamed');
    // the database itself refuses to change a used definition
    await assert.rejects(server.ds.query(`UPDATE attack_definition SET name = 'sneaky' WHERE id = $1`, [id]), /cannot change/);
  });

  it('lists attacks and defenses as Relay connections with a page cap of 100', async () => {
    const p1 = await gql(server, `{ attacks(first: 2) { edges { cursor node { slug version } } pageInfo { hasNextPage endCursor } } }`);
    assert.equal(p1.data.attacks.edges.length, 2);
    assert.equal(p1.data.attacks.pageInfo.hasNextPage, true);
    const p2 = await gql(server, `query($a: String) { attacks(first: 100, after: $a) { edges { node { slug version } } } }`, { a: p1.data.attacks.pageInfo.endCursor });
    const all = [...p1.data.attacks.edges.map((e: any) => e.node), ...p2.data.attacks.edges.map((e: any) => e.node)];
    assert.equal(new Set(all.map((n) => `${n.slug}@${n.version}`)).size, all.length);
    assert.deepEqual(codes(await gql(server, `{ attacks(first: 101) { edges { cursor } } }`)), ['BAD_USER_INPUT']);
    const d = await gql(server, `{ defenses(first: 10, kind: TRAINING_DYNAMICS_INFLUENCE) { edges { node { slug params } } } }`);
    assert.deepEqual(d.data.defenses.edges.map((e: any) => e.node), [{ slug: 'training-dynamics', params: { mode: 'remove', neighbours: 5, rule: 'median-ratio', ratio: 0.1, fraction: 0.2 } }]);
  });

  it('creates a defense with validated params', async () => {
    const m = `mutation($i: CreateDefenseInput!) { createDefense(input: $i) { slug kind params } }`;
    const ok = await gql(server, m, { i: { organizationId, slug: 'knn5', kind: 'DEEP_KNN', name: 'kNN', params: { k: 5 } } }, token);
    assert.deepEqual(ok.data.createDefense, { slug: 'knn5', kind: 'DEEP_KNN', params: { k: 5 } });
    assert.deepEqual(codes(await gql(server, m, { i: { organizationId, slug: 'knn0', kind: 'DEEP_KNN', name: 'kNN', params: { k: 0 } } }, token)), ['BAD_USER_INPUT']);
  });
});
