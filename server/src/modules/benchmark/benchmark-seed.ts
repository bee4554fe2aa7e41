import { DataSource } from 'typeorm';

/**
 * The benchmark that ships with frogpond: mini MNIST interpolation poisoning at the top rate of the reproduction
 * report's table (a) (FixMatch, 40 labels, 20% of a 500-example unlabeled set = 100 poisons, density 1.5-x, source
 * the labeled example of class y* nearest to x*). Its development replicates are seeds 1000-1007, the first eight report
 * seeds of that cell, so a team can set its defense beside the report's table (f) on the very same tasks; they are
 * outside the development seeds the report's configuration was chosen on (0-7, 100-101). Test replicates are drawn
 * with the server's secret.
 */
export const SEED_BENCHMARK = {
  slug: 'mini-mnist-interpolation',
  version: 1,
  name: 'Mini MNIST interpolation poisoning (FixMatch, 20%)',
  description:
    'Interpolation-consistency poisoning (Carlini 2021) of FixMatch on a mini MNIST split: 40 labeled digits, 500 unlabeled digits plus 100 '
    + 'poisons on a path from a labeled digit of the attacker\'s class to the target, placed by the density 1.5-x. Find the poisons: submit one '
    + 'suspicion score per unlabeled example of every test replicate. Scores are computed against public MNIST digits; matching against the '
    + 'public MNIST files is outside the spirit of the benchmark.',
  license: 'CC BY-SA 3.0 (MNIST digits, LeCun, Cortes and Burges); poisons and splits MIT',
  config: {
    preset: 'mini', dataset: 'mnist', labels: 40, algorithm: 'fixmatch', rate: 0.2, density: '1.5-x',
    attack: { kind: 'interpolation', params: { source: 'nearest' } },
    overrides: { maxUnlabeled: 500, maxTest: 500, mu: 2, steps: 3000, evalEvery: 150, model: { kind: 'mlp', hidden: [256, 128] } },
  },
  devSeeds: [1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007],
  testReplicates: 16,
};

/** Inserts the shipped benchmark once (idempotent: a benchmark version is immutable). */
export async function seedBenchmarks(ds: DataSource): Promise<void> {
  const b = SEED_BENCHMARK;
  await ds.query(
    `INSERT INTO benchmark (slug, version, name, description, license, config, dev_seeds, test_replicates)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (slug, version) DO NOTHING`,
    [b.slug, b.version, b.name, b.description, b.license, JSON.stringify(b.config), b.devSeeds, b.testReplicates],
  );
}
