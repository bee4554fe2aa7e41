import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeNpy } from '@frogpond/compute/benchmark/files';
import { makeBenchmarkReplicate } from '@frogpond/compute/benchmark';
import { BenchmarkKeys } from '../../server/src/modules/benchmark/benchmark-secret';
import { bootstrapOrg, codes, gql } from './api-helpers';
import { fetchArchive, startBenchmarkServer, TEST_SECRET } from './benchmark-helpers';

const SLUG = 'mini-mnist-interpolation';
const FULL = `query($all: Boolean!) { benchmarks { id slug } benchmark(slug: "${SLUG}") { id slug version name description license config devSeeds testReplicates testReplicateIds
  downloads { split path fileName sizeBytes sha256 replicates }
  leaderboard(all: $all) { rank submissionId label kind kindLabel baseline defenseKind team successes trials successRate successLow successHigh auc tprAt1 tprAt5 cleanAccuracy cleanAccuracyDrop removedPoisons removedClean submittedAt }
  baselines { ...S } pendingBaselines { ...S } mySubmissions { ...S } verifiedRunDefenses { kind parameters { name default } } } }
  fragment S on DefenseSubmission { id kind kindLabel baseline defense { kind params } label status failureReason failureKind fileName fileSha256 fileBytes removalFraction auc tprAt1 tprAt5
    removedPoisons removedClean replicates successes successLow successHigh cleanAccuracyDrop trials cleanAccuracy published publishedAt createdAt scoredAt organization { slug } progress { done total }
    replicateScores { replicate auc tprAt1 tprAt5 removedPoisons removedClean poisons clean success cleanAccuracy histogram { edges poisons benign } } }`;

