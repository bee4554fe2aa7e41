import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, TestServer, gql } from './api-helpers';
import {
  adminActor, createToyExperiment, MAIN_JS, FAST_QUEUE_ENV, Proc, resultCounts, spawnNode, spawnWorker, statusCounts,
  trialsOf, until,
} from './queue-helpers';
import { Actor } from '../../server/src/common/auth';
import { ProgressReporter } from '../../server/src/modules/queue/queue.progress';
import { reapOnce } from '../../server/src/modules/queue/queue.reaper';
import { queueRuntime } from '../../server/src/modules/queue/queue.runtime';
import { loadQueueConfig } from '../../server/src/modules/queue/queue.config';

/**
 * Job queue + real worker processes (dist/server/src/worker.js) on a fresh database, running real toy-preset trials.
 * The test process itself runs the API services with FROGPOND_WORKERS=0: every trial is run by a child process.
 */
describe('queue and workers', { timeout: 600_000 }, () => {
  let server: TestServer;
  let actor: Actor;
  let token: string;
  let org: string;
  const procs: Proc[] = [];
  const worker = (label: string, extra: Record<string, string> = {}) => {
    const p = spawnWorker(server.config.databaseUrl!, label, extra);
    procs.push(p);
    return p;
  };

  before(async () => {
    server = await startTestServer({ config: { workers: 0 } });
    ({ actor, token, organizationId: org } = await adminActor(server, 'queue-lab'));
  });

  after(async () => {
    await Promise.all(procs.map((p) => p.kill('SIGKILL')));
    await server?.stop();
    await server?.dropDatabase();
  });

  it('enqueues one job per trial in the creating transaction, and none when the transaction fails', async () => {
    const id = await createToyExperiment(server, actor, org, 3, 'enqueue-only');
    const rows: { n: number; jobs: number; linked: number }[] = await server.ds.query(`
      SELECT count(*)::int AS n, count(j.id)::int AS jobs, count(t.job_id)::int AS linked
      FROM trial t LEFT JOIN pgboss.job j ON j.name = 'trial' AND j.id = t.job_id AND j.state = 'created'
      WHERE t.experiment_id = $1`, [id]);
    assert.deepEqual(rows[0], { n: 3, jobs: 3, linked: 3 });
    // a transaction that creates trials and then fails leaves neither trials nor jobs behind
    const before = (await server.ds.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'trial'`))[0].n;
    await assert.rejects(server.ds.transaction(async (m) => {
      await server.services.experiments.createExperiment(actor, {
        organizationId: org, name: 'rolled-back', preset: 'toy',
        matrix: { datasets: ['moons'], labels: [8], algorithms: ['fixmatch'], rates: [0.05], attacks: [(await m.query(`SELECT id FROM attack_definition WHERE slug = 'interpolation' LIMIT 1`))[0].id], trialsPerCell: 2 },
      }, m);
      throw new Error('boom after createExperiment');
    }), /boom/);
    const afterCount = (await server.ds.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'trial'`))[0].n;
    assert.equal(afterCount, before);
    assert.equal((await server.ds.query(`SELECT count(*)::int AS n FROM experiment WHERE name = 'rolled-back'`))[0].n, 0);
    // park this experiment so it does not feed the workers of the next tests
    await server.services.experiments.cancelExperiment(actor, id);
  });

  it('throttles progress writes to one per interval and detects a cancelled trial (attempt fence)', async () => {
    const id = await createToyExperiment(server, actor, org, 1, 'progress');
    const [t] = await trialsOf(server.ds, id);
    // pretend a worker claimed it (attempt 1); no worker process runs in this test
    await server.ds.query(`UPDATE trial SET status = 'RUNNING', attempts = 1, heartbeat_at = now() WHERE id = $1`, [t.id]);
    let lost = '';
    const reporter = new ProgressReporter(server.ds, t.id, 1, 200, (why) => { lost = why; });
    reporter.start();
    const t0 = Date.now();
    let calls = 0;
    while (Date.now() - t0 < 1100) {
      for (let i = 0; i < 1000; i++) reporter.update({ phase: 'train', step: ++calls, total: 1e9, metrics: { loss: 1 / calls } });
      await new Promise((r) => setImmediate(r));
    }
    await reporter.flush();
    const writes = reporter.writes;
    assert.ok(calls > 10_000, `many progress events (${calls})`);
    assert.ok(writes >= 3 && writes <= 8, `about 5 writes per second at a 200 ms interval, got ${writes}`);
    const [row] = await server.ds.query(`SELECT progress FROM trial WHERE id = $1`, [t.id]);
    assert.equal(row.progress.step, calls, 'the latest event is the one stored');
    assert.equal(lost, '');
    await server.services.experiments.cancelExperiment(actor, id);
    await reporter.flush();
    await reporter.stop();
    assert.match(lost, /no longer running/);
  });

  it('the reaper re-enqueues a QUEUED trial whose job is gone and a RUNNING trial whose heartbeat stopped', async () => {
    const id = await createToyExperiment(server, actor, org, 2, 'reaper');
    const [a, b] = await trialsOf(server.ds, id);
    await server.ds.query(`DELETE FROM pgboss.job WHERE name = 'trial' AND id = $1`, [a.job_id]); // job lost
    await server.ds.query(`UPDATE trial SET status = 'RUNNING', attempts = 1, heartbeat_at = now() - interval '1 hour' WHERE id = $1`, [b.id]);
    await new Promise((r) => setTimeout(r, 2100));
    const cfg = loadQueueConfig({ FROGPOND_LEASE_SECONDS: '2' });
    const r = await reapOnce(server.ds, queueRuntime()!.boss, cfg);
    assert.ok(r.requeued >= 2, `re-queued ${r.requeued}`);
    const [a2, b2] = await trialsOf(server.ds, id);
    for (const [before, now] of [[a, a2], [b, b2]] as const) {
      assert.equal(now.status, 'QUEUED');
      assert.notEqual(now.job_id, before.job_id, 'a new job delivers the trial');
      const [job] = await server.ds.query(`SELECT state FROM pgboss.job WHERE name = 'trial' AND id = $1`, [now.job_id]);
      assert.equal(job.state, 'created');
    }
    assert.equal(b2.lost_count, 1);
    assert.equal(a2.lost_count, 0);
    const [old] = await server.ds.query(`SELECT state FROM pgboss.job WHERE name = 'trial' AND id = $1`, [b.job_id]);
    assert.equal(old.state, 'cancelled', 'the superseded job can never deliver the trial again');
    await server.services.experiments.cancelExperiment(actor, id);
  });

  it('runs a 16-trial toy experiment on two worker processes, exactly one result per trial', async () => {
    const id = await createToyExperiment(server, actor, org, 16, 'sixteen');
    const a = worker('w1');
    const b = worker('w2');
    await until('16 finished trials', async () => {
      const c = await statusCounts(server.ds, id);
      return (c.SUCCEEDED ?? 0) + (c.FAILED ?? 0) === 16;
    }, 180_000, 500);
    const trials = await trialsOf(server.ds, id);
    assert.deepEqual(trials.filter((t) => t.status !== 'SUCCEEDED').map((t) => `${t.ordinal}: ${t.status} ${t.error}`), []);
    const results = await resultCounts(server.ds, id);
    assert.equal(results.size, 16);
    assert.ok([...results.values()].every((n) => n === 1));
    assert.ok(trials.every((t) => t.attempts === 1), 'no trial ran twice');
    const workers = new Set(trials.map((t) => t.worker));
    assert.equal(workers.size, 2, `both worker processes ran trials (${[...workers].join(', ')})`);
    const [exp] = await server.ds.query(`SELECT status FROM experiment WHERE id = $1`, [id]);
    assert.equal(exp.status, 'COMPLETED');
    // every job of the experiment is completed in pg-boss
    const [jobs] = await server.ds.query(`
      SELECT count(*) FILTER (WHERE j.state = 'completed')::int AS done, count(*)::int AS n
      FROM trial t JOIN pgboss.job j ON j.name = 'trial' AND j.id = t.job_id WHERE t.experiment_id = $1`, [id]);
    assert.deepEqual(jobs, { done: 16, n: 16 });
    // progress through the API (polling contract)
    const r = await gql(server, `query($id: ID!) { experimentProgress(id: $id) { total queued running succeeded failed cancelled trialsPerMinute etaSeconds } }`, { id }, token);
    assert.deepEqual(r.errors, undefined);
    assert.equal(r.data.experimentProgress.succeeded, 16);
    assert.equal(r.data.experimentProgress.total, 16);
    assert.ok(r.data.experimentProgress.trialsPerMinute > 0);
    assert.equal(r.data.experimentProgress.etaSeconds, null);
    await Promise.all([a.kill(), b.kill()]);
    assert.ok(a.lines.some((l) => /ready/.test(l)) && b.lines.some((l) => /ready/.test(l)));
  });

  it('runs a toy trial with each defense through the API: launched over GraphQL, run by a worker, its measurement read back over GraphQL', async () => {
    const [attack] = await server.ds.query(`SELECT id FROM attack_definition WHERE slug = 'interpolation' ORDER BY version LIMIT 1`);
    const listed = await gql(server, `{ defenses(first: 50) { edges { node { id slug } } } }`, {}, token);
    assert.equal(listed.errors, undefined, JSON.stringify(listed.errors));
    const defenses = (listed.data.defenses.edges as { node: { id: string; slug: string } }[]).map((e) => e.node)
      .filter((d) => ['pixel-clustering', 'training-dynamics', 'deep-knn'].includes(d.slug));
    assert.equal(defenses.length, 3);
    const created = await gql(server, `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { trialCount experiment { id } } }`, { i: {
      organizationId: org, name: 'defended', preset: 'toy', seedBase: 3, overrides: { steps: 500, evalEvery: 50 },
      matrix: { datasets: ['moons'], labels: [8], algorithms: ['fixmatch'], rates: [0.05], attacks: [attack.id], defenses: defenses.map((d) => d.id), trialsPerCell: 1 },
    } }, token);
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    assert.equal(created.data.createExperiment.trialCount, 3);
    const experimentId: string = created.data.createExperiment.experiment.id;
    // A defense judges in one synchronous block (all pairs): a lease long enough that a loaded machine's slower block
    // is not taken for a lost worker.
    const w = worker('wd', { FROGPOND_LEASE_SECONDS: '60' });
    await until('3 finished defended trials', async () => {
      const c = await statusCounts(server.ds, experimentId);
      return (c.SUCCEEDED ?? 0) + (c.FAILED ?? 0) === 3;
    }, 200_000, 500);
    await w.kill();
    const read = await gql(server, `query($id: ID!) { experiment(id: $id) {
      trials(first: 10) { edges { node { ordinal status error defenseKind artifacts { kind } result { success cleanAccuracy detection } } } }
      matrix(rows: [DEFENSE]) { cells { rowLabels successes trials cleanAccuracyMean
        withoutDefense { successes trials cleanAccuracyMean } detection { rocAucMean tprAt5FprMean poisonsRemoved poisons cleanRemoved clean } } } } }`,
    { id: experimentId }, token);
    assert.equal(read.errors, undefined, JSON.stringify(read.errors));
    const trials = (read.data.experiment.trials.edges as any[]).map((e) => e.node).sort((x, y) => x.defenseKind.localeCompare(y.defenseKind));
    assert.deepEqual(trials.filter((t) => t.status !== 'SUCCEEDED').map((t) => `${t.ordinal}: ${t.status} ${t.error}`), []);
    assert.deepEqual(trials.map((t) => t.defenseKind), ['deep-knn', 'pixel-clustering', 'training-dynamics-influence']);
    const cells = new Map((read.data.experiment.matrix.cells as any[]).map((c) => [c.rowLabels[0].split(' ')[0], c]));
    for (const t of trials) {
      const d = t.result.detection;
      assert.equal(d.kind, t.defenseKind);
      assert.ok(d.poisons > 0 && d.removed === d.removedPoisons + d.cleanRemoved, JSON.stringify({ ...d, scores: undefined }));
      assert.ok(typeof d.rocAuc === 'number' && typeof d.tprAt5Fpr === 'number' && typeof d.undefended?.success === 'boolean');
      assert.equal(d.scores.length, d.poisons + d.clean);
      assert.ok(t.artifacts.some((a: { kind: string }) => a.kind === 'defense-scores'), JSON.stringify(t.artifacts));
      // The matrix cell of the defense shows the trial with and without it, and what it detected.
      const slug = defenses.find((x) => t.defenseKind.startsWith(x.slug))!.slug;
      const c = cells.get(slug);
      assert.ok(c, `a matrix cell for ${slug}`);
      assert.deepEqual([c.successes, c.trials, c.cleanAccuracyMean], [t.result.success ? 1 : 0, 1, t.result.cleanAccuracy]);
      assert.deepEqual(c.withoutDefense, { successes: d.undefended.success ? 1 : 0, trials: 1, cleanAccuracyMean: d.undefended.cleanAccuracy });
      assert.deepEqual(c.detection, {
        rocAucMean: d.rocAuc, tprAt5FprMean: d.tprAt5Fpr, poisonsRemoved: d.removedPoisons, poisons: d.poisons, cleanRemoved: d.cleanRemoved, clean: d.clean,
      });
    }
  });

  it('re-runs a trial whose worker was SIGKILLed mid-trial, and records it exactly once', async () => {
    const id = await createToyExperiment(server, actor, org, 2, 'sigkill');
    const victim = worker('victim');
    const running = await until('a RUNNING trial', async () => (await trialsOf(server.ds, id)).find((t) => t.status === 'RUNNING'), 60_000, 100);
    victim.child.kill('SIGKILL');
    await victim.exited;
    const rescuer = worker('rescuer');
    await until('2 finished trials', async () => {
      const c = await statusCounts(server.ds, id);
      return (c.SUCCEEDED ?? 0) + (c.FAILED ?? 0) === 2;
    }, 120_000, 500);
    const trials = await trialsOf(server.ds, id);
    const killed = trials.find((t) => t.id === running.id)!;
    assert.equal(killed.status, 'SUCCEEDED', `killed trial: ${killed.status} ${killed.error}`);
    assert.ok(killed.attempts >= 2, 'the killed trial was attempted again');
    assert.equal(killed.lost_count, 1);
    assert.match(killed.worker ?? '', new RegExp(`:${rescuer.child.pid}`));
    const results = await resultCounts(server.ds, id);
    assert.equal(results.size, 2);
    assert.ok([...results.values()].every((n) => n === 1));
    await rescuer.kill();
  });

  it('a failing trial is FAILED with its message and does not block the queue; retryFailedTrials re-queues it', async () => {
    const id = await createToyExperiment(server, actor, org, 2, 'failing');
    // test-only invalid config: runTrial itself rejects it (rate must be within [0, 0.5])
    await server.ds.query(`UPDATE trial SET config = jsonb_set(config, '{rate}', '0.9') WHERE experiment_id = $1 AND ordinal = 0`, [id]);
    const w = worker('w-fail');
    await until('2 finished trials', async () => {
      const c = await statusCounts(server.ds, id);
      return (c.SUCCEEDED ?? 0) + (c.FAILED ?? 0) === 2;
    }, 120_000, 300);
    let trials = await trialsOf(server.ds, id);
    assert.equal(trials[0].status, 'FAILED');
    assert.match(trials[0].error ?? '', /rate/);
    assert.doesNotMatch(trials[0].error ?? '', /\n\s+at /, 'no stack trace stored');
    assert.deepEqual(trials.slice(1).map((t) => t.status), ['SUCCEEDED'], 'the trial after the failure ran and succeeded');
    const r = await gql(server, `query($id: ID!) { experiment(id: $id) { status trials(first: 10) { edges { node { status error } } } } }`, { id }, token);
    assert.equal(r.errors, undefined);
    assert.ok(!JSON.stringify(r.data).includes('    at '), 'no stack trace to API clients');
    // retry: the trial is queued again and (still invalid) fails again, attempts counted
    const retried = await gql(server, `mutation($id: ID!) { retryFailedTrials(experimentId: $id) { id status } }`, { id }, token);
    assert.equal(retried.errors, undefined, JSON.stringify(retried.errors));
    await until('retried trial failed again', async () => {
      const [t] = await trialsOf(server.ds, id);
      return t.status === 'FAILED' && t.attempts === 2;
    }, 60_000, 300);
    trials = await trialsOf(server.ds, id);
    assert.equal((await resultCounts(server.ds, id)).size, 1);
    assert.equal(trials[1].attempts, 1, 'retry re-queued only the failed trial');
    await w.kill();
  });

  it('cancel stops queued trials, aborts the running one, and keeps completed results', async () => {
    const id = await createToyExperiment(server, actor, org, 4, 'cancel');
    const w = worker('w-cancel');
    await until('one SUCCEEDED and one RUNNING trial', async () => {
      const c = await statusCounts(server.ds, id);
      return (c.SUCCEEDED ?? 0) >= 1 && (c.RUNNING ?? 0) === 1;
    }, 120_000, 100);
    const r = await gql(server, `mutation($id: ID!) { cancelExperiment(id: $id) { id status } }`, { id }, token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const t0 = Date.now();
    const abortedLine = await w.waitFor(/aborted/, 10_000);
    const abortMs = Date.now() - t0;
    assert.ok(abortMs < 10_000, `running trial aborted within seconds (${abortMs} ms): ${abortedLine}`);
    const succeededBefore = (await statusCounts(server.ds, id)).SUCCEEDED ?? 0;
    await new Promise((res) => setTimeout(res, 3000)); // nothing else may run or finish now
    const c = await statusCounts(server.ds, id);
    assert.equal(c.SUCCEEDED ?? 0, succeededBefore);
    assert.equal(c.RUNNING ?? 0, 0);
    assert.equal(c.QUEUED ?? 0, 0);
    assert.equal((c.CANCELLED ?? 0) + succeededBefore, 4);
    assert.ok((c.CANCELLED ?? 0) >= 2, 'the running and at least one queued trial were cancelled');
    const results = await resultCounts(server.ds, id);
    assert.equal(results.size, succeededBefore, 'completed results kept, no result for cancelled trials');
    const [jobs] = await server.ds.query(`
      SELECT count(*) FILTER (WHERE j.state IN ('created', 'retry', 'active'))::int AS live
      FROM trial t JOIN pgboss.job j ON j.name = 'trial' AND j.id = t.job_id WHERE t.experiment_id = $1`, [id]);
    assert.equal(jobs.live, 0, 'no live job left for a cancelled experiment');
    const [exp] = await server.ds.query(`SELECT status FROM experiment WHERE id = $1`, [id]);
    assert.equal(exp.status, 'CANCELLED');
    await w.kill();
  });

  it('restarting the server (with its in-process worker) during an experiment loses no result', async () => {
    const id = await createToyExperiment(server, actor, org, 3, 'restart');
    const env = { DATABASE_URL: server.config.databaseUrl!, PORT: '0', FROGPOND_WORKERS: '1', FROGPOND_EMIT_SCHEMA: 'false', ...FAST_QUEUE_ENV };
    const runningAfter = (n: number) => async () => {
      const c = await statusCounts(server.ds, id);
      return (c.SUCCEEDED ?? 0) >= n && c.RUNNING === 1;
    };
    // 1. crash: SIGKILL while a trial runs (no shutdown code at all); its lease expires and it runs again
    const first = spawnNode(MAIN_JS, env, 'server1');
    procs.push(first);
    await until('a result and a running trial', runningAfter(1), 120_000, 100);
    first.child.kill('SIGKILL');
    await first.exited;
    // 2. graceful restart: SIGTERM while a trial runs; the server gives the trial back at once and exits 0
    const second = spawnNode(MAIN_JS, env, 'server2');
    procs.push(second);
    await second.waitFor(/attempt \d+ started/, 60_000);
    const code = await Promise.race([second.kill('SIGTERM'), new Promise((r) => setTimeout(() => r('no exit within 20 s'), 20_000))]);
    assert.equal(code, 0, `server exit after SIGTERM; last lines:\n${second.lines.slice(-5).join('\n')}`);
    const handedBack = second.lines.map((l) => /trial (\S+) aborted: worker shutting down/.exec(l)?.[1]).find(Boolean);
    assert.ok(handedBack, 'the running trial was handed back');
    const [back] = await server.ds.query(`SELECT status, lost_count FROM trial WHERE id = $1`, [handedBack]);
    assert.equal(back.status, 'QUEUED', 're-queued at once, without waiting for the lease');
    // 3. a third start finishes the experiment
    const third = spawnNode(MAIN_JS, env, 'server3');
    procs.push(third);
    await until('3 finished trials', async () => {
      const s3 = await statusCounts(server.ds, id);
      return (s3.SUCCEEDED ?? 0) + (s3.FAILED ?? 0) === 3;
    }, 120_000, 300);
    const trials = await trialsOf(server.ds, id);
    assert.deepEqual(trials.map((t) => t.status), ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    assert.ok(trials.some((t) => t.attempts >= 2), 'interrupted trials were run again');
    const results = await resultCounts(server.ds, id);
    assert.equal(results.size, 3);
    assert.ok([...results.values()].every((n) => n === 1), 'exactly one result per trial');
    await third.kill('SIGTERM');
  });
});
