#!/usr/bin/env node
// npm run bench:scoring — defense scoring and the defense leaderboard.
//  1. Detection metrics (ROC AUC, TPR at 1% and 5% FPR, removal counts) for 1,000 submissions x 2,000 examples
//     (200 poisons each, seeded random scores), in this process; the baseline is one plain numeric sort of the same
//     scores per submission (the metrics' unavoidable cost), measured in the same run -> ratio.
//  2. A server child process on a fresh database (TEST_DATABASE_URL's server or an embedded PostgreSQL) with one
//     benchmark holding 1,000 scored, published submissions from 100 organizations and its 3 baselines (bulk SQL).
//     autocannon, 10 connections, BENCH_DURATION (10) s: benchmark { leaderboard } (each team's latest: 103 rows)
//     and leaderboard(all: true) (1,003 rows); the baseline is `{ __typename }` through the same HTTP + GraphQL stack.
// Last output line: one JSON object with what was measured.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (p) => path.join(root, 'dist', p);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 10;
const SUBMISSIONS = 1000;
const EXAMPLES = 2000;
const POISONS = 200;
const BOARD = (all) => `{ benchmark(slug: "bench-board") { leaderboard(all: ${all}, first: 300) { rank submissionId label team successes trials successHigh auc cleanAccuracyDrop removedPoisons removedClean submittedAt } } }`;

if (process.argv[2] === '--server') await serverProcess();
else await main();

async function serverProcess() {
  require('reflect-metadata');
  const { startTestServer } = require(dist('test/integration/api-helpers.js'));
  const server = await startTestServer({ config: { workers: 0 } });
  const [b] = await server.ds.query(`INSERT INTO benchmark (slug, version, name, description, license, config, dev_seeds, test_replicates)
    VALUES ('bench-board', 1, 'bench', 'bench', 'MIT', '{}', '{1}', 16) RETURNING id`);
  await server.ds.query(`INSERT INTO organization (slug, name) SELECT 'bench-org-' || g, 'Bench org ' || g FROM generate_series(1, 100) g`);
  // Deterministic pseudo-results; every 10th submission of an organization is its latest.
  await server.ds.query(`
    INSERT INTO defense_submission (benchmark_id, organization_id, kind, label, status, detection, auc, tpr_at_1, tpr_at_5, removed_poisons, removed_clean,
                                    replicates, successes, trials, clean_accuracy, published, published_at, created_at, scored_at)
    SELECT $1, o.id, 'score-file', 'defense ' || g, 'SCORED', '[]', 0.5 + (g % 50) / 100.0, (g % 30) / 100.0, (g % 40) / 100.0, g % 1600, (g * 7) % 900,
           16, g % 17, 16, 0.7 + (g % 20) / 100.0, true, now(), now() - (g || ' minutes')::interval, now()
      FROM generate_series(1, ${SUBMISSIONS}) g JOIN organization o ON o.slug = 'bench-org-' || (1 + g % 100)`, [b.id]);
  await server.ds.query(`
    INSERT INTO defense_submission (benchmark_id, kind, baseline, label, status, detection, auc, removed_poisons, removed_clean, replicates, successes, trials, clean_accuracy, published, scored_at)
    VALUES ($1, 'baseline', 'no-defense', 'No defense', 'SCORED', '[]', 0.5, 0, 0, 16, 12, 16, 0.8, true, now()),
           ($1, 'baseline', 'random', 'Random', 'SCORED', '[]', 0.5, 320, 1600, 16, 11, 16, 0.79, true, now()),
           ($1, 'baseline', 'oracle', 'Oracle', 'SCORED', '[]', 1, 1600, 0, 16, 0, 16, 0.8, true, now())`, [b.id]);
  await server.ds.query('ANALYZE defense_submission');
  process.on('message', async (msg) => {
    if (msg.type === 'stop') { await server.stop(); await server.dropDatabase(); process.send({ type: 'stopped' }); process.exit(0); }
  });
  process.send({ type: 'ready', graphqlUrl: server.graphqlUrl, databaseUrl: server.config.databaseUrl, benchmarkId: b.id });
}

function detectionBench() {
  const { detectionSummary, topScored } = require(path.join(root, 'compute/dist/defenses/detection-metrics.js'));
  const { createRng } = require(path.join(root, 'compute/dist/data/prng.js'));
  const rng = createRng(1, 'bench-scoring');
  const subs = Array.from({ length: SUBMISSIONS }, () => Float64Array.from({ length: EXAMPLES }, () => rng.next()));
  const poisons = Array.from({ length: POISONS }, (_, i) => i * (EXAMPLES / POISONS));
  let t = process.hrtime.bigint();
  let sink = 0;
  for (const s of subs) sink += Float64Array.from(s).sort()[0];
  const sortMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  let aucSum = 0;
  for (const s of subs) aucSum += detectionSummary(s, poisons, topScored(s, POISONS)).auc;
  const metricsMs = Number(process.hrtime.bigint() - t) / 1e6;
  if (!(Math.abs(aucSum / SUBMISSIONS - 0.5) < 0.02) || !(sink >= 0)) throw new Error(`random scores gave mean AUC ${aucSum / SUBMISSIONS}`);
  return { metricsMs, sortMs, meanAuc: aucSum / SUBMISSIONS };
}

