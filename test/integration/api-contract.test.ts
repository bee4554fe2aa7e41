import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ATTACK_KINDS, describeContract, ParameterDescription, resolveTrialConfig, ResolvedTrialConfig, trialCommandArgs, trialConfigHash,
} from '@frogpond/compute/contract';
import { bootstrapOrg, codes, freshDatabase, gql, startTestServer, TestServer } from './api-helpers';
import { connectAndMigrate, createDataSource } from '../../server/src/db/data-source';
import { seedCatalogue } from '../../server/src/db/seed';

/** dist/test/integration -> repo root */
const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'compute/dist/cli/main.js');

const CREATE = `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { trialCount experiment { id overrides codeVersion } } }`;
const PREVIEW = `query($i: CreateExperimentInput!) { previewExperiment(input: $i) { trialCount maxTrials } }`;
const CREATE_ATTACK = `mutation($i: CreateAttackInput!) { createAttack(input: $i) { id params } }`;
const enumName = (kind: string) => kind.toUpperCase().replace(/-/g, '_');

/** What `frogpond trial ... --dry-run` resolves for these arguments. */
function cliResolve(args: string[]): { config: ResolvedTrialConfig; configHash: string } {
  const r = spawnSync(process.execPath, [CLI, ...args, '--dry-run'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** Polls `query` (with `$id`) until the trial has finished (SUCCEEDED or FAILED); returns its `trial` field. */
async function finished(server: TestServer, query: string, id: string, timeoutMs = 240_000): Promise<any> {
  for (const t0 = Date.now(); ;) {
    const t = (await gql(server, query, { id })).data.trial;
    if (t.status === 'SUCCEEDED' || t.status === 'FAILED' || Date.now() - t0 > timeoutMs) return t;
    await new Promise((res) => setTimeout(res, 500));
  }
}

/** A value of a parameter other than its default, inside its bounds. */
function nonDefault(p: ParameterDescription, preset: 'toy' | 'mini' | 'paper'): unknown {
  const def = p.default ?? p.defaultByPreset?.[preset];
  if (p.type === 'enum') return p.values!.find((v) => v !== def) ?? def;
  if (p.type === 'boolean') return !def;
  const lo = p.exclusiveMin ? p.min! + (p.type === 'integer' ? 1 : 1e-3) : p.min!;
  const candidate = p.type === 'integer' ? Math.ceil(lo + (Number(def) - lo) / 2) : lo + (Number(def) - lo) / 2;
  return candidate !== def ? candidate : Math.min(p.max!, Number(def) + 1);
}

describe('the trial contract through the API (HTTP, real PostgreSQL)', () => {
  let server: TestServer;
  let org: { token: string; organizationId: string };
  let densityByExpression: Map<string, string>;
  before(async () => {
    server = await startTestServer({ config: { maxTrials: 1000 } });
    org = await bootstrapOrg(server, 'contract-lab');
    const d = await gql(server, `{ densities(first: 100) { edges { node { slug expression } } } }`);
    densityByExpression = new Map(d.data.densities.edges.map(({ node: x }: { node: { slug: string; expression: string } }) => [x.expression, x.slug]));
  });
  after(async () => { await server?.stop(); await server?.dropDatabase(); });

  /** Creates an attack definition and a one-trial experiment; returns the stored trial. */
  async function launch(cfg: ResolvedTrialConfig | Parameters<typeof resolveTrialConfig>[0] & Record<string, any>, name: string) {
    const a = await gql(server, CREATE_ATTACK, { i: { organizationId: org.organizationId, slug: `a-${name}`, kind: enumName(cfg.attack.kind), name, params: cfg.attack.params ?? {} } }, org.token);
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    const density = cfg.density && cfg.density !== '1' ? densityByExpression.get(cfg.density) : undefined;
    assert.ok(!cfg.density || cfg.density === '1' || density, `a built-in density for ${cfg.density}`);
    // A defense other than none is a defense definition of the organization, the matrix's DEFENSE dimension.
    let defenses: string[] | undefined;
    if (cfg.defense && cfg.defense.kind !== 'none') {
      const d = await gql(server, `mutation($i: CreateDefenseInput!) { createDefense(input: $i) { id } }`,
        { i: { organizationId: org.organizationId, slug: `d-${name}`, kind: enumName(cfg.defense.kind), name, params: cfg.defense.params ?? {} } }, org.token);
      assert.equal(d.errors, undefined, JSON.stringify(d.errors));
      defenses = [d.data.createDefense.id];
    }
    const r = await gql(server, CREATE, { i: {
      organizationId: org.organizationId, name, preset: cfg.preset, seedBase: 0, overrides: cfg.overrides ?? {},
      matrix: { datasets: [cfg.dataset], labels: [cfg.labels], algorithms: [cfg.algorithm], rates: [cfg.rate],
        ...(density ? { densities: [density] } : {}), attacks: [a.data.createAttack.id], ...(defenses ? { defenses } : {}), trialsPerCell: 1 },
    } }, org.token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const [trial] = await server.ds.query(`SELECT id, seed, config FROM trial WHERE experiment_id = $1`, [r.data.createExperiment.experiment.id]);
    return trial as { id: string; seed: number; config: ResolvedTrialConfig };
  }

  it('exposes every kind with typed, bounded, described parameters', async () => {
    const r = await gql(server, `{ trialContract {
      attacks { kind enumName description parameters { name type description min max default defaultByPreset values } }
      defenses { kind parameters { name type default } } algorithms presets { name datasets } overrides { name type min max description }
    } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const c = r.data.trialContract;
    assert.deepEqual(c.attacks.map((a: { kind: string }) => a.kind), ATTACK_KINDS);
    const fc = c.attacks.find((a: { kind: string }) => a.kind === 'feature-collision');
    assert.deepEqual(fc.parameters.find((p: { name: string }) => p.name === 'iterations'),
      { name: 'iterations', type: 'integer', description: 'forward-backward iterations of Algorithm 1', min: 0, max: 5000, default: 200, defaultByPreset: null, values: null });
    assert.deepEqual(c.presets.find((p: { name: string }) => p.name === 'toy').datasets, ['moons', 'blobs']);
    assert.ok(c.overrides.some((p: { name: string; type: string }) => p.name === 'steps' && p.type === 'integer'));
  });

  it('round trip: every configuration of docs/reproduction.json resolves through the API exactly as the CLI resolves it', async () => {
    const repro = JSON.parse(readFileSync(path.join(ROOT, 'docs/reproduction.json'), 'utf8'));
    const configs = new Map<string, Record<string, any>>();
    for (const t of repro.tables) for (const cols of Object.values(t.configs ?? {}) as Record<string, any>[]) {
      for (const cfg of Object.values(cols)) configs.set(JSON.stringify(cfg), cfg);
    }
    assert.ok(configs.size >= 10, `${configs.size} distinct configurations`);
    let i = 0;
    for (const cfg of configs.values()) {
      const trial = await launch(cfg as never, `repro-${i++}`);
      const cli = resolveTrialConfig(cfg);
      assert.deepEqual(trial.config, cli, JSON.stringify(cfg));
      // The command the trial page shows resolves to the same config and hash in the CLI itself.
      const viaCli = cliResolve(trialCommandArgs(trial.config, trial.seed));
      assert.deepEqual(viaCli.config, trial.config);
      assert.equal(viaCli.configHash, trialConfigHash(trial.config));
    }
  });

  it('every parameter of every attack kind set to a non-default value reaches the config compute runs', async () => {
    const d = describeContract();
    for (const kind of ATTACK_KINDS) {
      const params = Object.fromEntries(d.attacks.find((a) => a.kind === kind)!.parameters.map((p) => [p.name, nonDefault(p, 'toy')]));
      const density = kind === 'interpolation' || kind === 'zero-knowledge-interpolation' ? '1.5-x' : '1';
      const trial = await launch({ preset: 'toy', dataset: 'moons', labels: 10, algorithm: 'fixmatch', rate: 0.05, density, attack: { kind, params } } as never, `every-${kind}`);
      assert.deepEqual(trial.config.attack, { kind, params }, kind);
      const defaults = resolveTrialConfig({ preset: 'toy', dataset: 'moons', labels: 10, rate: 0.05, attack: { kind } }).attack.params as Record<string, unknown>;
      for (const [k, v] of Object.entries(params)) assert.notDeepEqual(v, defaults[k], `${kind}.${k} is not its default`);
    }
  });

  it('accepts training overrides, refuses every invalid field at once with its input path', async () => {
    const [interp] = await server.ds.query(`SELECT id FROM attack_definition WHERE slug = 'interpolation' ORDER BY version LIMIT 1`);
    const matrix = { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.05], attacks: [interp.id], trialsPerCell: 1 };
    const ok = await gql(server, CREATE, { i: { organizationId: org.organizationId, name: 'overrides', matrix, overrides: { steps: 40, toy: { noise: 0.2 } } } }, org.token);
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
    assert.deepEqual(ok.data.createExperiment.experiment.overrides, { steps: 40, toy: { noise: 0.2 } });
    assert.match(ok.data.createExperiment.experiment.codeVersion, /^\d+\.\d+\.\d+/);

    const bad = await gql(server, CREATE, { i: { organizationId: org.organizationId, name: 'bad overrides', matrix: { ...matrix, rates: [0.9] },
      overrides: { stepz: 40, lr: -1 } } }, org.token);
    assert.deepEqual(codes(bad), ['BAD_USER_INPUT']);
    const fields = (bad.errors![0].extensions as { fields: { field: string; accepted?: string[] }[] }).fields;
    assert.deepEqual(fields.map((f) => f.field).sort(), ['input.overrides.lr', 'input.overrides.stepz']);
    assert.ok(fields.find((f) => f.field === 'input.overrides.stepz')!.accepted!.includes('steps'));
    // Once the overrides are fixed, the matrix's own out-of-range rate is named.
    const rate = await gql(server, CREATE, { i: { organizationId: org.organizationId, name: 'bad rate', matrix: { ...matrix, rates: [0.9] } } }, org.token);
    assert.equal((rate.errors![0].extensions as { field: string }).field, 'input.matrix.rates');
  });

  it('refuses what cannot run or cannot mean anything, saying why and what to do', async () => {
    const [interp] = await server.ds.query(`SELECT id FROM attack_definition WHERE slug = 'interpolation' ORDER BY version LIMIT 1`);
    const before = (await server.ds.query(`SELECT count(*)::int AS n FROM trial`))[0].n;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ preset: 'toy', datasets: ['mnist'], labels: [40] }, 'input.matrix.datasets', /toy preset cannot learn mnist.*use the mini or paper preset/],
      [{ preset: 'mini', datasets: ['cifar10'], labels: [40] }, 'input.matrix.datasets', /cifar10 is read from files that this deployment does not have/],
      [{ preset: 'mini', datasets: ['moons'], labels: [10] }, 'input.matrix.datasets', /mini preset cannot learn moons.*use the toy preset/],
      [{ preset: 'toy', datasets: ['moons'], labels: [100000] }, 'input.matrix.labels', /label budget 100000 does not fit moons/],
    ];
    for (const [c, field, message] of cases) {
      const r = await gql(server, CREATE, { i: { organizationId: org.organizationId, name: 'refused', preset: c.preset,
        matrix: { datasets: c.datasets, labels: c.labels, algorithms: ['fixmatch'], rates: [0.05], attacks: [interp.id], trialsPerCell: 1 } } }, org.token);
      assert.deepEqual(codes(r), ['BAD_USER_INPUT'], JSON.stringify(c));
      const ext = r.errors![0].extensions as { field: string; fields: { field: string; message: string }[] };
      assert.equal(ext.field, field);
      assert.match(ext.fields[0].message, message);
    }
    assert.equal((await server.ds.query(`SELECT count(*)::int AS n FROM trial`))[0].n, before);
  });

  it('previewExperiment counts with the same expansion as createExperiment and writes nothing', async () => {
    const ids = await server.ds.query(`SELECT id, slug FROM attack_definition WHERE slug IN ('interpolation', 'feature-collision') AND organization_id IS NULL`);
    const defenses = await server.ds.query(`SELECT id FROM defense_definition WHERE slug IN ('none', 'pixel-clustering')`);
    const input = { organizationId: org.organizationId, name: 'preview', preset: 'toy', matrix: {
      datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.05], densities: ['uniform', 'x'],
      attacks: ids.map((r: { id: string }) => r.id), defenses: defenses.map((r: { id: string }) => r.id), trialsPerCell: 1,
    } };
    const before = (await server.ds.query(`SELECT count(*)::int AS n FROM trial`))[0].n;
    const p = await gql(server, PREVIEW, { i: input }, org.token);
    assert.equal(p.errors, undefined, JSON.stringify(p.errors));
    // interpolation: 2 densities x 2 defenses; feature collision: 1 (no density, no defense)
    assert.deepEqual(p.data.previewExperiment, { trialCount: 5, maxTrials: 1000 });
    assert.equal((await server.ds.query(`SELECT count(*)::int AS n FROM trial`))[0].n, before);
    const c = await gql(server, CREATE, { i: input }, org.token);
    assert.equal(c.data.createExperiment.trialCount, 5);
    const refused = await gql(server, PREVIEW, { i: { ...input, preset: 'mini' } }, org.token);
    assert.deepEqual(codes(refused), ['BAD_USER_INPUT']);
  });
});

describe('same config, same seed: the platform and its CLI command give the same hash and outcome (real toy trial)', () => {
  let server: TestServer;
  let org: { token: string; organizationId: string };
  before(async () => {
    server = await startTestServer({ config: { workers: 1 } });
    org = await bootstrapOrg(server, 'parity-lab');
  });
  after(async () => { await server?.stop(); await server?.dropDatabase(); });

  it('runs a toy trial through a worker and again with the trial page\'s command', async () => {
    const [interp] = await server.ds.query(`SELECT id FROM attack_definition WHERE slug = 'interpolation' ORDER BY version LIMIT 1`);
    const r = await gql(server, CREATE, { i: { organizationId: org.organizationId, name: 'parity', preset: 'toy', seedBase: 3, overrides: { steps: 60 },
      matrix: { datasets: ['moons'], labels: [8], algorithms: ['fixmatch'], rates: [0.05], densities: ['one-point-five-minus-x'], attacks: [interp.id], trialsPerCell: 1 } } }, org.token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const [row] = await server.ds.query(`SELECT id FROM trial WHERE experiment_id = $1`, [r.data.createExperiment.experiment.id]);
    const q = `query($id: ID!) { trial(id: $id) { status error seed command configHash result {
      success cleanAccuracy targetConfidence poisonCount poisonShareAtTarget seed configHash backend codeVersion datasetSha256 worker config attackMetrics outcome } } }`;
    const t = await finished(server, q, row.id);
    assert.equal(t.status, 'SUCCEEDED', t.error);
    const res = t.result;
    // Provenance, recorded by compute and the worker, never typed by a user.
    assert.equal(res.configHash, t.configHash);
    assert.equal(res.seed, t.seed);
    assert.match(res.codeVersion, /^\d+\.\d+\.\d+/);
    assert.match(res.datasetSha256, /^[0-9a-f]{64}$/);
    assert.ok(res.worker && res.backend);
    assert.match(t.command, /^frogpond trial --preset toy --dataset moons --labels 8 --algorithm fixmatch --attack interpolation --override steps=60 --rate 0.05 --density 1.5-x --seed \d+$/);

    // The same command, run by the CLI on the same backend.
    const args = t.command.split(' ').slice(1);
    const cli = spawnSync(process.execPath, [CLI, ...args, '--json', '--quiet', '--backend', res.backend], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const local = JSON.parse(cli.stdout);
    assert.equal(local.configHash, res.configHash);
    assert.deepEqual(local.config, res.config);
    for (const k of ['success', 'targetIndex', 'sourceIndex', 'targetClass', 'targetLabel', 'targetPrediction', 'targetConfidence', 'cleanAccuracy',
      'poisonCount', 'poisonShareAtTarget', 'propagation', 'defense', 'attackMetrics', 'seed', 'provenance']) {
      assert.deepEqual(local[k], res.outcome[k], k);
    }
  });
  it('a Poison Frogs parameter set through the API is what compute ran: iterations 7 runs 7 iterations', async () => {
    const a = await gql(server, CREATE_ATTACK, { i: { organizationId: org.organizationId, slug: 'frogs-7', kind: 'FEATURE_COLLISION', name: 'frogs 7',
      params: { iterations: 7, stepRule: 'fixed', poisons: 2 } } }, org.token);
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    const r = await gql(server, CREATE, { i: { organizationId: org.organizationId, name: 'frogs', preset: 'toy', overrides: { steps: 100 },
      matrix: { datasets: ['moons'], labels: [10], algorithms: ['supervised'], rates: [0], attacks: [a.data.createAttack.id], trialsPerCell: 1 } } }, org.token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const [row] = await server.ds.query(`SELECT id FROM trial WHERE experiment_id = $1`, [r.data.createExperiment.experiment.id]);
    const q = `query($id: ID!) { trial(id: $id) { status error result { poisonCount attackMetrics config } } }`;
    const t = await finished(server, q, row.id);
    assert.equal(t.status, 'SUCCEEDED', t.error);
    assert.equal(t.result.attackMetrics.iterations, 7);
    assert.equal(t.result.poisonCount, 2);
    assert.equal(t.result.config.attack.params.stepRule, 'fixed');
  });
});

describe('the trial contract migration', () => {
  it('goes down and up again on a seeded database', async () => {
    const db = await freshDatabase();
    const ds = createDataSource({ url: db.url });
    try {
      await connectAndMigrate(ds, seedCatalogue);
      const kinds = async () => (await ds.query(`SELECT kind::text FROM defense_definition WHERE slug = 'training-dynamics'`))[0].kind;
      assert.equal(await kinds(), 'training-dynamics-influence');
      await ds.query(`INSERT INTO attack_definition (slug, version, kind, name, description, params) VALUES ('control', 1, 'none', 'control', '', '{}')`);
      // Every later migration, then the trial contract itself.
      const contractApplied = async () => (await ds.query(`SELECT 1 FROM typeorm_migrations WHERE name = 'TrialContract1764573312871'`)).length > 0;
      while (await contractApplied()) await ds.undoLastMigration({ transaction: 'each' });
      assert.equal(await kinds(), 'training-dynamics');
      assert.deepEqual(await ds.query(`SELECT slug FROM attack_definition WHERE kind::text = 'none'`), []);
      await ds.runMigrations({ transaction: 'each' });
      assert.equal(await kinds(), 'training-dynamics-influence');
      const [cols] = await ds.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'trial_result' AND column_name IN ('outcome', 'config', 'code_version', 'dataset_sha256', 'worker')`);
      assert.equal(cols.n, 5);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
