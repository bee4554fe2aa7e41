import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapOrg, builtinAttackId, codes, gql, startTestServer, TestServer } from './api-helpers';

const CREATE = `mutation($i: CreateExperimentInput!) { createExperiment(input: $i) { trialCount experiment { id status trialCount visibility seedBase } } }`;
const RECORD = `mutation($i: RecordTrialResultInput!) { recordTrialResult(input: $i) { id success } }`;

describe('experiment matrix aggregation (HTTP, real PostgreSQL)', () => {
  let server: TestServer;
  let a: { token: string; organizationId: string };
  let interpolation: string;
  // The paper preset on CIFAR-10 reads the user's files: this deployment has a (never read) cifar10 folder.
  const dataDir = mkdtempSync(join(tmpdir(), 'frogpond-data-'));
  const previousData = process.env.FROGPOND_DATA;
  before(async () => {
    mkdirSync(join(dataDir, 'cifar10'));
    process.env.FROGPOND_DATA = dataDir;
    server = await startTestServer();
    a = await bootstrapOrg(server, 'lab-a');
    interpolation = await builtinAttackId(server, 'interpolation');
  });
  after(async () => {
    await server?.stop();
    await server?.dropDatabase();
    if (previousData === undefined) delete process.env.FROGPOND_DATA;
    else process.env.FROGPOND_DATA = previousData;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('aggregates the matrix in SQL: k/n, hand-computed Wilson intervals, clean accuracy, paper values', async () => {
    const r = await gql(server, CREATE, { i: { organizationId: a.organizationId, name: 'table 1 slice', preset: 'paper',
      matrix: { datasets: ['cifar10'], labels: [40], algorithms: ['fixmatch', 'mixmatch'], rates: [0.001, 0.002], attacks: [interpolation], trialsPerCell: 8 } } }, a.token);
    const expId = r.data.createExperiment.experiment.id;
    const trials = await server.ds.query(`SELECT id, algorithm, rate, replicate FROM trial WHERE experiment_id = $1 ORDER BY ordinal`, [expId]);
    // fixmatch@0.1%: 8 results, 7 successes; fixmatch@0.2%: 5 results, all successes; mixmatch@0.1%: 8 results, 0 successes;
    // mixmatch@0.2%: no result yet.
    const plan = (t: any): { success: boolean; acc: number } | null => {
      if (t.algorithm === 'fixmatch' && t.rate === 0.001) return { success: t.replicate !== 3, acc: 0.5 + t.replicate * 0.01 };
      if (t.algorithm === 'fixmatch' && t.rate === 0.002) return t.replicate < 5 ? { success: true, acc: 0.9 } : null;
      if (t.algorithm === 'mixmatch' && t.rate === 0.001) return { success: false, acc: 0.6 };
      return null;
    };
    for (const t of trials) {
      const p = plan(t);
      if (!p) continue;
      const res = await gql(server, RECORD, { i: { trialId: t.id, success: p.success, cleanAccuracy: p.acc, backend: 'cpu', configHash: 'h' } }, a.token);
      assert.equal(res.errors, undefined);
    }
    const q = `query($id: ID!) { experiment(id: $id) { matrix(rows: [ALGORITHM], columns: [RATE]) { rows columns cells {
      row column successes trials scheduled successRate wilsonLow wilsonHigh cleanAccuracyMean paper { successes trials table rowKey columnKey } } } } }`;
    const m = await gql(server, q, { id: expId });
    assert.equal(m.errors, undefined, JSON.stringify(m.errors));
    const cells = m.data.experiment.matrix.cells;
    assert.deepEqual(cells.map((c: any) => [c.row[0], c.column[0], c.successes, c.trials, c.scheduled]), [
      ['fixmatch', '0.001', 7, 8, 8], ['fixmatch', '0.002', 5, 5, 8], ['mixmatch', '0.001', 0, 8, 8], ['mixmatch', '0.002', 0, 0, 8],
    ]);
    const close = (x: number | null, y: number | null) => { assert.ok(x !== null && y !== null && Math.abs(x - y) < 1e-9, `${x} vs ${y}`); };
    // Wilson 95% (z = 1.959964), computed by hand: 7/8 -> [0.529112, 0.977583]; 5/5 -> [0.565518, 1]; 0/8 -> [0, 0.324408]
    close(cells[0].wilsonLow, 0.5291118177871464); close(cells[0].wilsonHigh, 0.9775825085499433);
    close(cells[1].wilsonLow, 0.5655175352168251); close(cells[1].wilsonHigh, 1);
    close(cells[2].wilsonLow, 0); close(cells[2].wilsonHigh, 0.32440756488388023);
    assert.equal(cells[3].wilsonLow, null); assert.equal(cells[3].successRate, null);
    close(cells[0].cleanAccuracyMean, 0.535); close(cells[1].cleanAccuracyMean, 0.9); close(cells[2].cleanAccuracyMean, 0.6);
    assert.equal(cells[3].cleanAccuracyMean, null);
    // paper values: the uniform density makes FixMatch cells match Table 3 (row "1"); MixMatch has no density row -> Table 1
    assert.deepEqual(cells.map((c: any) => c.paper && [c.paper.table, c.paper.rowKey, c.paper.columnKey, `${c.paper.successes}/${c.paper.trials}`]), [
      ['table3_density_functions', '1', '0.1%', '4/8'], ['table3_density_functions', '1', '0.2%', '6/8'],
      ['table1_algorithm_by_dataset_and_rate', 'MixMatch', 'CIFAR-10@0.1%', '5/8'], ['table1_algorithm_by_dataset_and_rate', 'MixMatch', 'CIFAR-10@0.2%', '6/8'],
    ]);
    // Over all algorithms the cell has no single algorithm: no paper value; filters restrict the trials.
    const f = await gql(server, `query($id: ID!) { experiment(id: $id) { matrix(rows: [RATE], filter: { algorithms: ["fixmatch"] }) { cells { row successes trials paper { successes } } } } }`, { id: expId });
    assert.deepEqual(f.data.experiment.matrix.cells, [
      { row: ['0.001'], successes: 7, trials: 8, paper: { successes: 4 } }, { row: ['0.002'], successes: 5, trials: 5, paper: { successes: 6 } }]);
    const all = await gql(server, `query($id: ID!) { experiment(id: $id) { matrix(rows: [RATE]) { cells { successes trials paper { successes } } } } }`, { id: expId });
    assert.deepEqual(all.data.experiment.matrix.cells, [{ successes: 7, trials: 16, paper: null }, { successes: 5, trials: 5, paper: null }]);
    assert.deepEqual(codes(await gql(server, `query($id: ID!) { experiment(id: $id) { matrix(rows: [RATE], columns: [RATE]) { cells { trials } } } }`, { id: expId })), ['BAD_USER_INPUT']);

    // The trigger-maintained cell totals equal a recount over every trial and result, also after deletions.
    const round = (m: unknown) => JSON.parse(JSON.stringify(m, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)));
    const same = async () => {
      for (const q of [
        { rows: ['ALGORITHM'], columns: ['RATE'] }, { rows: ['RATE'], columns: [] }, { rows: [], columns: [] },
        { rows: ['DATASET', 'LABELS', 'DENSITY'], columns: ['ATTACK', 'DEFENSE'], filter: { algorithms: ['fixmatch'] } },
      ] as any[]) {
        assert.deepEqual(round(await server.services.matrix.matrix(expId, q, 'cells')), round(await server.services.matrix.matrix(expId, q, 'trials')), JSON.stringify(q));
      }
    };
    await same();
    await server.ds.query(`DELETE FROM trial WHERE id = $1`, [trials[0].id]);
    await server.ds.query(`DELETE FROM trial_result WHERE trial_id = $1`, [trials[20].id]);
    await same();
  });


  it('exports the matrix as booktabs LaTeX and CSV through the API', async () => {
    const [exp] = await server.ds.query(`SELECT id FROM experiment LIMIT 1`);
    const r = await gql(server, `query($id: ID!) { experiment(id: $id) { matrix(rows: [ALGORITHM], columns: [RATE]) { latex(caption: "Table 1") csv } } }`, { id: exp.id });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    // (the first test deleted one succeeded trial and one mixmatch result: 6/7 and 0/7 now)
    const tex: string = r.data.experiment.matrix.latex;
    assert.ok(tex.includes('\\toprule\nalgorithm & 0.001 & 0.002 \\\\\n\\midrule\n'), tex);
    assert.ok(tex.includes('fixmatch & 6/7 (4/8) & 5/5 (6/8) \\\\\nmixmatch & 0/7 (5/8) & -- (6/8) \\\\\n\\bottomrule'), tex);
    assert.equal(r.data.experiment.matrix.csv.split('\r\n').length, 6);
  });
});