describe('nothing of a sequestered replicate leaves the server', () => {
  let server: Awaited<ReturnType<typeof startBenchmarkServer>>;
  let token: string;
  before(async () => {
    // The seeded benchmark's baselines are queued at start, as in production (no worker runs them here).
    server = await startBenchmarkServer({ benchmarkBaselines: true });
    await server.baselinesQueued;
    ({ token } = await bootstrapOrg(server, 'team'));
  });
  after(async () => { await server?.stop(); await server?.dropDatabase(); });

  it('baselines are queued at start and shown pending; the oracle detects with AUC 1, random scores near 0.5', async () => {
    const r = await gql(server, `{ benchmark(slug: "${SLUG}") { leaderboard { rank } pendingBaselines { baseline kindLabel progress { done total } }
      baselines { baseline auc tprAt1 removedPoisons removedClean status } } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.deepEqual(r.data.benchmark.leaderboard, []);
    assert.deepEqual(r.data.benchmark.pendingBaselines.map((b: any) => [b.baseline, b.kindLabel, b.progress]).sort(), [
      ['deep-knn', 'verified run', { done: 0, total: 16 }], ['no-defense', 'baseline', { done: 0, total: 16 }], ['oracle', 'baseline', { done: 0, total: 16 }],
      ['pixel-clustering', 'verified run', { done: 0, total: 16 }], ['random', 'baseline', { done: 0, total: 16 }],
      ['training-dynamics-influence', 'verified run', { done: 0, total: 16 }],
    ]);
    const [{ trials }] = await server.ds.query(`SELECT count(*)::int AS trials FROM trial t JOIN defense_submission s ON s.experiment_id = t.experiment_id WHERE s.baseline IS NOT NULL AND t.job_id IS NOT NULL`);
    assert.equal(trials, 96, 'six baselines x 16 replicates, each with its job');
    assert.equal(await server.services.baselines.ensureAll(), 0, 'a restart queues nothing twice');
    const by = Object.fromEntries(r.data.benchmark.baselines.map((b: any) => [b.baseline, b]));
    assert.equal(by.oracle.auc, 1);
    assert.equal(by.oracle.tprAt1, 1);
    assert.deepEqual([by.oracle.removedPoisons, by.oracle.removedClean], [1600, 0]);
    assert.ok(Math.abs(by.random.auc - 0.5) <= 0.1, `random AUC ${by.random.auc}`);
    assert.equal(by['no-defense'].removedPoisons + by['no-defense'].removedClean, 0);
    assert.ok(Object.values(by).every((b: any) => b.status === 'SCORING'), 'retraining is queued (no worker in this test)');
  });

  it('no API response, download or error holds a test replicate\'s seed, poison indices or target', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => i);
    const csv = 'replicate,index,score\n' + Array.from({ length: 16 }, (_, r) => rows.map((i) => `test-${String(r).padStart(2, '0')},${i},${(i * 7919 + r) % 600}`).join('\n')).join('\n');
    const sub = await gql(server, `mutation($input: SubmitDefenseScoresInput!) { submitDefenseScores(input: $input) { id } }`,
      { input: { benchmark: SLUG, label: 'probe', fileName: 'p.csv', contentBase64: Buffer.from(csv).toString('base64'), removalFraction: 0.2 } }, token);
    assert.equal(sub.errors, undefined, JSON.stringify(sub.errors));
    const id = sub.data.submitDefenseScores.id;
    const run = await gql(server, `mutation { submitVerifiedRun(input: { benchmark: "${SLUG}", defense: "deep-knn", params: { k: 9 } }) { id } }`, {}, token);
    assert.equal(run.errors, undefined, JSON.stringify(run.errors));
    const [{ experiment_id: expId }] = await server.ds.query(`SELECT experiment_id FROM defense_submission WHERE id = $1`, [id]);
    const trialIds = (await server.ds.query(`SELECT id FROM trial WHERE experiment_id = $1`, [expId])).map((t: any) => t.id);

    const texts: string[] = [];
    const binaries: Buffer[] = [];
    for (const t of [undefined, token]) {
      for (const all of [false, true]) texts.push(JSON.stringify(await gql(server, FULL, { all }, t)));
      for (const sid of [id, run.data.submitVerifiedRun.id]) texts.push(JSON.stringify(await gql(server, `{ defenseSubmission(id: "${sid}") { ...S } }` + FULL.slice(FULL.indexOf('fragment')), {}, t)));
      texts.push(JSON.stringify(await gql(server, `{ experiments(first: 100) { edges { node { id name } } } organizations { id slug } }`, {}, t)));
      const exp = await gql(server, `{ experiment(id: "${expId}") { id } }`, {}, t);
      assert.deepEqual(codes(exp), ['NOT_FOUND'], 'the scoring experiment is private to nobody');
      texts.push(JSON.stringify(exp));
      for (const tid of trialIds) {
        const tr = await gql(server, `{ trial(id: "${tid}") { id seed targetIndex config } }`, {}, t);
        assert.deepEqual(codes(tr), ['NOT_FOUND']);
        texts.push(JSON.stringify(tr));
      }
    }
    texts.push(JSON.stringify(await gql(server, `mutation($input: SubmitDefenseScoresInput!) { submitDefenseScores(input: $input) { id } }`,
      { input: { benchmark: SLUG, label: 'bad', fileName: 'p.csv', contentBase64: Buffer.from(csv.replace('test-03,5,', 'test-03,5,x')).toString('base64'), removalFraction: 0.2 } }, token)));
    texts.push(JSON.stringify(await gql(server, `mutation { submitVerifiedRun(input: { benchmark: "${SLUG}", defense: "external-scores", params: { remove: [1] } }) { id } }`, {}, token)));
    for (const p of ['dev.tar', 'test.tar', 'leaderboard.csv', 'leaderboard.json', 'truth.tar']) {
      const a = await fetchArchive(server, `/downloads/benchmarks/${SLUG}/v1/${p}`);
      binaries.push(a.bytes);
      texts.push(a.bytes.toString('latin1'));
    }
    const test = await fetchArchive(server, `/downloads/benchmarks/${SLUG}/v1/test.tar`);
    const manifest = JSON.parse(test.entries[0].bytes.toString());
    assert.ok(manifest.replicates.every((r: any) => Object.keys(r).sort().join() === 'counts,id'));
    assert.ok(test.entries.every((e) => !/poison|target|truth|seed/i.test(e.name)));

    const truth = await server.services.benchmarks.testTruth(await server.services.benchmarks.get(SLUG));
    const keys = new BenchmarkKeys(Buffer.from(TEST_SECRET));
    const [b] = await server.ds.query(`SELECT config FROM benchmark WHERE slug = $1`, [SLUG]);
    const all = texts.join('\n');
    for (const [i, t] of truth.entries()) {
      assert.ok(!new RegExp(`\\b${t.seed}\\b`).test(all), `seed of ${t.id} leaked`);
      const listed = t.poisonIndices.slice(0, 6).join(',');
      assert.ok(!all.includes(listed), `poison indices of ${t.id} leaked`);
      const asInt32 = Buffer.from(Int32Array.from(t.poisonIndices.slice(0, 6)).buffer);
      assert.ok(binaries.every((bin) => !bin.includes(asInt32)), `poison indices of ${t.id} leaked as int32`);
      // x* itself is withheld from the published test set (the alpha = 1 poison is pixel-identical to it).
      const full = makeBenchmarkReplicate(b.config, { seed: t.seed, orderSeed: keys.testOrderSeed(SLUG, 1, i), withholdTarget: false });
      assert.deepEqual(full.truth.poisonIndices, t.poisonIndices);
      const target = Buffer.from(full.test.x.subarray(t.targetIndex * 784, (t.targetIndex + 1) * 784));
      const testX = decodeNpy(test.entries.find((e) => e.name === `${t.id}/test_x.npy`)!.bytes).data;
      for (let r = 0; r < testX.length / 784; r++) assert.ok(!Buffer.from(testX.subarray(r * 784, (r + 1) * 784)).equals(target), `target of ${t.id} in test_x`);
    }
  });
});
