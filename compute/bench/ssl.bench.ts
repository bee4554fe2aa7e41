/**
 * bench:ssl — mini preset accuracy table: MNIST 40 labels with every
 * algorithm vs the supervised baseline (same labels, same steps), Fashion-MNIST at 40 and 250
 * labels. Prints one line per run and, last, one JSON object {"rows":[...]}.
 * Options (env): FROGPOND_BENCH_SEED (default 1), FROGPOND_BENCH_ONLY=mnist|fashion-mnist,
 * FROGPOND_BENCH_STEPS to override the preset's steps (e.g. for a quick smoke run),
 * FROGPOND_BENCH_ALGOS=supervised,pseudo-label (comma list) to run only some algorithms,
 * FROGPOND_BENCH_SETTINGS=mnist:40,fashion-mnist:250 to run only some dataset/label settings.
 */
import { ALGORITHM_NAMES, AlgorithmName, DatasetName, trainSemiSupervised } from '@frogpond/compute';

interface Row { dataset: string; labels: number; algorithm: AlgorithmName; accuracy: number; seconds: number; backend: string }

async function main(): Promise<void> {
  const seed = Number(process.env.FROGPOND_BENCH_SEED ?? 1);
  const only = process.env.FROGPOND_BENCH_ONLY;
  const steps = process.env.FROGPOND_BENCH_STEPS ? Number(process.env.FROGPOND_BENCH_STEPS) : undefined;
  const settings: [DatasetName, number][] = [['mnist', 40], ['fashion-mnist', 40], ['fashion-mnist', 250]];
  const algos = process.env.FROGPOND_BENCH_ALGOS?.split(',').map((a) => a.trim() as AlgorithmName).filter(Boolean);
  const wanted = process.env.FROGPOND_BENCH_SETTINGS?.split(',').map((a) => a.trim()).filter(Boolean);
  const all: AlgorithmName[] = ['supervised', ...ALGORITHM_NAMES.filter((a) => a !== 'supervised')];
  const order = all.filter((a) => !algos || algos.includes(a));
  const rows: Row[] = [];
  for (const [dataset, labels] of settings) {
    if ((only && only !== dataset) || (wanted && !wanted.includes(`${dataset}:${labels}`))) continue;
    for (const algorithm of order) {
      const r = await trainSemiSupervised({ preset: 'mini', dataset, labels, algorithm, steps }, { seed });
      const row: Row = { dataset, labels, algorithm, accuracy: r.metrics.finalTestAccuracy, seconds: Math.round(r.seconds * 10) / 10, backend: r.backend };
      rows.push(row);
      r.model.dispose();
      console.log(`${dataset.padEnd(13)} labels=${String(labels).padEnd(4)} ${algorithm.padEnd(12)} acc=${(row.accuracy * 100).toFixed(1)}%  ` +
        `${row.seconds}s  steps=${r.config.steps}  backend=${row.backend}  curve=${r.metrics.evals.map((e) => e.testAccuracy.toFixed(3)).join(',')}`);
    }
    const sup = rows.find((x) => x.dataset === dataset && x.labels === labels && x.algorithm === 'supervised');
    for (const x of rows.filter((y) => sup && y.dataset === dataset && y.labels === labels && y.algorithm !== 'supervised')) {
      console.log(`  ${x.algorithm}: ${((x.accuracy - sup!.accuracy) * 100).toFixed(1)} points vs supervised`);
    }
  }
  const mn = rows.filter((x) => x.dataset === 'mnist');
  if (mn.length && !algos) {
    const fix = mn.find((x) => x.algorithm === 'fixmatch');
    const sup = mn.find((x) => x.algorithm === 'supervised');
    const beat = mn.filter((x) => x.algorithm !== 'supervised').every((x) => x.accuracy - (sup?.accuracy ?? 0) >= 0.1);
    console.log(`acceptance: MNIST-40 FixMatch >= 85%: ${fix && fix.accuracy >= 0.85 ? 'MET' : 'NOT MET'} ` +
      `(${((fix?.accuracy ?? 0) * 100).toFixed(1)}%); every SSL algorithm >= supervised + 10 points: ${beat ? 'MET' : 'NOT MET'}`);
  }
  if (algos) console.log('acceptance: not judged (FROGPOND_BENCH_ALGOS ran only some algorithms)');
  console.log(JSON.stringify({ rows }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
