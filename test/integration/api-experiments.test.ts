import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapOrg, builtinAttackId, claimTrial, codeOf, codes, gql, recordAsWorker, startTestServer, TestServer } from './api-helpers';
import { trialSeed } from '../../server/src/modules/experiment/experiment-expansion';
import { ExperimentService } from '../../server/src/modules/experiment/experiment.service';

const CREATE = `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { trialCount experiment { id status trialCount visibility seedBase } } }`;
const RECORD = `mutation($i: RecordTrialResultInput!) { recordTrialResult(input: $i) { id success } }`;

describe('experiments: expansion, cap, visibility, results, matrix (HTTP, real PostgreSQL)', () => {
  let server: TestServer;
  let a: { token: string; organizationId: string };
  let b: { token: string; organizationId: string };
  let interpolation: string;
  let featureCollision: string;
  before(async () => {
    server = await startTestServer({ config: { maxTrials: 500 } });
    a = await bootstrapOrg(server, 'lab-a');
    b = await bootstrapOrg(server, 'lab-b');
    interpolation = await builtinAttackId(server, 'interpolation');
    featureCollision = await builtinAttackId(server, 'feature-collision');
  });
  after(async () => { await server?.stop(); await server?.dropDatabase(); });

  const counts = async () => (await server.ds.query(`SELECT (SELECT count(*)::int FROM experiment) AS e, (SELECT count(*)::int FROM trial) AS t`))[0];

  it('expands the cross product into QUEUED trials (densities and defenses only for the attacks they apply to)', async () => {
    const defenses = await server.ds.query(`SELECT id FROM defense_definition WHERE slug IN ('none', 'pixel-clustering') ORDER BY slug`);
    const r = await gql(server, CREATE, { i: {
      organizationId: a.organizationId, name: 'grid', seedBase: 7, preset: 'toy',
      matrix: { datasets: ['moons', 'blobs'], labels: [10, 20], algorithms: ['fixmatch'], rates: [0.01, 0.02, 0.05],
        densities: ['uniform', 'x'], attacks: [interpolation, featureCollision], defenses: defenses.map((d: any) => d.id), trialsPerCell: 2 },
    } }, a.token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    // 2 datasets x 2 labels x 1 algorithm x 3 rates x (2 densities x 2 defenses for interpolation + 1 for feature
    // collision, which no defense filters) x 2 = 120
    assert.equal(r.data.createExperiment.trialCount, 120);
    const id = r.data.createExperiment.experiment.id;
    const rows = await server.ds.query(`SELECT count(*)::int AS n, count(DISTINCT seed)::int AS seeds,
        count(*) FILTER (WHERE status = 'QUEUED')::int AS queued,
        count(*) FILTER (WHERE attack_kind = 'interpolation' AND config->>'density' IS NOT NULL)::int AS with_density,
        count(*) FILTER (WHERE attack_kind = 'feature-collision' AND density IS NULL AND defense_id IS NULL AND config->>'density' = '1')::int AS fc_plain
      FROM trial WHERE experiment_id = $1`, [id]);
    assert.deepEqual(rows[0], { n: 120, seeds: 120, queued: 120, with_density: 96, fc_plain: 24 });
    // The stored config is the compute contract's resolved config: every default filled in.
    const [t] = await server.ds.query(`SELECT config FROM trial WHERE experiment_id = $1 AND ordinal = 0`, [id]);
    assert.deepEqual(t.config, {
      preset: 'toy', dataset: 'moons', labels: 10, algorithm: 'fixmatch', rate: 0.01,
      attack: { kind: 'interpolation', params: { source: 'labeled', space: 'pixel', epsilon: 0.3, evasionSteps: 50, latent: 16, codecEpochs: 10 } },
      density: '1', defense: { kind: 'none', params: {} }, overrides: {},
    });
  });

  it('derives deterministic seeds from the seed base and the cell', async () => {
    const matrix = { datasets: ['moons'], labels: [10], algorithms: ['fixmatch', 'uda'], rates: [0.01], attacks: [interpolation], trialsPerCell: 3 };
    const make = async (seedBase: number) => {
      const r = await gql(server, CREATE, { i: { organizationId: a.organizationId, name: `seeds ${seedBase}`, seedBase, matrix } }, a.token);
      return server.ds.query(`SELECT ordinal, algorithm, replicate, seed, attack_id FROM trial WHERE experiment_id = $1 ORDER BY ordinal`, [r.data.createExperiment.experiment.id]);
    };
    const first = await make(42);
    const again = await make(42);
    const other = await make(43);
    assert.equal(first.length, 6);
    assert.deepEqual(first.map((t: any) => t.seed), again.map((t: any) => t.seed));
    assert.notDeepEqual(first.map((t: any) => t.seed), other.map((t: any) => t.seed));
    for (const t of first) {
      assert.equal(t.seed, trialSeed(42, { dataset: 'moons', labels: 10, algorithm: t.algorithm, rate: 0.01, density: 'uniform', attackId: t.attack_id, defenseId: null, replicate: t.replicate }));
    }
  });

  it('refuses a matrix over the cap with BAD_USER_INPUT and writes nothing', async () => {
    const before = await counts();
    const r = await gql(server, CREATE, { i: { organizationId: a.organizationId, name: 'too big',
      matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [interpolation], trialsPerCell: 501 } } }, a.token);
    assert.deepEqual(codes(r), ['BAD_USER_INPUT']);
    assert.match(r.errors![0].message, /501 trials, over the cap of 500/);
    assert.deepEqual(await counts(), before);
  });

  it('refuses unknown datasets/attacks and malformed matrices, writing nothing', async () => {
    const before = await counts();
    const base = { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [interpolation], trialsPerCell: 1 };
    for (const matrix of [
      { ...base, datasets: ['imagenet'] },
      { ...base, attacks: ['00000000-0000-0000-0000-000000000000'] },
      { ...base, rates: [1.5] },
      { ...base, labels: [] },
      { ...base, densities: ['no-such-density'] },
      { ...base, labels: [1] }, // fewer labels than the 2 classes of moons
      { ...base, labels: [5000] }, // more than moons' train split
    ]) {
      const r = await gql(server, CREATE, { i: { organizationId: a.organizationId, name: 'bad', matrix } }, a.token);
      assert.deepEqual(codes(r), ['BAD_USER_INPUT'], JSON.stringify(matrix));
    }
    assert.deepEqual(await counts(), before);
  });

  it('schedules the training defenses and refuses a defense the compute engine cannot run, writing nothing', async () => {
    const defenses = await server.ds.query(`SELECT id FROM defense_definition WHERE slug IN ('training-dynamics', 'deep-knn') ORDER BY slug`);
    const matrix = { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [interpolation], defenses: defenses.map((d: any) => d.id), trialsPerCell: 1 };
    const ok = await gql(server, CREATE, { i: { organizationId: a.organizationId, name: 'td', matrix } }, a.token);
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
    assert.equal(ok.data.createExperiment.trialCount, 2);

    const before = await counts();
    const ext = await gql(server, `mutation($i: CreateDefenseInput!) { createDefense(input: $i) { id } }`,
      { i: { organizationId: a.organizationId, slug: 'ext', kind: 'EXTERNAL_SCORES', name: 'External scores', params: {} } }, a.token);
    assert.equal(ext.errors, undefined, JSON.stringify(ext.errors));
    const r = await gql(server, CREATE, { i: { organizationId: a.organizationId, name: 'ext', matrix: { ...matrix, defenses: [ext.data.createDefense.id] } } }, a.token);
    assert.deepEqual(codes(r), ['BAD_USER_INPUT']);
    assert.match(r.errors?.[0].message ?? '', /external-scores\) cannot run in an experiment: external scores are scored by submitting them to a benchmark/);
    assert.deepEqual(await counts(), before);
  });

  it('refuses cross-organization writes and hides private experiments from other organizations', async () => {
    const matrix = { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [interpolation], trialsPerCell: 1 };
    assert.deepEqual(codes(await gql(server, CREATE, { i: { organizationId: a.organizationId, name: 'x', matrix } }, b.token)), ['FORBIDDEN']);
    assert.deepEqual(codes(await gql(server, CREATE, { i: { organizationId: a.organizationId, name: 'x', matrix } })), ['UNAUTHENTICATED']);

    const priv = await gql(server, CREATE, { i: { organizationId: a.organizationId, name: 'secret', visibility: 'PRIVATE', matrix } }, a.token);
    const pub = await gql(server, CREATE, { i: { organizationId: a.organizationId, name: 'open', visibility: 'PUBLIC', matrix } }, a.token);
    const privId = priv.data.createExperiment.experiment.id;
    const pubId = pub.data.createExperiment.experiment.id;
    const [trial] = await server.ds.query(`SELECT id FROM trial WHERE experiment_id = $1`, [privId]);
    const [pubTrial] = await server.ds.query(`SELECT id FROM trial WHERE experiment_id = $1`, [pubId]);

    const get = `query($id: ID!) { experiment(id: $id) { name } }`;
    assert.equal((await gql(server, get, { id: privId }, a.token)).data.experiment.name, 'secret');
    assert.deepEqual(codes(await gql(server, get, { id: privId }, b.token)), ['NOT_FOUND']);
    assert.deepEqual(codes(await gql(server, get, { id: privId })), ['NOT_FOUND']);
    assert.deepEqual(codes(await gql(server, `query($id: ID!) { trial(id: $id) { id } }`, { id: trial.id }, b.token)), ['NOT_FOUND']);
    // the matrix-only path (cached access check, no row load) hides it just the same
    const mq = `query($id: ID!) { experiment(id: $id) { matrix(rows: [RATE]) { cells { scheduled } } } }`;
    for (let i = 0; i < 2; i++) {
      assert.deepEqual((await gql(server, mq, { id: privId }, a.token)).data.experiment.matrix.cells, [{ scheduled: 1 }]);
      assert.deepEqual(codes(await gql(server, mq, { id: privId }, b.token)), ['NOT_FOUND']);
      assert.deepEqual(codes(await gql(server, mq, { id: privId })), ['NOT_FOUND']);
    }

    const list = `{ experiments(first: 100) { edges { node { id } } } }`;
    const ids = (r: any) => r.data.experiments.edges.map((e: any) => e.node.id);
    assert.ok(ids(await gql(server, list, {}, a.token)).includes(privId));
    assert.ok(!ids(await gql(server, list, {}, b.token)).includes(privId));
    assert.ok(!ids(await gql(server, list)).includes(privId));
    assert.ok(ids(await gql(server, list)).includes(pubId));

    // writes on another organization's experiment/trials
    assert.deepEqual(codes(await gql(server, `mutation($id: ID!) { cancelExperiment(id: $id) { status } }`, { id: pubId }, b.token)), ['FORBIDDEN']);
    assert.deepEqual(codes(await gql(server, `mutation($id: ID!) { cancelExperiment(id: $id) { status } }`, { id: privId }, b.token)), ['NOT_FOUND']);
    const outcome = { success: true, backend: 'cpu', configHash: 'h' };
    // No token of any kind records a result: the mutation does not exist in the API.
    for (const token of [b.token, a.token]) {
      for (const t of [pubTrial, trial]) {
        const r = await gql(server, RECORD, { i: { trialId: t.id, ...outcome } }, token);
        assert.equal(r.data, undefined);
        assert.ok(codes(r).length > 0 && codes(r).every((c) => c === 'BAD_USER_INPUT'), JSON.stringify(r.errors));
        assert.ok(r.errors!.some((e) => /recordTrialResult/.test(e.message)), JSON.stringify(r.errors));
      }
    }
    assert.equal((await server.ds.query(`SELECT count(*)::int AS n FROM trial_result WHERE trial_id IN ($1, $2)`, [trial.id, pubTrial.id]))[0].n, 0);
  });

  it('records a result exactly once; a second write is refused and results cannot be updated', async () => {
    const r = await gql(server, CREATE, { i: { organizationId: a.organizationId, name: 'once',
      matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [interpolation], trialsPerCell: 2 } } }, a.token);
    const expId = r.data.createExperiment.experiment.id;
    const trials = await server.ds.query(`SELECT id FROM trial WHERE experiment_id = $1 ORDER BY ordinal`, [expId]);
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const input = { success: true, targetPrediction: 1, targetConfidence: 0.9, cleanAccuracy: 0.8, poisonCount: 5,
      propagation: { alphas: [0, 0.5, 1], firstEpochAtTarget: [null, 2, 1], epochs: [] }, timings: { totalMs: 12, dataMs: 1, craftMs: 2, defenseMs: 0, trainMs: 8, evalMs: 1 }, backend: 'cpu', configHash: 'abc',
      artifacts: [{ kind: 'poison-strip', mime: 'image/png', bytes: png }] };
    // a trial no worker claimed takes no result
    assert.equal(await codeOf(recordAsWorker(server, trials[0].id, input, { claim: false })), 'BAD_USER_INPUT');
    const lease = await claimTrial(server, trials[0].id);
    // another worker (or a stale attempt) does not hold the lease
    assert.equal(await codeOf(recordAsWorker(server, trials[0].id, input, { lease: { worker: 'other', attempts: lease.attempts } })), 'BAD_USER_INPUT');
    assert.equal(await codeOf(recordAsWorker(server, trials[0].id, input, { lease: { ...lease, attempts: lease.attempts - 1 } })), 'BAD_USER_INPUT');
    assert.equal((await server.ds.query(`SELECT count(*)::int AS n FROM trial_result WHERE trial_id = $1`, [trials[0].id]))[0].n, 0);
    await recordAsWorker(server, trials[0].id, input, { lease });
    const second = await codeOf(recordAsWorker(server, trials[0].id, { ...input, success: false }, { lease }));
    assert.equal(second, 'BAD_USER_INPUT');
    const rows = await server.ds.query(`SELECT success FROM trial_result WHERE trial_id = $1`, [trials[0].id]);
    assert.deepEqual(rows, [{ success: true }]);
    await assert.rejects(server.ds.query(`UPDATE trial_result SET success = false WHERE trial_id = $1`, [trials[0].id]), /immutable/);

    const t = await gql(server, `query($id: ID!) { trial(id: $id) { status result { success cleanAccuracy } artifacts { kind sha256 size base64 } experiment { status } } }`, { id: trials[0].id });
    assert.equal(t.data.trial.status, 'SUCCEEDED');
    assert.deepEqual(t.data.trial.result, { success: true, cleanAccuracy: 0.8 });
    assert.equal(t.data.trial.artifacts[0].base64, png.toString('base64'));
    assert.equal(t.data.trial.artifacts[0].size, 8);
    assert.equal(t.data.trial.experiment.status, 'RUNNING');

    // a wrong artifact hash is refused, nothing recorded for that trial
    const lease1 = await claimTrial(server, trials[1].id);
    assert.equal(await codeOf(recordAsWorker(server, trials[1].id, { ...input, artifacts: [{ ...input.artifacts[0], sha256: 'f'.repeat(64) }] }, { lease: lease1 })), 'BAD_USER_INPUT');
    // only listed artifact types whose bytes match: no HTML, SVG, or a "PNG" without the PNG signature
    for (const art of [
      { kind: 'page', mime: 'text/html', bytes: Buffer.from('<script>alert(1)</script>') },
      { kind: 'pic', mime: 'image/svg+xml', bytes: Buffer.from('<svg onload="alert(1)"/>') },
      { kind: 'strip', mime: 'image/png', bytes: Buffer.from('<html><script>alert(1)</script>') },
      { kind: 'data', mime: 'application/json', bytes: Buffer.from('{not json') },
      { kind: '../../etc', mime: 'image/png', bytes: png },
    ]) assert.equal(await codeOf(recordAsWorker(server, trials[1].id, { ...input, artifacts: [art] }, { lease: lease1 })), 'BAD_USER_INPUT', art.mime);
    assert.equal((await server.ds.query(`SELECT count(*)::int AS n FROM trial_result WHERE trial_id = $1`, [trials[1].id]))[0].n, 0);

    // cancel: the remaining trial is cancelled and takes no result
    const c = await gql(server, `mutation($id: ID!) { cancelExperiment(id: $id) { status } }`, { id: expId }, a.token);
    assert.equal(c.data.cancelExperiment.status, 'CANCELLED');
    assert.equal(await codeOf(recordAsWorker(server, trials[1].id, { ...input, artifacts: [] }, { lease: lease1 })), 'BAD_USER_INPUT');
    const st = await server.ds.query(`SELECT status FROM trial WHERE experiment_id = $1 ORDER BY ordinal`, [expId]);
    assert.deepEqual(st.map((x: any) => x.status), ['SUCCEEDED', 'CANCELLED']);
  });

  it('pages through experiments and trials with cursors (no gaps, no repeats)', async () => {
    const all = await gql(server, `{ experiments(first: 100) { edges { node { id } } pageInfo { hasNextPage } } }`, {}, a.token);
    const expected = all.data.experiments.edges.map((e: any) => e.node.id);
    assert.ok(expected.length >= 7, `${expected.length} experiments`);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p: any = await gql(server, `query($a: String) { experiments(first: 3, after: $a) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { a: after }, a.token);
      seen.push(...p.data.experiments.edges.map((e: any) => e.node.id));
      if (!p.data.experiments.pageInfo.hasNextPage) break;
      after = p.data.experiments.pageInfo.endCursor;
    }
    assert.deepEqual(seen, expected);
    const [big] = await server.ds.query(`SELECT experiment_id FROM trial GROUP BY experiment_id HAVING count(*) = 120`);
    const ordinals: number[] = [];
    after = null;
    for (;;) {
      const p: any = await gql(server, `query($id: ID!, $a: String) { experiment(id: $id) { trials(first: 50, after: $a) { edges { node { ordinal } } pageInfo { hasNextPage endCursor } } } }`, { id: big.experiment_id, a: after });
      ordinals.push(...p.data.experiment.trials.edges.map((e: any) => e.node.ordinal));
      if (!p.data.experiment.trials.pageInfo.hasNextPage) break;
      after = p.data.experiment.trials.pageInfo.endCursor;
    }
    assert.deepEqual(ordinals, Array.from({ length: 120 }, (_, i) => i));
    assert.deepEqual(codes(await gql(server, `{ experiments(first: 2, after: "garbage") { edges { cursor } } }`)), ['BAD_USER_INPUT']);
  });

  it('filters experiments by name words, organization, attack, dataset and status', async () => {
    const make = async (name: string, dataset: string, attack: string) => {
      const r = await gql(server, CREATE, { i: { organizationId: a.organizationId, name, preset: 'toy',
        matrix: { datasets: [dataset], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [attack], trialsPerCell: 1 } } }, a.token);
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      return r.data.createExperiment.experiment.id as string;
    };
    const moons = await make('Findable 100% moons sweep', 'moons', interpolation);
    const blobs = await make('Findable blobs_frogs', 'blobs', featureCollision);
    const q = `query($s: String, $o: ID, $a: String, $d: String, $st: ExperimentStatus) {
      experiments(first: 100, search: $s, organizationId: $o, attack: $a, dataset: $d, status: $st) { edges { node { id name status } } } }`;
    const ids = async (v: Record<string, unknown>, token = a.token) => {
      const r = await gql(server, q, v, token);
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      return r.data.experiments.edges.map((e: any) => e.node.id as string).filter((id: string) => id === moons || id === blobs).sort();
    };
    assert.deepEqual(await ids({ s: 'findable' }), [moons, blobs].sort());
    assert.deepEqual(await ids({ s: 'FINDABLE moons' }), [moons]);
    // LIKE wildcards are literal: '%' and '_' match only themselves.
    assert.deepEqual(await ids({ s: '100%' }), [moons]);
    assert.deepEqual(await ids({ s: 'blobs_' }), [blobs]);
    assert.deepEqual(await ids({ s: 'findable _' }), [blobs]);
    assert.deepEqual(await ids({ d: 'blobs', s: 'findable' }), [blobs]);
    assert.deepEqual(await ids({ a: 'feature-collision', s: 'findable' }), [blobs]);
    assert.deepEqual(await ids({ a: interpolation, s: 'findable' }), [moons]);
    assert.deepEqual(await ids({ st: 'QUEUED', s: 'findable' }), [moons, blobs].sort());
    assert.deepEqual(await ids({ st: 'COMPLETED', s: 'findable' }), []);
    assert.deepEqual(await ids({ o: a.organizationId, s: 'findable' }), [moons, blobs].sort());
    assert.deepEqual(await ids({ o: b.organizationId, s: 'findable' }, b.token), []);
    // The normalised spec reads back beside the matrix (the clone link is built from it).
    const both = await gql(server, `query($id: ID!) { experiment(id: $id) { spec matrix(rows: [DATASET]) { cells { scheduled } } } }`, { id: moons }, a.token);
    assert.equal(both.errors, undefined, JSON.stringify(both.errors));
    assert.deepEqual(both.data.experiment.spec.datasets, ['moons']);
    assert.deepEqual(both.data.experiment.matrix.cells.map((c: any) => c.scheduled), [1]);
    assert.deepEqual(codes(await gql(server, q, { o: 'not-an-id' }, a.token)), ['BAD_USER_INPUT']);
    assert.deepEqual(codes(await gql(server, q, { st: 'DONE' }, a.token)), ['BAD_USER_INPUT']);
  });

  it('createExperiment with a clientMutationId is retry-safe', async () => {
    const m = `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { trialCount replayed clientMutationId experiment { id } } }`;
    const matrix = { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [interpolation], trialsPerCell: 4 };
    const i = { organizationId: a.organizationId, name: 'retry me', clientMutationId: 'req-1', matrix };
    const first = await gql(server, m, { i }, a.token);
    const before = await counts();
    const retry = await gql(server, m, { i }, a.token);
    assert.equal(retry.errors, undefined);
    assert.equal(first.data.createExperiment.replayed, false);
    assert.deepEqual(retry.data.createExperiment, { ...first.data.createExperiment, replayed: true });
    assert.deepEqual(await counts(), before);
    const other = await gql(server, m, { i: { ...i, matrix: { ...matrix, trialsPerCell: 5 } } }, a.token);
    assert.deepEqual(codes(other), ['BAD_USER_INPUT']);
    // the id is per organization
    const elsewhere = await gql(server, m, { i: { ...i, organizationId: b.organizationId } }, b.token);
    assert.equal(elsewhere.data.createExperiment.replayed, false);
  });

  it('enforces the per-organization quota of queued + running trials, writing nothing when over', async () => {
    const actor = await server.services.organizations.authenticate(`Bearer ${b.token}`);
    const [{ active }] = await server.ds.query(`SELECT count(*)::int AS active FROM trial t JOIN experiment e ON e.id = t.experiment_id
      WHERE e.organization_id = $1 AND t.status IN ('QUEUED', 'RUNNING')`, [b.organizationId]);
    const service = new ExperimentService(server.ds, { maxTrials: 500, orgActiveTrials: active + 3 });
    const args = (n: number) => ({ organizationId: b.organizationId, name: `quota ${n}`,
      matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [interpolation], trialsPerCell: n } });
    const before = await counts();
    await assert.rejects(service.createExperiment(actor, args(4)), (e: any) => e.code === 'BAD_USER_INPUT' && /quota of/.test(e.message));
    assert.deepEqual(await counts(), before);
    const ok = await service.createExperiment(actor, args(3));
    assert.equal(ok.trials.length, 3);
    await assert.rejects(service.createExperiment(actor, args(1)), /quota/);
  });

  it('reproduceTrial copies one trial (cell, seed, config) into a new experiment of the caller', async () => {
    const [src] = await server.ds.query(`SELECT t.id, t.seed, t.config, t.replicate, t.experiment_id FROM trial t JOIN experiment e ON e.id = t.experiment_id
      WHERE e.visibility = 'PUBLIC' AND e.organization_id = $1 AND t.replicate = 2 LIMIT 1`, [a.organizationId]);
    const m = `mutation($t: ID!, $o: ID!) { reproduceTrial(trialId: $t, organizationId: $o) { trialCount experiment { id visibility organization { slug } } } }`;
    const r = await gql(server, m, { t: src.id, o: b.organizationId }, b.token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.equal(r.data.reproduceTrial.trialCount, 1);
    assert.equal(r.data.reproduceTrial.experiment.organization.slug, 'lab-b');
    const copy = await server.ds.query(`SELECT seed, config, replicate, status FROM trial WHERE experiment_id = $1`, [r.data.reproduceTrial.experiment.id]);
    assert.deepEqual(copy, [{ seed: src.seed, config: src.config, replicate: 2, status: 'QUEUED' }]);
    // a private trial of another organization cannot be reproduced (nor seen)
    const [priv] = await server.ds.query(`SELECT t.id FROM trial t JOIN experiment e ON e.id = t.experiment_id WHERE e.visibility = 'PRIVATE' LIMIT 1`);
    assert.deepEqual(codes(await gql(server, m, { t: priv.id, o: b.organizationId }, b.token)), ['NOT_FOUND']);
    assert.deepEqual(codes(await gql(server, m, { t: src.id, o: a.organizationId }, b.token)), ['FORBIDDEN']);
  });
});