async function main() {
  const autocannon = require('autocannon');
  console.log('note: the machine is shared with other engineers; numbers are indicative, ratios are measured in the same run.');
  const d = detectionBench();
  const rate = SUBMISSIONS / (d.metricsMs / 1000);
  console.log(`detection metrics: ${SUBMISSIONS} submissions x ${EXAMPLES} examples in ${d.metricsMs.toFixed(0)} ms (${rate.toFixed(0)} submissions/s); one sort each: ${d.sortMs.toFixed(0)} ms; ratio ${(d.metricsMs / d.sortMs).toFixed(1)}; mean AUC of random scores ${d.meanAuc.toFixed(4)}`);

  const child = fork(fileURLToPath(import.meta.url), ['--server'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, NODE_ENV: 'production' } });
  const ready = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
  const headers = { 'content-type': 'application/json' };
  let summary;
  const load = async (query) => {
    const body = JSON.stringify({ query });
    const r = await autocannon({ url: ready.graphqlUrl, method: 'POST', headers, body, connections: CONNECTIONS, duration: DURATION });
    if (r.non2xx || r.errors) throw new Error(`autocannon: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return { rps: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99 };
  };
  try {
    for (const [all, rows] of [[false, 103], [true, 300]]) {
      const first = await (await fetch(ready.graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query: BOARD(all) }) })).json();
      if (first.errors) throw new Error(JSON.stringify(first.errors));
      const board = first.data.benchmark.leaderboard;
      if (board.length !== rows) throw new Error(`leaderboard(all: ${all}) has ${board.length} rows, expected ${rows}`);
      if (board[0].label !== 'Oracle') throw new Error(`rank 1 is ${board[0].label}, expected the oracle (0/16)`);
    }
    // The board's SQL alone through raw pg: 10 concurrent loops on a pool of 10, same duration.
    const { Pool } = require('pg');
    const pool = new Pool({ connectionString: ready.databaseUrl, max: CONNECTIONS });
    const { defenseLeaderboard } = require(dist('server/src/modules/benchmark/defense-leaderboard.js'));
    const fakeDs = { query: (sql, params) => pool.query(sql, params).then((r) => r.rows) };
    const lat = [];
    const end = Date.now() + DURATION * 1000;
    await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        await defenseLeaderboard(fakeDs, ready.benchmarkId, false, 200);
        lat.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }));
    await pool.end();
    lat.sort((a, b) => a - b);
    const q = (x) => lat[Math.min(lat.length - 1, Math.ceil(x * lat.length) - 1)];
    const sqlOnly = { p50Ms: +q(0.5).toFixed(2), p99Ms: +q(0.99).toFixed(2), n: lat.length };
    console.log(`leaderboard SQL alone (raw pg, ${CONNECTIONS} loops): p50 ${sqlOnly.p50Ms} ms, p99 ${sqlOnly.p99Ms} ms (${lat.length} queries)`);
    const trivial = await load('{ __typename }');
    const latest = await load(BOARD(false));
    const all = await load(BOARD(true));
    console.log(`{ __typename }: ${trivial.rps.toFixed(0)} req/s, p50 ${trivial.p50Ms} ms, p99 ${trivial.p99Ms} ms`);
    console.log(`leaderboard (latest per team, 103 rows): ${latest.rps.toFixed(0)} req/s, p50 ${latest.p50Ms} ms, p99 ${latest.p99Ms} ms`);
    console.log(`leaderboard (all, first 300 of 1,003 rows): ${all.rps.toFixed(0)} req/s, p50 ${all.p50Ms} ms, p99 ${all.p99Ms} ms (${CONNECTIONS} connections, ${DURATION} s each)`);
    summary = JSON.stringify({
      detection: { submissions: SUBMISSIONS, examples: EXAMPLES, ms: Math.round(d.metricsMs), submissionsPerSecond: Math.round(rate), ratioToOneSort: +(d.metricsMs / d.sortMs).toFixed(2) },
      leaderboard: { submissions: SUBMISSIONS, connections: CONNECTIONS, p50Ms: latest.p50Ms, p99Ms: latest.p99Ms, rps: Math.round(latest.rps), allRowsP50Ms: all.p50Ms, allRowsP99Ms: all.p99Ms, p50RatioToTrivialQuery: +(latest.p50Ms / Math.max(trivial.p50Ms, 1)).toFixed(2), sqlOnlyP50Ms: sqlOnly.p50Ms, sqlOnlyP99Ms: sqlOnly.p99Ms, targetP99Ms: 50 },
    });
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 500)); // let in-flight requests of the load generator finish
    await new Promise((resolve) => { child.once('message', resolve); child.send({ type: 'stop' }); });
  }
  if (summary) console.log(summary);
}
