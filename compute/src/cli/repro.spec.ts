import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runJobs, ReproJobResult } from './repro-pool';
import { namesCell, reproTables, reusableTrials, ReproReport } from './repro';
import { TrialConfig } from '../trial/trial.types';

const summary = (seed: number) => ({
  seed, success: true, targetIndex: 1, sourceIndex: 2, targetClass: 3, targetLabel: 4, targetPrediction: 4, targetConfidence: 0.9,
  cleanAccuracy: 0.8, poisonCount: 10, poisonShareAtTarget: 1, configHash: 'h', attackMetrics: {}, seconds: 1,
});

test('resume keeps only trials whose cell config is unchanged', () => {
  const overrides = { steps: 10 };
  const tables = reproTables(null, overrides, {});
  const a = tables.find((t) => t.id === 'a')!;
  const [same, changed] = a.cells;
  const previous = {
    backend: 'wasm',
    tables: [{
      id: 'a', configs: { [same.row]: { [same.column]: same.config, [changed.column]: { ...changed.config, rate: 0.3 } } },
      trials: [{ ...summary(0), row: same.row, column: same.column }, { ...summary(1), row: same.row, column: same.column }, { ...summary(0), row: changed.row, column: changed.column }],
    }, { id: 'gone', configs: {}, trials: [{ ...summary(0), row: 'x', column: 'y' }] }],
  } as unknown as ReproReport;
  const kept = reusableTrials(previous, tables);
  assert.equal(kept.trials.size, 2, 'the two trials of the unchanged cell');
  assert.deepEqual(kept.tableIds, ['a']);
  for (const s of kept.trials.values()) assert.equal('row' in s, false);
  // A different training override changes every cell's config: nothing is reused.
  assert.equal(reusableTrials(previous, reproTables(null, { steps: 11 }, {})).trials.size, 0);
  // --rerun drops a named cell's trials even though its config is unchanged.
  assert.equal(reusableTrials(previous, tables, [`a:${same.column}`]).trials.size, 0);
  assert.equal(reusableTrials(previous, tables, ['a:no-such-column']).trials.size, 2);
});

test('worker threads give the same trial results as the main thread', async () => {
  const config: TrialConfig = { preset: 'toy', dataset: 'moons', labels: 4, algorithm: 'fixmatch', attack: { kind: 'interpolation' }, rate: 0.05, density: '1.5-x', overrides: { steps: 200 } };
  const jobs = [0, 1].map((seed) => ({ label: `seed ${seed}`, config, seed }));
  const collect = async (workers: number) => {
    const out: ReproJobResult[] = [];
    await runJobs(jobs, workers, (r) => out.push(r));
    return out.sort((x, y) => x.job.seed - y.job.seed).map((r) => ({ ...r.summary, seconds: 0 }));
  };
  const inThread = await collect(1);
  const pooled = await collect(2);
  assert.equal(pooled.length, 2);
  assert.deepEqual(pooled, inThread);
});

test('--cells and --rerun name a whole column or one row of it', () => {
  assert.equal(namesCell(['f:interpolation 20%'], 'f', 'deep k-NN', 'interpolation 20%'), true);
  assert.equal(namesCell(['f:deep k-NN@Poison Frogs'], 'f', 'deep k-NN', 'Poison Frogs'), true);
  assert.equal(namesCell(['f:deep k-NN@Poison Frogs'], 'f', 'deep k-NN', 'interpolation 20%'), false);
  assert.equal(namesCell(['f:deep k-NN@Poison Frogs'], 'a', 'deep k-NN', 'Poison Frogs'), false);
});

test('table (g) changes only the dataset of table (a)\'s top cell and of the control (e)', () => {
  const tables = reproTables(null, { steps: 10 }, {});
  const byId = (id: string) => tables.find((t) => t.id === id)!;
  const top = byId('a').cells.find((c) => c.column === '20%')!.config;
  const control = byId('e').cells[0].config;
  const [attack, noPoison] = byId('g').cells.map((c) => c.config);
  assert.deepEqual(attack, { ...top, dataset: 'fashion-mnist' });
  assert.deepEqual(noPoison, { ...control, dataset: 'fashion-mnist' });
  assert.equal(top.dataset, 'mnist');
  assert.equal(control.dataset, 'mnist');
});
