import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { quantile } from '@frogpond/compute/stats';
import { startServer } from '../../server/src/server';
import { loadNextHandler } from '../../server/src/web/next-handler';
import { freshDatabase, requireWebBuild } from '../e2e/e2e-support';

/**
 * `npm run bench:web`: server-side render time of the experiment page for an experiment with 20,000 trial
 * results (seeded directly through SQL), p50/p99 over 200 sequential loads after a warm-up, through the real
 * server (API + Next.js in one process). Last line: {"p50Ms":…, "p99Ms":…}.
 */
const RESULTS = 20_000;
const LOADS = Number(process.env.BENCH_WEB_LOADS ?? 200);
const WARMUP = 10;

async function main(): Promise<string> {
  requireWebBuild();
  // TEST_DATABASE_URL (else DATABASE_URL) names a PostgreSQL server for a throw-away database; else an embedded one.
  if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  const db = await freshDatabase();
  const web = await loadNextHandler({ quiet: true });
  if (!web) throw new Error('web build missing');
  const server = await startServer({
    config: { port: 0, host: '127.0.0.1', databaseUrl: db.url, emitSchema: false, nodeEnv: 'production', workers: 0, benchmarkBaselines: false },
    fallbackHandler: web,
    log: () => {},
  });
  try {
    const admin = await server.services.organizations.bootstrapAdmin('bench-web');
    const [attack] = await server.ds.query(`SELECT id FROM attack_definition WHERE slug = 'interpolation' AND version = 1`);
    const t0 = performance.now();
    // Table 1 of Carlini (2021): 3 datasets (label budget as in the paper) x 3 algorithms x 3 rates = 27 cells.
    const [experiment] = await server.ds.query(
      `INSERT INTO experiment (organization_id, name, description, visibility, matrix, seed_base, preset, status, trial_count)
       VALUES ($1, 'bench: 20,000 results', 'Seeded by bench:web', 'PUBLIC', $2, 1, 'paper', 'COMPLETED', $3) RETURNING id`,
      [admin.organization.id, JSON.stringify({ datasets: ['cifar10', 'svhn', 'stl10'], algorithms: ['fixmatch', 'mixmatch', 'uda'], rates: [0.001, 0.002, 0.005] }), RESULTS],
    );
    await server.ds.query(
      `INSERT INTO trial (experiment_id, ordinal, dataset, labels, algorithm, rate, density, attack_id, attack_kind, defense_kind,
                          replicate, seed, config, status, target_class, target_label, backend, started_at, finished_at)
       SELECT $1, i, d.dataset, d.labels, (ARRAY['fixmatch','mixmatch','uda'])[1 + (i / 3) % 3], (ARRAY[0.001,0.002,0.005])[1 + (i / 9) % 3],
              'uniform', $2, 'interpolation', 'none', i / 27, (i * 2654435761::bigint % 2147483647)::int,
              jsonb_build_object('preset', 'paper', 'dataset', d.dataset), 'SUCCEEDED', tc, (tc + 1 + (i / 10) % 9) % 10, 'bench', now(), now()
         FROM generate_series(0, $3 - 1) AS i,
              LATERAL (SELECT (ARRAY['cifar10','svhn','stl10'])[1 + i % 3] AS dataset, (ARRAY[40,40,1000])[1 + i % 3] AS labels, (i / 7) % 10 AS tc) d`,
      [experiment.id, attack.id, RESULTS],
    );
    // Deterministic pseudo-outcomes: success more likely at higher rates.
    await server.ds.query(
      `INSERT INTO trial_result (trial_id, success, target_prediction, target_confidence, clean_accuracy, poison_count, backend, config_hash)
       SELECT id, (seed % 1000) < (450 + rate * 80000)::int, target_label, 0.9, 0.80 + (seed % 100) / 1000.0, greatest(1, round(rate * 50000)::int), 'bench', 'bench'
         FROM trial WHERE experiment_id = $1`,
      [experiment.id],
    );
    await server.ds.query(`ANALYZE trial; ANALYZE trial_result`);
    const [{ n }] = await server.ds.query(`SELECT count(*)::int AS n FROM trial_result r JOIN trial t ON t.id = r.trial_id WHERE t.experiment_id = $1`, [experiment.id]);
    if (n !== RESULTS) throw new Error(`seeded ${n} results, expected ${RESULTS}`);
    console.log(`seeded ${n} results in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const url = `${server.url}/experiments/${experiment.id}`;
    const load = async () => {
      const start = performance.now();
      const res = await fetch(url);
      const html = await res.text();
      const ms = performance.now() - start;
      if (res.status !== 200 || !html.includes('data-testid="matrix"')) throw new Error(`bad page: HTTP ${res.status}`);
      return { ms, bytes: html.length };
    };
    for (let i = 0; i < WARMUP; i++) await load();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < LOADS; i++) {
      const r = await load();
      times.push(r.ms);
      bytes = r.bytes;
    }
    times.sort((a, b) => a - b);
    const p50 = quantile(times, 0.5);
    const p99 = quantile(times, 0.99);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(`experiment page SSR, ${LOADS} sequential loads after ${WARMUP} warm-up (${(bytes / 1024).toFixed(0)} KiB HTML each):`);
    console.log(`  p50 ${p50.toFixed(1)} ms · p99 ${p99.toFixed(1)} ms · mean ${mean.toFixed(1)} ms · max ${times[times.length - 1].toFixed(1)} ms (target p99 <= 300 ms)`);
    return JSON.stringify({ p50Ms: Number(p50.toFixed(1)), p99Ms: Number(p99.toFixed(1)) });
  } finally {
    await server.stop();
    await db.drop();
  }
}

main().then(
  (json) => {
    // Printed after the server and its database are gone, so it stays the last line.
    console.log(json);
    process.exit(0);
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
