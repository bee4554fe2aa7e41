#!/usr/bin/env node
// npm run bench:api — GraphQL matrix query under load.
//  1. A server child process (its own event loop, so the load generator does not steal its thread) on a fresh
//     database: TEST_DATABASE_URL's server (CREATE DATABASE, dropped at the end) or an embedded PostgreSQL.
//     The API aggregates the trigger-maintained per-cell totals (trial_cell), one SQL statement per matrix.
//  2. An experiment of 20,000 trials (2 datasets x 2 label budgets x 5 algorithms x 5 rates x 200 replicates,
//     expanded by ExperimentService), every trial with a TrialResult (bulk SQL insert: 20k GraphQL writes would
//     benchmark the write path instead).
//  3. autocannon, 10 connections, BENCH_DURATION (10) s on loopback: experiment(id) { matrix(rows, columns, filter) }.
//  4. SQL statements per request (TypeORM logger hook in the server process), and the same aggregate SQL through
//     raw `pg` (a pool of 10, 10 concurrent loops, same duration) -> ratio of mean latencies. The API answers a
//     finished matrix from memory until a result lands (NOTIFY from the result triggers), so after the first
//     request no SQL runs: the ratio is the cached GraphQL path against the SQL it replaces.
// Last output line: {"rps":…, "p50Ms":…, "p99Ms":…, "sqlPerRequest":…, "ratioToRawSql":…, "sequentialRatioToRawSql":…}
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (p) => path.join(root, 'dist', p);
const { quantile } = require(path.join(root, 'compute/dist/util/stats.js'));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 10;
const QUERY = `query($id: ID!) { experiment(id: $id) { matrix(rows: [ALGORITHM], columns: [DATASET, RATE], filter: { labels: [40] }) {
  cells { row column successes trials wilsonLow wilsonHigh cleanAccuracyMean paper { successes trials } } } } }`;
const MATRIX_ARGS = { rows: ['ALGORITHM'], columns: ['DATASET', 'RATE'], filter: { labels: [40] } };

if (process.argv[2] === '--server') {
  await serverProcess();
} else {
  await main();
}

/** Child: starts the API on a fresh database, seeds 20,000 results, answers IPC requests. */
async function serverProcess() {
  require('reflect-metadata');
  const { startTestServer, withPaperDatasetFolders } = require(dist('test/integration/api-helpers.js'));
  // The paper preset's CIFAR-10 and SVHN (results are inserted, never trained): folders for the files it would read.
  withPaperDatasetFolders();
  let statements = 0;
  const server = await startTestServer({ config: { maxTrials: 20000, workers: 0 }, onQuery: () => { statements++; } });
  const admin = await server.services.organizations.bootstrapAdmin('bench-lab');
  const actor = await server.services.organizations.authenticate(`Bearer ${admin.token}`);
  const [attack] = await server.ds.query(`SELECT id FROM attack_definition WHERE slug = 'interpolation' AND version = 1`);
  const t0 = Date.now();
  const { experiment, trials } = await server.services.experiments.createExperiment(actor, {
    organizationId: admin.organization.id, name: 'bench 20k', seedBase: 1, preset: 'paper',
    matrix: { datasets: ['cifar10', 'svhn'], labels: [40, 250], algorithms: ['fixmatch', 'mixmatch', 'uda', 'pseudo-label', 'supervised'],
      rates: [0.001, 0.002, 0.005, 0.01, 0.02], attacks: [attack.id], trialsPerCell: 200 },
  });
  const expandMs = Date.now() - t0;
  // Deterministic pseudo-outcomes from the trial seed: success more likely at higher rates.
  await server.ds.query(`
    INSERT INTO trial_result (trial_id, success, clean_accuracy, poison_count, backend, config_hash)
    SELECT id, (seed % 1000) < (400 + rate * 20000)::int, 0.80 + (seed % 100) / 1000.0, greatest(1, round(rate * 1000)::int), 'bench', 'bench'
      FROM trial WHERE experiment_id = $1`, [experiment.id]);
  await server.ds.query(`UPDATE trial SET status = 'SUCCEEDED' WHERE experiment_id = $1`, [experiment.id]);
  await server.ds.query(`ANALYZE trial; ANALYZE trial_result`);
  process.on('message', async (msg) => {
    if (msg.type === 'statements') process.send({ type: 'statements', statements });
    if (msg.type === 'stop') { await server.stop(); await server.dropDatabase(); process.send({ type: 'stopped' }); process.exit(0); }
  });
  process.send({ type: 'ready', graphqlUrl: server.graphqlUrl, databaseUrl: server.config.databaseUrl, experimentId: experiment.id, trials: trials.length, expandMs });
}

function ask(child, type) {
  return new Promise((resolve) => {
    const on = (m) => { if (m.type === type || (type === 'stop' && m.type === 'stopped')) { child.off('message', on); resolve(m); } };
    child.on('message', on);
    child.send({ type });
  });
}

