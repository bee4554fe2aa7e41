import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defendSplit, encodeScoreFile, extractSplitArchive } from '@frogpond/compute/benchmark';
import { bootstrapOrg, codes, gql } from './api-helpers';
import { fetchArchive, insertToyBenchmark, startBenchmarkServer, waitScored } from './benchmark-helpers';

const SUBMIT = `mutation($input: SubmitDefenseScoresInput!) { submitDefenseScores(input: $input) { id status auc tprAt1 tprAt5 removedPoisons removedClean replicates published } }`;
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

describe('defense submissions: parsing, caps, retraining, baselines, board (real PostgreSQL, real worker)', () => {
  let server: Awaited<ReturnType<typeof startBenchmarkServer>>;
  let token: string;
  let other: string;
  let scores: Uint8Array;
  let dir: string;
  const rows = async () => (await server.ds.query(`SELECT count(*)::int AS n FROM defense_submission WHERE kind = 'score-file'`))[0].n;
  const submit = (input: Record<string, unknown>, t = token) => gql(server, SUBMIT, { input: { benchmark: 'toy-moons', label: 'pixel clustering', ...input } }, t);

  before(async () => {
    server = await startBenchmarkServer({ workers: 1, submissionsPerDay: 2 });
    ({ token } = await bootstrapOrg(server, 'defenders'));
    ({ token: other } = await bootstrapOrg(server, 'others'));
    await insertToyBenchmark(server);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-sub-'));
    extractSplitArchive((await fetchArchive(server, '/downloads/benchmarks/toy-moons/v1/test.tar')).bytes, dir);
    scores = encodeScoreFile('s.json', await defendSplit(dir, 'pixel-clustering'));
  });
  after(async () => {
    await server?.stop();
    await server?.dropDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses malformed score files with file, line and reason, and stores nothing', async () => {
    const header = 'replicate,index,score\n';
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ fileName: 's.csv', contentBase64: b64(header + 'test-00,0,NaN\n'), removalFraction: 0.1 }, 'scoreFile', /s\.csv:2: score "NaN" is not a finite number/],
      [{ fileName: 's.csv', contentBase64: b64(header + 'test-09,0,1\n'), removalFraction: 0.1 }, 'scoreFile', /test-09 is not a sequestered replicate/],
      [{ fileName: 's.json', contentBase64: b64('{"replicates":{"test-00":{"scores":[1]}}}'), removalFraction: 0.1 }, 'scoreFile', /has 1 scores/],
      [{ fileName: 's.json', contentBase64: b64(scores) }, 'scoreFile', /./], // placeholder replaced below
      [{ fileName: 's.json', contentBase64: b64(scores), removalFraction: 0.1 }, 'removalFraction', /not both/],
      [{ fileName: 's.json', contentBase64: b64(scores), removalFraction: 2 }, 'removalFraction', /\[0, 1\]/],
      [{ fileName: '../s.json', contentBase64: b64(scores) }, 'scoreFile', /fileName/],
      [{ fileName: 's.json', contentBase64: '%%%' }, 'scoreFile', /base64/],
      [{ fileName: 's.json', contentBase64: b64(scores), label: ' ' }, 'label', /label/],
    ];
    cases.splice(3, 1);
    for (const [input, field, message] of cases) {
      const r = await submit(input);
      assert.deepEqual(codes(r), ['BAD_USER_INPUT'], JSON.stringify(input).slice(0, 80));
      assert.equal(r.errors![0].extensions!.field, field);
      assert.match(r.errors![0].message, message);
      assert.ok(!r.errors![0].extensions!.stacktrace);
    }
    const nan = await submit({ fileName: 's.csv', contentBase64: b64(header + 'test-00,0,NaN\n'), removalFraction: 0.1 });
    assert.deepEqual({ file: nan.errors![0].extensions!.file, line: nan.errors![0].extensions!.line }, { file: 's.csv', line: 2 });
    assert.deepEqual(codes(await submit({ fileName: 's.json', contentBase64: b64(scores) }, '')), ['UNAUTHENTICATED']);
    assert.equal(await rows(), 0);
  });

  it('scores a submission at once, retrains every replicate on the queue, and keeps it private until published', async () => {
    const r = await submit({ fileName: 's.json', contentBase64: b64(scores) });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const s = r.data.submitDefenseScores;
    assert.equal(s.status, 'SCORING');
    assert.equal(s.replicates, 3);
    // Two-dimensional moons are no place for pixel clustering: only the metrics' presence is checked here.
    assert.ok(s.auc >= 0 && s.auc <= 1 && s.tprAt1 >= 0 && s.tprAt5 >= s.tprAt1, JSON.stringify(s));
    // Private: another organization and anonymous readers cannot see it.
    assert.deepEqual(codes(await gql(server, `{ defenseSubmission(id: "${s.id}") { id } }`, {}, other)), ['NOT_FOUND']);
    assert.deepEqual(codes(await gql(server, `{ defenseSubmission(id: "${s.id}") { id } }`)), ['NOT_FOUND']);
    const done = await waitScored(server, s.id, token);
    assert.equal(done.status, 'SCORED', JSON.stringify(done));
    assert.deepEqual(done.progress, { done: 3, total: 3 });
    assert.equal(done.trials, 3);
    assert.ok(done.cleanAccuracy > 0.8, `clean accuracy ${done.cleanAccuracy}`);
    const detail = await gql(server, `{ defenseSubmission(id: "${s.id}") { replicateScores { replicate auc success cleanAccuracy histogram { edges poisons benign } } } }`, {}, token);
    const reps = detail.data.defenseSubmission.replicateScores;
    assert.deepEqual(reps.map((x: any) => x.replicate), ['test-00', 'test-01', 'test-02']);
    assert.ok(reps.every((x: any) => typeof x.success === 'boolean' && x.histogram.edges.length === 21));
    // Reading it again never scores it twice.
    await waitScored(server, s.id, token);
    assert.equal((await server.ds.query(`SELECT count(*)::int AS n FROM trial t JOIN defense_submission s ON s.experiment_id = t.experiment_id WHERE s.id = $1`, [s.id]))[0].n, 3);
    const pub = await gql(server, `mutation { publishDefenseSubmission(id: "${s.id}") { published } }`, {}, token);
    assert.equal(pub.data.publishDefenseSubmission.published, true);
    assert.deepEqual(codes(await gql(server, `mutation { publishDefenseSubmission(id: "${s.id}") { published } }`, {}, other)), ['FORBIDDEN']);
    assert.equal((await gql(server, `{ defenseSubmission(id: "${s.id}") { id } }`)).data.defenseSubmission.id, s.id);
  });

  it('queues the baselines once when the benchmark is created, shows them pending, then ranks the board; exports CSV and JSON', async () => {
    const b = await server.services.benchmarks.get('toy-moons');
    assert.equal(await server.services.baselines.ensure(b), 6);
    assert.equal(await server.services.baselines.ensure(b), 0, 'a second call queues nothing');
    const q = `{ benchmark(slug: "toy-moons") { baselines { id baseline kind kindLabel status organization { id } } pendingBaselines { baseline progress { done total } } } }`;
    const first = await gql(server, q);
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const baselines = first.data.benchmark.baselines;
    assert.deepEqual(baselines.map((x: any) => [x.baseline, x.kindLabel]), [
      ['no-defense', 'baseline'], ['random', 'baseline'], ['oracle', 'baseline'],
      ['pixel-clustering', 'verified run'], ['training-dynamics-influence', 'verified run'], ['deep-knn', 'verified run'],
    ]);
    // Built-in defenses run as the hidden scoring organization, which no response names.
    assert.ok(baselines.every((x: any) => x.organization === null));
    // One worker cannot have run 18 trials yet: the board lists what is pending, with its progress.
    const pending = first.data.benchmark.pendingBaselines;
    assert.ok(pending.length >= 1 && pending.every((p: any) => p.progress.total === 3 && p.progress.done < 3), JSON.stringify(pending));
    const scored = await Promise.all(baselines.map((x: any) => waitScored(server, x.id, undefined, 400_000)));
    assert.ok(scored.every((s) => s.status === 'SCORED'), JSON.stringify(scored));
    const after = await gql(server, q);
    assert.deepEqual(after.data.benchmark.pendingBaselines, []);
    const board = await gql(server, `{ benchmark(slug: "toy-moons") { leaderboard { rank label kind kindLabel baseline team successes trials successHigh auc cleanAccuracyDrop } } }`);
    const rowsOut = board.data.benchmark.leaderboard;
    assert.equal(rowsOut.length, 7);
    const oracle = rowsOut.find((x: any) => x.baseline === 'oracle');
    assert.equal(oracle.auc, 1);
    assert.equal(oracle.successes, 0);
    const random = rowsOut.find((x: any) => x.baseline === 'random');
    assert.ok(Math.abs(random.auc - 0.5) <= 0.1, `random AUC ${random.auc}`);
    const noDefense = rowsOut.find((x: any) => x.baseline === 'no-defense');
    assert.equal(noDefense.cleanAccuracyDrop, 0);
    assert.deepEqual(rowsOut.filter((x: any) => x.kind === 'VERIFIED_RUN').map((x: any) => [x.baseline, x.team]).sort(),
      [['deep-knn', null], ['pixel-clustering', null], ['training-dynamics-influence', null]]);
    assert.ok(rowsOut.find((x: any) => x.team === 'defenders' && x.kindLabel === 'score file'));
    for (let i = 1; i < rowsOut.length; i++) assert.ok(rowsOut[i - 1].successHigh <= rowsOut[i].successHigh);
    const csv = await fetch(`${server.url}/downloads/benchmarks/toy-moons/v1/leaderboard.csv`);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    const lines = (await csv.text()).trim().split('\n');
    assert.equal(lines.length, 8);
    assert.match(lines[0], /^rank,label,kind,baseline,team,successes,trials,successRate,successLow,successHigh,auc,.*,submissionId,kindLabel,defenseKind$/);
    const json = await (await fetch(`${server.url}/downloads/benchmarks/toy-moons/v1/leaderboard.json`)).json();
    assert.deepEqual(json.rows.map((x: any) => x.rank), rowsOut.map((x: any) => x.rank));
    assert.equal(json.rows.length, 7);
  });

  it('caps submissions per organization and day; platform failures are not counted', async () => {
    const second = await submit({ fileName: 's.json', contentBase64: b64(scores) });
    assert.equal(second.errors, undefined);
    const third = await submit({ fileName: 's.json', contentBase64: b64(scores) });
    assert.deepEqual(codes(third), ['FORBIDDEN']);
    assert.match(third.errors![0].message, /2 submissions to toy-moons today/);
    // A platform failure gives the slot back.
    await waitScored(server, second.data.submitDefenseScores.id, token);
    await server.ds.query(`UPDATE defense_submission SET status = 'FAILED', failure_kind = 'platform', failure_reason = 'worker lost' WHERE id = $1`, [second.data.submitDefenseScores.id]);
    const again = await submit({ fileName: 's.json', contentBase64: b64(scores) });
    assert.equal(again.errors, undefined, JSON.stringify(again.errors));
    // Another organization has its own quota.
    assert.equal((await submit({ fileName: 's.json', contentBase64: b64(scores) }, other)).errors, undefined);
    await waitScored(server, again.data.submitDefenseScores.id, token);
  });
});
