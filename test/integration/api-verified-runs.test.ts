import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { bootstrapOrg, codes, gql } from './api-helpers';
import { insertToyBenchmark, startBenchmarkServer, waitScored } from './benchmark-helpers';

const exec = promisify(execFile);
const CLI = path.resolve(__dirname, '../../../compute/dist/cli/main.js');
const SUBMIT = `mutation($input: SubmitVerifiedRunInput!) { submitVerifiedRun(input: $input) {
  id status kind kindLabel label defense { kind params } replicates progress { done total } published } }`;

describe('verified runs: a contract defense run by the workers on the sequestered replicates (real PostgreSQL, real worker)', () => {
  let server: Awaited<ReturnType<typeof startBenchmarkServer>>;
  let token: string;
  const written = async () => (await server.ds.query(
    `SELECT (SELECT count(*) FROM defense_submission)::int AS submissions, (SELECT count(*) FROM trial)::int AS trials, (SELECT count(*) FROM experiment)::int AS experiments`))[0];
  const submit = (input: Record<string, unknown>, t = token) => gql(server, SUBMIT, { input: { benchmark: 'toy-moons', ...input } }, t);

  before(async () => {
    server = await startBenchmarkServer({ workers: 1, submissionsPerDay: 3 });
    ({ token } = await bootstrapOrg(server, 'verifiers'));
    await insertToyBenchmark(server);
  });
  after(async () => {
    await server?.stop();
    await server?.dropDatabase();
  });

  it('refuses unknown kinds, external scores and bad parameters with the field named, and writes nothing', async () => {
    const before = await written();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ defense: 'magic-filter' }, 'defense', /unknown defense kind "magic-filter"; a verified run names one of pixel-clustering/],
      [{ defense: 'external-scores', params: { remove: [1, 2, 3] } }, 'defense', /external-scores is how a score file is retrained/],
      [{ defense: 'none' }, 'defense', /no-defense baseline/],
      [{ defense: 'pixel-clustering', params: { thresholdRatio: 0 } }, 'params.thresholdRatio', /thresholdRatio/],
      [{ defense: 'pixel-clustering', params: { drop: 'everything' } }, 'params.drop', /drop/],
      [{ defense: 'deep-knn', params: { k: 2.5 } }, 'params.k', /k/],
      [{ defense: 'training-dynamics-influence', params: { neighbours: 5, eval: 'process.exit()' } }, 'params.eval', /unknown key "eval" \(accepted: mode, neighbours/],
      [{ defense: 'deep-knn', params: { k: '10' } }, 'params.k', /k/],
      [{ defense: 'pixel-clustering', label: ' '.repeat(101) + 'x'.repeat(101) }, 'label', /label must be 1 to 100/],
    ];
    for (const [input, field, message] of cases) {
      const r = await submit(input);
      assert.deepEqual(codes(r), ['BAD_USER_INPUT'], JSON.stringify(input));
      assert.equal(r.errors![0].extensions!.field, field, JSON.stringify(r.errors));
      assert.match(r.errors![0].message, message);
      assert.ok(!r.errors![0].extensions!.stacktrace);
      assert.equal(r.status, 400);
    }
    assert.deepEqual(codes(await submit({ defense: 'pixel-clustering' }, '')), ['UNAUTHENTICATED']);
    assert.deepEqual(codes(await submit({ defense: 'pixel-clustering', benchmark: 'nope' })), ['NOT_FOUND']);
    assert.deepEqual(await written(), before);
  });

  it('runs the defense on every replicate through the queue, scores it once and ranks it as a verified run', async () => {
    const r = await submit({ defense: 'pixel-clustering', params: { thresholdRatio: 0.4 } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const s = r.data.submitVerifiedRun;
    assert.deepEqual({ status: s.status, kind: s.kind, kindLabel: s.kindLabel, label: s.label, replicates: s.replicates, progress: s.progress },
      { status: 'SCORING', kind: 'VERIFIED_RUN', kindLabel: 'verified run', label: 'pixel-clustering', replicates: 3, progress: { done: 0, total: 3 } });
    // Resolved by the contract: the given parameter, every other one at its default.
    assert.deepEqual(s.defense, { kind: 'pixel-clustering', params: { linkage: 'single', drop: 'collinear-triples', thresholdRatio: 0.4, maxResidual: 0.05 } });
    const trials = await server.ds.query(
      `SELECT t.defense_kind, t.config->'defense' AS defense FROM trial t JOIN defense_submission d ON d.experiment_id = t.experiment_id WHERE d.id = $1`, [s.id]);
    assert.equal(trials.length, 3);
    assert.ok(trials.every((t: any) => t.defense_kind === 'pixel-clustering' && t.defense.params.thresholdRatio === 0.4), JSON.stringify(trials));

    const done = await waitScored(server, s.id, token);
    assert.equal(done.status, 'SCORED', JSON.stringify(done));
    assert.deepEqual(done.progress, { done: 3, total: 3 });
    assert.equal(done.trials, 3);
    const detail = (await gql(server, `{ defenseSubmission(id: "${s.id}") { auc successLow successHigh removedPoisons removedClean
      replicateScores { replicate auc poisons clean removedPoisons success histogram { edges poisons benign } } } }`, {}, token)).data.defenseSubmission;
    assert.deepEqual(detail.replicateScores.map((x: any) => x.replicate), ['test-00', 'test-01', 'test-02']);
    for (const x of detail.replicateScores) {
      assert.equal(x.poisons, 100);
      assert.equal(x.histogram.poisons.reduce((a: number, b: number) => a + b, 0), 100);
      assert.equal(x.histogram.benign.reduce((a: number, b: number) => a + b, 0), x.clean);
      assert.equal(typeof x.success, 'boolean');
    }
    assert.equal(detail.removedPoisons, detail.replicateScores.reduce((a: number, x: any) => a + x.removedPoisons, 0));
    assert.ok(detail.successLow <= detail.successHigh && detail.successHigh <= 1);

    // Private until published; then on the board and in the exports, labelled as a verified run.
    const board = async () => (await gql(server, `{ benchmark(slug: "toy-moons") { leaderboard { submissionId kind kindLabel defenseKind team } } }`)).data.benchmark.leaderboard;
    assert.equal((await board()).find((x: any) => x.submissionId === s.id), undefined);
    assert.equal((await gql(server, `mutation { publishDefenseSubmission(id: "${s.id}") { published } }`, {}, token)).data.publishDefenseSubmission.published, true);
    const row = (await board()).find((x: any) => x.submissionId === s.id);
    assert.deepEqual(row, { submissionId: s.id, kind: 'VERIFIED_RUN', kindLabel: 'verified run', defenseKind: 'pixel-clustering', team: 'verifiers' });
    const csv = await (await fetch(`${server.url}/downloads/benchmarks/toy-moons/v1/leaderboard.csv`)).text();
    assert.match(csv.split('\n').find((l) => l.includes(s.id))!, /,verified run,pixel-clustering$/);
    const json = await (await fetch(`${server.url}/downloads/benchmarks/toy-moons/v1/leaderboard.json`)).json();
    assert.equal(json.rows.find((x: any) => x.submissionId === s.id).kindLabel, 'verified run');
    // Scored once: the trials are still three, each with one result.
    const [{ n }] = await server.ds.query(`SELECT count(r.id)::int AS n FROM trial t JOIN trial_result r ON r.trial_id = t.id JOIN defense_submission d ON d.experiment_id = t.experiment_id WHERE d.id = $1`, [s.id]);
    assert.equal(n, 3);
  });

  it('submits a verified run from the CLI through the same contract, and counts it against the same daily quota', async () => {
    const cli = (args: string[]) => exec(process.execPath, [CLI, 'submit', 'toy-moons', ...args, '--server', server.url], { env: { ...process.env, FROGPOND_TOKEN: token } });
    const { stdout } = await cli(['--defense', 'deep-knn', '--param', 'k=7', '--label', 'knn from the cli']);
    const id = /\/benchmarks\/toy-moons\/submissions\/([0-9a-f-]{36})$/m.exec(stdout)?.[1];
    assert.ok(id, stdout);
    const [row] = await server.ds.query(`SELECT kind, label, defense FROM defense_submission WHERE id = $1`, [id]);
    assert.deepEqual(row, { kind: 'verified-run', label: 'knn from the cli', defense: { kind: 'deep-knn', params: { k: 7 } } });
    const status = await exec(process.execPath, [CLI, 'submission', id!, '--server', server.url], { env: { ...process.env, FROGPOND_TOKEN: token } });
    assert.match(status.stdout, /^knn from the cli \(verified run: deep-knn \{"k":7\}\) on toy-moons: (SCORING|SCORED), \d\/3 replicates finished/);
    // Private: without the token the CLI gets what the API answers anyone else.
    const hidden = await exec(process.execPath, [CLI, 'submission', id!, '--server', server.url], { env: { ...process.env, FROGPOND_TOKEN: '' } }).then(() => null, (e) => e);
    assert.match(hidden?.stderr ?? '', /not found/);
    // The server's refusal, with its field, reaches the terminal; the CLI exits 2 and nothing is written.
    const before = await written();
    const bad = await cli(['--defense', 'deep-knn', '--param', 'k=0']).then(() => null, (e) => e);
    assert.equal(bad?.code, 2);
    assert.match(bad.stderr, /^error: params\.k: .*>=1/m);
    const both = await cli(['--defense', 'deep-knn', '--scores', 'x.npy']).then(() => null, (e) => e);
    assert.match(both?.stderr ?? '', /either --scores FILE .* or --defense KIND/);
    assert.deepEqual(await written(), before);

    const [{ used }] = await server.ds.query(`SELECT count(*)::int AS used FROM defense_submission WHERE kind = 'verified-run' AND baseline IS NULL`);
    for (let i = used; i < 3; i++) assert.equal((await submit({ defense: 'deep-knn', label: `knn ${i}` })).errors, undefined);
    const refused = await submit({ defense: 'deep-knn' });
    assert.deepEqual(codes(refused), ['FORBIDDEN']);
    assert.match(refused.errors![0].message, /3 submissions to toy-moons today/);
  });
});
