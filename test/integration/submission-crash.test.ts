import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapOrg, gql } from './api-helpers';
import { insertToyBenchmark, startBenchmarkServer, waitScored } from './benchmark-helpers';
import { spawnWorker, until } from './queue-helpers';

describe('a worker killed while a submission is being scored', () => {
  let server: Awaited<ReturnType<typeof startBenchmarkServer>>;
  let token: string;
  before(async () => {
    server = await startBenchmarkServer({ workers: 0 });
    ({ token } = await bootstrapOrg(server, 'crash-team'));
    await insertToyBenchmark(server, 'toy-crash', 2);
  });
  after(async () => { await server?.stop(); await server?.dropDatabase(); });

  it('leaves the submission scored exactly once', async () => {
    const csv = 'replicate,index,score\n' + ['test-00', 'test-01'].map((id) => {
      const n = 2096; // 1,996 unlabeled moons + 100 poisons
      return Array.from({ length: n }, (_, i) => `${id},${i},${(i * 37) % 101}`).join('\n');
    }).join('\n');
    const sizes = await server.services.benchmarks.testTruth(await server.services.benchmarks.get('toy-crash'));
    assert.deepEqual(sizes.map((t) => t.unlabeledCount), [2096, 2096]);
    const r = await gql(server, `mutation($input: SubmitDefenseScoresInput!) { submitDefenseScores(input: $input) { id } }`,
      { input: { benchmark: 'toy-crash', label: 'crash probe', fileName: 's.csv', contentBase64: Buffer.from(csv).toString('base64'), removalFraction: 0.05 } }, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const id = r.data.submitDefenseScores.id;
    const [{ experiment_id: exp }] = await server.ds.query(`SELECT experiment_id FROM defense_submission WHERE id = $1`, [id]);

    const victim = spawnWorker(server.config.databaseUrl!, 'victim');
    await until('a RUNNING retraining trial', async () => (await server.ds.query(`SELECT 1 FROM trial WHERE experiment_id = $1 AND status = 'RUNNING'`, [exp])).length > 0, 120_000, 100);
    victim.child.kill('SIGKILL');
    await victim.exited;
    assert.equal((await gql(server, `{ defenseSubmission(id: "${id}") { status } }`, {}, token)).data.defenseSubmission.status, 'SCORING');
    const rescuer = spawnWorker(server.config.databaseUrl!, 'rescuer');
    try {
      const done = await waitScored(server, id, token);
      assert.equal(done.status, 'SCORED', JSON.stringify(done));
      assert.equal(done.trials, 2);
      const results = await server.ds.query(`SELECT t.id, count(r.id)::int AS n, t.attempts FROM trial t LEFT JOIN trial_result r ON r.trial_id = t.id WHERE t.experiment_id = $1 GROUP BY t.id`, [exp]);
      assert.ok(results.every((x: { n: number }) => x.n === 1), JSON.stringify(results));
      assert.ok(results.some((x: { attempts: number }) => x.attempts >= 2), 'the killed trial ran again');
      const [first] = await server.ds.query(`SELECT scored_at, successes FROM defense_submission WHERE id = $1`, [id]);
      // Reading and refreshing again changes nothing: the transition happens once.
      await server.services.submissions.refresh();
      await waitScored(server, id, token);
      const [second] = await server.ds.query(`SELECT scored_at, successes FROM defense_submission WHERE id = $1`, [id]);
      assert.deepEqual(second, first);
    } finally {
      await rescuer.kill();
    }
  });
});
