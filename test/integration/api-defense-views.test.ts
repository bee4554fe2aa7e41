import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { wilsonInterval } from '@frogpond/compute/stats';
import { bootstrapOrg, builtinAttackId, gql, recordAsWorker, startTestServer, TestServer } from './api-helpers';

const CREATE = `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { trialCount experiment { id } } }`;
const CELL = `rowLabels successes trials cleanAccuracyMean
  withoutDefense { successes trials successRate wilsonLow wilsonHigh cleanAccuracyMean }
  detection { rocAucMean tprAt5FprMean poisonsRemoved poisons poisonRemovalRate cleanRemoved clean cleanRemovalRate }`;

/** One defended trial's stored outcome: with the defense, the same seed without it, and what the defense detected. */
interface Planned {
  success: boolean; acc: number;
  undefended?: { success: boolean; acc: number };
  auc?: number | null; tpr5?: number | null; removal?: [removedPoisons: number, poisons: number, cleanRemoved: number, clean: number];
}

const close = (x: number | null | undefined, y: number, what: string) => assert.ok(x != null && Math.abs(x - y) < 1e-9, `${what}: ${x} vs ${y}`);

describe('success with and without a defense in matrices, exports and the leaderboard (HTTP, real PostgreSQL)', () => {
  let server: TestServer;
  let a: { token: string; organizationId: string };
  let expId: string;
  let defenseIds: Record<string, string>;

  // moons: 2 classes, so near chance is clean accuracy below 0.55. Trials in ordinal order within each defense.
  const plan: Record<string, (Planned | null)[]> = {
    none: [
      { success: true, acc: 0.9 }, { success: true, acc: 0.9 }, { success: false, acc: 0.9 }, { success: true, acc: 0.9 }, { success: true, acc: 0.9 },
    ],
    'pixel-clustering': [
      { success: true, acc: 0.8, undefended: { success: true, acc: 0.9 }, auc: 0.9, tpr5: 0.5, removal: [9, 10, 5, 190] },
      { success: false, acc: 0.82, undefended: { success: true, acc: 0.9 }, auc: 1, tpr5: 1, removal: [10, 10, 0, 190] },
      { success: false, acc: 0.84, undefended: { success: true, acc: 0.88 }, auc: null, tpr5: null, removal: [8, 10, 2, 190] },
      { success: false, acc: 0.86, undefended: { success: false, acc: 0.86 }, auc: 0.8, tpr5: 0.25 },
      // Near chance: listed in the matrix, flagged and left out of both leaderboard rates.
      { success: true, acc: 0.52, undefended: { success: true, acc: 0.51 }, auc: 0.7, tpr5: 0, removal: [1, 10, 1, 190] },
    ],
    // Two results (one from before the run without the defense was recorded), three trials unfinished.
    'deep-knn': [
      { success: false, acc: 0.9, undefended: { success: true, acc: 0.91 }, auc: 0.99, tpr5: 0.9, removal: [10, 10, 19, 190] },
      { success: true, acc: 0.88 },
      null, null, null,
    ],
  };

  before(async () => {
    server = await startTestServer();
    a = await bootstrapOrg(server, 'defense-lab');
    const attack = await builtinAttackId(server, 'interpolation');
    const rows: { id: string; slug: string }[] = await server.ds.query(`SELECT id, slug FROM defense_definition WHERE slug IN ('none', 'pixel-clustering', 'deep-knn')`);
    defenseIds = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
    const r = await gql(server, CREATE, { i: { organizationId: a.organizationId, name: 'defended moons', preset: 'toy',
      matrix: { datasets: ['moons'], labels: [8], algorithms: ['fixmatch'], rates: [0.05], attacks: [attack],
        defenses: [defenseIds.none, defenseIds['pixel-clustering'], defenseIds['deep-knn']], trialsPerCell: 5 } } }, a.token);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    expId = r.data.createExperiment.experiment.id;
    const trials: { id: string; defense_kind: string; defense_id: string }[] = await server.ds.query(
      `SELECT t.id, t.defense_kind, d.slug AS defense_id FROM trial t JOIN defense_definition d ON d.id = t.defense_id WHERE t.experiment_id = $1 ORDER BY t.ordinal`, [expId]);
    const seen: Record<string, number> = {};
    for (const t of trials) {
      const i = seen[t.defense_id] = (seen[t.defense_id] ?? -1) + 1;
      const p = plan[t.defense_id][i];
      if (!p) continue;
      const defense = t.defense_kind === 'none' ? { kind: 'none', removed: 0, removedPoisons: 0, truePositiveRate: null, falsePositiveRate: null } : {
        kind: t.defense_kind, removed: p.removal ? p.removal[0] + p.removal[2] : 0, removedPoisons: p.removal?.[0] ?? 0, truePositiveRate: null, falsePositiveRate: null,
        ...(p.removal ? { poisons: p.removal[1], cleanRemoved: p.removal[2], clean: p.removal[3] } : {}),
        ...(p.auc !== undefined ? { rocAuc: p.auc, tprAt5Fpr: p.tpr5 } : {}),
        ...(p.undefended ? { undefended: { success: p.undefended.success, targetPrediction: 1, targetConfidence: 0.7, cleanAccuracy: p.undefended.acc, poisonShareAtTarget: 0.5 } } : {}),
      };
      await recordAsWorker(server, t.id, { success: p.success, cleanAccuracy: p.acc, backend: 'cpu', configHash: 'h', defense: defense as never });
    }
  });
  after(async () => {
    await server?.stop();
    await server?.dropDatabase();
  });

  const matrix = async (args: string) => {
    const r = await gql(server, `query($id: ID!) { experiment(id: $id) { matrix(${args}) { cells { ${CELL} } } } }`, { id: expId });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data.experiment.matrix.cells as any[];
  };

  it('shows each defended cell with the same trials without the defense, its clean accuracy and detection means; null without a defense', async () => {
    const cells = await matrix('rows: [DEFENSE]');
    assert.deepEqual(cells.map((c) => [c.rowLabels[0], c.successes, c.trials]).sort(), [['deep-knn v1', 1, 2], ['none v1', 4, 5], ['pixel-clustering v1', 2, 5]]);
    const by = Object.fromEntries(cells.map((c) => [c.rowLabels[0].split(' ')[0], c]));
    assert.equal(by.none.withoutDefense, null);
    assert.equal(by.none.detection, null);

    const px = by['pixel-clustering'];
    const w = wilsonInterval(4, 5)!;
    assert.deepEqual({ ...px.withoutDefense, cleanAccuracyMean: undefined }, { successes: 4, trials: 5, successRate: 0.8, wilsonLow: w.low, wilsonHigh: w.high, cleanAccuracyMean: undefined });
    // Wilson 95% of 4/5 from the textbook formula (z = 1.959964): [0.375535, 0.963776]
    close(px.withoutDefense.wilsonLow, 0.37553462976252533, 'wilson low'); close(px.withoutDefense.wilsonHigh, 0.9637758913675698, 'wilson high');
    close(px.cleanAccuracyMean, (0.8 + 0.82 + 0.84 + 0.86 + 0.52) / 5, 'clean accuracy with the defense');
    close(px.withoutDefense.cleanAccuracyMean, (0.9 + 0.9 + 0.88 + 0.86 + 0.51) / 5, 'clean accuracy without');
    // AUC and TPR: the mean over the trials that scored (null on one trial); removals pooled over the four that reported them.
    close(px.detection.rocAucMean, (0.9 + 1 + 0.8 + 0.7) / 4, 'AUC'); close(px.detection.tprAt5FprMean, (0.5 + 1 + 0.25 + 0) / 4, 'TPR');
    assert.deepEqual([px.detection.poisonsRemoved, px.detection.poisons, px.detection.cleanRemoved, px.detection.clean], [28, 40, 8, 760]);
    close(px.detection.poisonRemovalRate, 0.7, 'poison removal'); close(px.detection.cleanRemovalRate, 8 / 760, 'clean removal');

    // A result stored without the run without the defense counts in k/n but not in the comparison.
    const knn = by['deep-knn'];
    assert.deepEqual([knn.withoutDefense.successes, knn.withoutDefense.trials], [1, 1]);
    close(knn.withoutDefense.cleanAccuracyMean, 0.91, 'deep-knn accuracy without');
    assert.deepEqual([knn.detection.poisonsRemoved, knn.detection.poisons, knn.detection.rocAucMean], [10, 10, 0.99]);

    // Over every trial the cell mixes defended and undefended trials: no comparison. Over the two defenses it pools them.
    const [all] = await matrix('rows: []');
    assert.deepEqual([all.successes, all.trials, all.withoutDefense, all.detection], [7, 12, null, null]);
    const [both] = await matrix(`rows: [], filter: { defenses: ["pixel-clustering", "deep-knn"] }`);
    assert.deepEqual([both.successes, both.trials, both.withoutDefense.successes, both.withoutDefense.trials], [3, 7, 5, 6]);
    assert.deepEqual([both.detection.poisonsRemoved, both.detection.poisons], [38, 50]);
  });

  it('exports both rates and the detection metrics as named CSV and JSON columns, empty where there is no defense', async () => {
    const res = await fetch(`${server.url}/api/experiments/${expId}/matrix.csv?rows=defense`);
    assert.equal(res.status, 200);
    const [header, ...lines] = parse(await res.text()) as string[][];
    for (const line of lines) for (const v of line) assert.ok(!/^[=+\-@]/.test(v), `formula cell ${v}`);
    const rows = Object.fromEntries(lines.map((l) => [l[0].split(' ')[0], Object.fromEntries(header.map((h, i) => [h, l[i]]))]));
    const w = wilsonInterval(4, 5)!;
    const px = rows['pixel-clustering'];
    assert.deepEqual(
      [px.successes, px.trials, px.undefended_successes, px.undefended_trials, px.undefended_success_rate, px.undefended_wilson_low, px.undefended_wilson_high],
      ['2', '5', '4', '5', '0.8', String(Number(w.low.toFixed(3))), String(Number(w.high.toFixed(3)))]);
    assert.deepEqual([px.clean_accuracy_mean, px.undefended_clean_accuracy_mean, px.defense_roc_auc_mean, px.defense_tpr_at_5_fpr_mean], ['0.768', '0.81', '0.85', '0.4375']);
    assert.deepEqual([px.defense_poisons_removed, px.defense_poisons, px.defense_poison_removal_rate, px.defense_clean_removed, px.defense_clean, px.defense_clean_removal_rate],
      ['28', '40', '0.7', '8', '760', '0.0105']);
    for (const h of header.filter((c) => c.startsWith('undefended_') || c.startsWith('defense_'))) assert.equal(rows.none[h], '', h);
    const json = await (await fetch(`${server.url}/api/experiments/${expId}/matrix.json?rows=defense`)).json();
    const none = json.cells.find((c: any) => c.defense.startsWith('none'));
    const knn = json.cells.find((c: any) => c.defense.startsWith('deep-knn'));
    assert.deepEqual([none.undefended_trials, none.defense_roc_auc_mean], [null, null]);
    assert.deepEqual([knn.undefended_successes, knn.undefended_trials, knn.defense_poisons_removed], [1, 1, 10]);
  });

  it('ranks a defended setting by its success with the defense and shows the same ranked trials without it', async () => {
    const r = await gql(server, `{ leaderboard(first: 10, filter: { datasets: ["moons"] }) { edges { node {
      defense defenseKind successes trials nearChanceTrials withoutDefense { successes trials successRate wilsonLow wilsonHigh cleanAccuracyMean } } } } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const by = Object.fromEntries(r.data.leaderboard.edges.map((e: any) => [e.node.defenseKind, e.node]));
    assert.deepEqual(Object.keys(by).sort(), ['deep-knn', 'none', 'pixel-clustering']);
    assert.deepEqual([by.none.successes, by.none.trials, by.none.withoutDefense], [4, 5, null]);
    // The near-chance trial is left out of both rates alike.
    const px = by['pixel-clustering'];
    const w = wilsonInterval(3, 4)!;
    assert.deepEqual([px.successes, px.trials, px.nearChanceTrials], [1, 4, 1]);
    assert.deepEqual({ ...px.withoutDefense, cleanAccuracyMean: undefined }, { successes: 3, trials: 4, successRate: 0.75, wilsonLow: w.low, wilsonHigh: w.high, cleanAccuracyMean: undefined });
    close(px.withoutDefense.cleanAccuracyMean, 0.81, 'accuracy without the defense over every finished trial');
    assert.deepEqual([by['deep-knn'].successes, by['deep-knn'].trials, by['deep-knn'].withoutDefense.successes, by['deep-knn'].withoutDefense.trials], [1, 2, 1, 1]);
  });

  it('keeps the trigger-maintained totals equal to a recount over every result, after deletions and across the migration', async () => {
    const round = (m: unknown) => JSON.parse(JSON.stringify(m, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)));
    const same = async () => {
      for (const q of [{ rows: ['DEFENSE'], columns: [] }, { rows: [], columns: [] }, { rows: ['ALGORITHM'], columns: ['DEFENSE'], filter: { defenses: ['deep-knn', 'pixel-clustering'] } }] as any[]) {
        assert.deepEqual(round(await server.services.matrix.matrix(expId, q, 'cells')), round(await server.services.matrix.matrix(expId, q, 'trials')), JSON.stringify(q));
      }
    };
    await same();
    // Undo the per-cell defense totals and apply them again: the backfill rebuilds them from the stored results.
    // Later migrations are undone first (and reapplied below), whatever they are.
    const applied = async () => (await server.ds.query(`SELECT 1 FROM typeorm_migrations WHERE name = 'DefenseCellTotals1764600000000'`)).length > 0;
    assert.equal(await applied(), true);
    while (await applied()) await server.ds.undoLastMigration({ transaction: 'each' });
    const [cols] = await server.ds.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'trial_cell' AND column_name LIKE 'undefended%'`);
    assert.equal(cols.n, 0);
    await server.ds.runMigrations({ transaction: 'each' });
    await same();
    // A deleted defended trial (its result cascades) and a deleted result alone.
    const [t1] = await server.ds.query(`SELECT t.id FROM trial t JOIN trial_result r ON r.trial_id = t.id WHERE t.experiment_id = $1 AND t.defense_kind = 'pixel-clustering' ORDER BY t.ordinal LIMIT 1`, [expId]);
    const [t2] = await server.ds.query(`SELECT t.id FROM trial t JOIN trial_result r ON r.trial_id = t.id WHERE t.experiment_id = $1 AND t.defense_kind = 'deep-knn' ORDER BY t.ordinal LIMIT 1`, [expId]);
    await server.ds.query(`DELETE FROM trial WHERE id = $1`, [t1.id]);
    await server.ds.query(`DELETE FROM trial_result WHERE trial_id = $1`, [t2.id]);
    await same();
    const by = Object.fromEntries((await matrix('rows: [DEFENSE]')).map((c) => [c.rowLabels[0].split(' ')[0], c]));
    assert.deepEqual([by['pixel-clustering'].successes, by['pixel-clustering'].trials, by['pixel-clustering'].withoutDefense.successes, by['pixel-clustering'].withoutDefense.trials], [1, 4, 3, 4]);
    assert.deepEqual([by['deep-knn'].trials, by['deep-knn'].withoutDefense.trials, by['deep-knn'].detection.poisons], [1, 0, null]);
    assert.equal(by['deep-knn'].withoutDefense.successRate, null);
  });
});