async function main() {
  const autocannon = require('autocannon');
  const { Pool } = require('pg');
  require('reflect-metadata');
  const { buildMatrixSql } = require(dist('server/src/modules/experiment/matrix.service.js'));
  console.log('note: the machine may be shared; numbers are indicative, the ratio is measured in the same run.');
  // BENCH_PROFILE=dir writes a V8 CPU profile of the server process there (on exit).
  const execArgv = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  // The server runs as deployed: NODE_ENV=production (graphql-js skips its development-only checks).
  const child = fork(fileURLToPath(import.meta.url), ['--server'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv, env: { ...process.env, NODE_ENV: 'production' } });
  const ready = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
  console.log(`seeded ${ready.trials} trials with results (expansion in ${ready.expandMs} ms); server at ${ready.graphqlUrl}`);
  const body = JSON.stringify({ query: QUERY, variables: { id: ready.experimentId } });
  const headers = { 'content-type': 'application/json' };
  try {
    // Correctness first: the answer must be a real matrix of 50 cells covering 10,000 trials (labels = 40).
    const first = await (await fetch(ready.graphqlUrl, { method: 'POST', headers, body })).json();
    if (first.errors) throw new Error(JSON.stringify(first.errors));
    const cells = first.data.experiment.matrix.cells;
    const n = cells.reduce((s, c) => s + c.trials, 0);
    const withPaper = cells.filter((c) => c.paper).length;
    console.log(`matrix: ${cells.length} cells, ${n} trials aggregated, ${withPaper} cells with a paper value`);
    if (cells.length !== 50 || n !== 10000) throw new Error('unexpected matrix');

    // SQL statements per request, sequentially (no other traffic to the server meanwhile).
    const s0 = (await ask(child, 'statements')).statements;
    const R = 50;
    for (let i = 0; i < R; i++) await (await fetch(ready.graphqlUrl, { method: 'POST', headers, body })).text();
    const sqlPerRequest = ((await ask(child, 'statements')).statements - s0) / R;

    // One request at a time (no queueing): the per-request overhead of HTTP + GraphQL over the bare SQL.
    const seqGql = [];
    for (let i = 0; i < 100; i++) {
      const t = process.hrtime.bigint();
      await (await fetch(ready.graphqlUrl, { method: 'POST', headers, body })).text();
      seqGql.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    seqGql.sort((a, b) => a - b);

    const result = await autocannon({ url: ready.graphqlUrl, method: 'POST', headers, body, connections: CONNECTIONS, duration: DURATION });
    if (result.non2xx || result.errors) throw new Error(`autocannon: ${result.non2xx} non-2xx, ${result.errors} errors`);
    const rps = result.requests.average;
    const p50Ms = result.latency.p50;
    const p99Ms = result.latency.p99;
    console.log(`GraphQL matrix: ${rps.toFixed(1)} req/s, latency p50 ${p50Ms} ms, p99 ${p99Ms} ms, mean ${result.latency.average} ms (${result.requests.total} requests, ${CONNECTIONS} connections, ${DURATION} s)`);
    console.log(`SQL statements per request: ${sqlPerRequest}`);

    // The same aggregate through raw pg: 10 concurrent loops on a pool of 10, same duration.
    const { sql, params } = buildMatrixSql(ready.experimentId, MATRIX_ARGS);
    const pool = new Pool({ connectionString: ready.databaseUrl, max: CONNECTIONS });
    await pool.query(sql, params);
    const seqRaw = [];
    for (let i = 0; i < 100; i++) {
      const t = process.hrtime.bigint();
      await pool.query(sql, params);
      seqRaw.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    seqRaw.sort((a, b) => a - b);
    console.log(`sequential (1 at a time): GraphQL p50 ${quantile(seqGql, 0.5).toFixed(2)} ms, raw pg p50 ${quantile(seqRaw, 0.5).toFixed(2)} ms, ratio ${(quantile(seqGql, 0.5) / quantile(seqRaw, 0.5)).toFixed(2)}`);
    const lat = [];
    const end = Date.now() + DURATION * 1000;
    await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        await pool.query(sql, params);
        lat.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }));
    // For reference: the same matrix recounted over every trial joined to its result (what trial_cell saves).
    const join = buildMatrixSql(ready.experimentId, MATRIX_ARGS, 'trials');
    const joinLat = [];
    for (let i = 0; i < 20; i++) {
      const t = process.hrtime.bigint();
      await pool.query(join.sql, join.params);
      joinLat.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    joinLat.sort((a, b) => a - b);
    console.log(`reference: full recount over 20,000 trials joined to results, sequential p50 ${quantile(joinLat, 0.5).toFixed(2)} ms`);
    await pool.end();
    lat.sort((a, b) => a - b);
    const rawP50 = quantile(lat, 0.5);
    const rawP99 = quantile(lat, 0.99);
    const rawRps = lat.length / DURATION;
    console.log(`raw pg aggregate: ${rawRps.toFixed(1)} queries/s, latency p50 ${rawP50.toFixed(2)} ms, p99 ${rawP99.toFixed(2)} ms`);
    // autocannon reports whole milliseconds for p50 (0 ms for a cached answer): compare means, which it keeps exact.
    const rawMean = lat.reduce((a, b) => a + b, 0) / lat.length;
    const ratioToRawSql = result.latency.average / rawMean;
    const sequentialRatio = quantile(seqGql, 0.5) / quantile(seqRaw, 0.5);
    console.log(`ratio GraphQL mean / raw pg mean at ${CONNECTIONS} connections: ${ratioToRawSql.toFixed(3)} (${result.latency.average} ms vs ${rawMean.toFixed(2)} ms); one at a time, p50 ratio ${sequentialRatio.toFixed(2)}`);
    console.log(JSON.stringify({ rps: Number(rps.toFixed(1)), p50Ms, p99Ms, sqlPerRequest, ratioToRawSql: Number(ratioToRawSql.toFixed(3)), sequentialRatioToRawSql: Number(sequentialRatio.toFixed(2)) }));
  } finally {
    await ask(child, 'stop');
  }
}
