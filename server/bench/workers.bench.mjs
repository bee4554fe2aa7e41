#!/usr/bin/env node
// npm run bench:workers — throughput of real worker processes and the queue's own overhead.
//  1. a toy experiment of N (default 64) trials with 1 worker process, then a fresh one with 2 worker processes:
//     trials per minute (experiment created -> last trial finished; workers started and warmed up by one trial each
//     beforehand) and speed-up;
//  2. queue overhead: enqueue -> start of a no-op job (one at a time, idle worker woken by NOTIFY), p50/p99 over
//     K (default 200) jobs, measured with PostgreSQL's clock (pg-boss created_on -> started_on).
// Last output line: {"trialsPerMinute1":…, "trialsPerMinute2":…, "speedup":…, "queueP50Ms":…, "queueP99Ms":…}
// Uses TEST_DATABASE_URL (else an embedded PostgreSQL) and a fresh database that is dropped at the end.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (p) => path.join(root, 'dist', p);
const { quantile } = require(path.join(root, 'compute/dist/util/stats.js'));
require('reflect-metadata');
const { startTestServer } = require(dist('test/integration/api-helpers.js'));
const { adminActor, createToyExperiment, spawnWorker, statusCounts, until } = require(dist('test/integration/queue-helpers.js'));
const { enqueueNoopJobs } = require(dist('server/src/modules/queue/queue.enqueue.js'));
const { queueRuntime } = require(dist('server/src/modules/queue/queue.runtime.js'));

const N = Number(process.env.BENCH_TRIALS ?? 64);
const K = Number(process.env.BENCH_NOOP_JOBS ?? 200);

async function runExperiment(server, actor, org, workers) {
  const procs = Array.from({ length: workers }, (_, i) => spawnWorker(server.config.databaseUrl, `bench-w${workers}-${i}`, { FROGPOND_POLL_MS: '1000' }));
  await Promise.all(procs.map((p) => p.waitFor(/ready/, 60_000)));
  // Warm-up: one trial per worker (they wake together on NOTIFY, each takes one) so that loading TensorFlow.js and
  // the toy data in each process is not counted as throughput.
  const warm = await createToyExperiment(server, actor, org, workers, `bench-warmup-${workers}`);
  await until('warm-up trials', async () => ((await statusCounts(server.ds, warm)).SUCCEEDED ?? 0) === workers, 5 * 60_000, 250);
  const t0 = Date.now();
  const id = await createToyExperiment(server, actor, org, N, `bench-${workers}-workers`);
  await until(`${N} finished trials`, async () => {
    const c = await statusCounts(server.ds, id);
    return (c.SUCCEEDED ?? 0) + (c.FAILED ?? 0) === N;
  }, 30 * 60_000, 250);
  const seconds = (Date.now() - t0) / 1000;
  const c = await statusCounts(server.ds, id);
  const [{ n: results }] = await server.ds.query(`SELECT count(*)::int AS n FROM trial_result r JOIN trial t ON t.id = r.trial_id WHERE t.experiment_id = $1`, [id]);
  const byWorker = await server.ds.query(`SELECT worker, count(*)::int AS n FROM trial WHERE experiment_id = $1 GROUP BY worker ORDER BY worker`, [id]);
  await Promise.all(procs.map((p) => p.kill('SIGTERM')));
  const tpm = (N / seconds) * 60;
  console.log(`${workers} worker process(es): ${N} trials in ${seconds.toFixed(1)} s = ${tpm.toFixed(1)} trials/min `
    + `(SUCCEEDED ${c.SUCCEEDED ?? 0}, FAILED ${c.FAILED ?? 0}, results ${results}; per worker ${byWorker.map((w) => w.n).join('/')})`);
  if ((c.SUCCEEDED ?? 0) !== N || results !== N) throw new Error('not every trial succeeded exactly once: the run is not a valid benchmark');
  return tpm;
}

async function queueOverhead(server) {
  const w = spawnWorker(server.config.databaseUrl, 'bench-noop', { FROGPOND_POLL_MS: '2000' });
  await w.waitFor(/ready/, 60_000);
  const boss = queueRuntime().boss;
  const samples = [];
  for (let i = 0; i < K; i++) {
    const [jobId] = await server.ds.transaction((m) => enqueueNoopJobs(boss, m, 1));
    const row = await until('no-op job started', async () => {
      const [r] = await server.ds.query(`SELECT extract(epoch FROM started_on - created_on) * 1000 AS ms, state FROM pgboss.job WHERE name = 'trial' AND id = $1`, [jobId]);
      return r && r.state === 'completed' ? r : null;
    }, 30_000, 2);
    samples.push(Number(row.ms));
  }
  await w.kill('SIGTERM');
  samples.sort((a, b) => a - b);
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), max: samples[samples.length - 1] };
}

// How much parallel CPU the (shared) machine gives right now: the same fixed busy loop in 1 process, then in 2
// processes at once. 2.0 means two free cores; the worker speed-up cannot exceed it.
async function cpuParallelism() {
  const { spawn } = await import('node:child_process');
  const loop = 'let x=0;for(let i=0;i<6e8;i++){x+=i%7}';
  const run = (n) => new Promise((resolve) => {
    const t0 = Date.now();
    let left = n;
    for (let i = 0; i < n; i++) spawn(process.execPath, ['-e', loop]).on('exit', () => { if (--left === 0) resolve(Date.now() - t0); });
  });
  const one = await run(1);
  const two = await run(2);
  return (2 * one) / two;
}

const server = await startTestServer({ config: { workers: 0 } });
try {
  const { actor, organizationId } = await adminActor(server, 'bench-lab');
  console.log(`bench:workers — ${N} toy trials per run, ${K} no-op jobs; machine: ${(await import('node:os')).cpus().length} cores (shared with other work: figures are indicative)`);
  console.log(`CPU parallelism available before the run (busy loop, 2 processes vs 1): ${(await cpuParallelism()).toFixed(2)}x`);
  const tpm1 = await runExperiment(server, actor, organizationId, 1);
  const tpm2 = await runExperiment(server, actor, organizationId, 2);
  const q = await queueOverhead(server);
  console.log(`queue overhead enqueue -> start of a no-op job: p50 ${q.p50.toFixed(2)} ms, p99 ${q.p99.toFixed(2)} ms, max ${q.max.toFixed(2)} ms`);
  const out = {
    trialsPerMinute1: Math.round(tpm1 * 10) / 10,
    trialsPerMinute2: Math.round(tpm2 * 10) / 10,
    speedup: Math.round((tpm2 / tpm1) * 100) / 100,
    queueP50Ms: Math.round(q.p50 * 100) / 100,
    queueP99Ms: Math.round(q.p99 * 100) / 100,
  };
  const par = await cpuParallelism();
  console.log(`speed-up with 2 worker processes: ${out.speedup}x (target >= 1.7 on 2 cores); `
    + `CPU parallelism available at the end of the run (busy loop, 2 processes vs 1): ${par.toFixed(2)}x`);
  console.log(JSON.stringify(out));
} finally {
  await server.stop();
  await server.dropDatabase();
}
