import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapOrg, builtinAttackId, codes, gql, recordAsWorker, startTestServer, TestServer, withPaperDatasetFolders } from './api-helpers';
import { ReadCache } from '../../server/src/common/read-cache';
import { LeaderboardService } from '../../server/src/modules/leaderboard/leaderboard.service';
import { LeaderboardArgs, LeaderboardSort, SortDirection } from '../../server/src/modules/leaderboard/leaderboard.inputs';

const ROW = `key rank attack dataset labels algorithm rate density defense preset successes trials wilsonLow wilsonHigh
  nearChanceTrials experimentCount organizationCount experiments { id name organization } paper { successes trials table rowKey }`;
const BOARD = `query($first: Int, $after: String, $filter: LeaderboardFilter, $near: Boolean) {
  leaderboard(first: $first, after: $after, filter: $filter, includeNearChance: $near) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${ROW} } } } }`;

describe('leaderboard over every visible finished trial (HTTP, real PostgreSQL)', () => {
  let server: TestServer;
  let a: { token: string; organizationId: string };
  let b: { token: string; organizationId: string };
  let interpolation: string;
  let uncached: LeaderboardService;
  const args = (over: Partial<LeaderboardArgs> = {}): LeaderboardArgs =>
    ({ first: 100, after: null, filter: null, sort: LeaderboardSort.RANK, direction: SortDirection.DESC, includeNearChance: false, ...over }) as LeaderboardArgs;

  /** An experiment through the service (org a unless given), its trials' results from `outcome` (null = none). */
  async function experiment(name: string, matrix: Record<string, unknown>, opts: { org?: typeof a; preset?: string; visibility?: 'PUBLIC' | 'PRIVATE';
    outcome?: (t: any) => { success: boolean; acc: number } | null } = {}) {
    const org = opts.org ?? a;
    const actor = await server.services.organizations.authenticate(`Bearer ${org.token}`);
    const { experiment: e } = await server.services.experiments.createExperiment(actor, {
      organizationId: org.organizationId, name, preset: opts.preset ?? 'paper', visibility: opts.visibility as any,
      matrix: { datasets: ['cifar10'], labels: [40], algorithms: ['fixmatch'], rates: [0.001], attacks: [interpolation], trialsPerCell: 2, ...matrix } as any,
    });
    if (opts.outcome) {
      const trials = await server.ds.query(`SELECT id, ordinal, replicate, density, defense_kind FROM trial WHERE experiment_id = $1 ORDER BY ordinal`, [e.id]);
      for (const t of trials) {
        const o = opts.outcome(t);
        if (o) await recordAsWorker(server, t.id, { success: o.success, cleanAccuracy: o.acc, backend: 'cpu', configHash: 'h' });
      }
    }
    return e;
  }

  let restoreData: () => void;
  before(async () => {
    restoreData = withPaperDatasetFolders();
    server = await startTestServer();
    a = await bootstrapOrg(server, 'lab-a');
    b = await bootstrapOrg(server, 'lab-b');
    interpolation = await builtinAttackId(server, 'interpolation');
    uncached = new LeaderboardService(server.ds, new ReadCache());
  });
  after(async () => { await server?.stop(); await server?.dropDatabase(); restoreData?.(); });

  it('keeps a result of the 51st-newest experiment; cancelled and empty experiments change nothing', async () => {
    const oldest = await experiment('oldest', {}, { outcome: (t) => ({ success: t.replicate === 0, acc: 0.9 }) });
    const before = await uncached.page(null, args());
    assert.equal(before.totalCount, 1);
    assert.deepEqual(before.edges[0].node.experiments.map((x) => x.id), [oldest.id]);
    const actor = await server.services.organizations.authenticate(`Bearer ${b.token}`);
    for (let i = 0; i < 55; i++) {
      const e = await experiment(`empty ${i}`, { trialsPerCell: 1 }, { org: b });
      if (i % 5 === 0) await server.services.experiments.cancelExperiment(actor, e.id);
    }
    const [{ n }] = await server.ds.query(`SELECT count(*)::int AS n FROM experiment WHERE created_at > (SELECT created_at FROM experiment WHERE id = $1)`, [oldest.id]);
    assert.ok(n >= 50, `${n} newer experiments`);
    assert.deepEqual(await uncached.page(null, args()), before);
    const r = await gql(server, BOARD, {});
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.deepEqual(r.data.leaderboard.edges.map((e: any) => [e.node.successes, e.node.trials, e.node.experiments[0].name]), [[1, 2, 'oldest']]);
  });

  it('never sums settings that differ in density, defense or preset; like settings add up across experiments and organizations', async () => {
    const [pixel] = await server.ds.query(`SELECT id FROM defense_definition WHERE slug = 'pixel-clustering' AND version = 1`);
    const [none] = await server.ds.query(`SELECT id FROM defense_definition WHERE slug = 'none' AND version = 1`);
    const m = { datasets: ['svhn'], labels: [250], algorithms: ['mixmatch'], rates: [0.01] };
    await experiment('densities', { ...m, densities: ['uniform', 'x'] }, { outcome: (t) => ({ success: t.density === 'uniform', acc: 0.9 }) });
    await experiment('defenses', { ...m, defenses: [none.id, pixel.id] }, { outcome: (t) => ({ success: t.defense_kind === 'none', acc: 0.9 }) });
    await experiment('preset', m, { preset: 'mini', outcome: () => ({ success: true, acc: 0.9 }) });
    const page = await uncached.page(null, args({ filter: { datasets: ['svhn'] } as any, sort: LeaderboardSort.TRIALS }));
    const rows = page.edges.map((e) => e.node);
    const coords = rows.map((r) => `${r.density}|${r.defense}|${r.preset}`).sort();
    // uniform/no defense/paper: 2 (densities) + 2 (defenses, built-in none = no defense) trials; density x; pixel clustering; mini
    assert.deepEqual(coords, ['uniform|none|mini', 'uniform|none|paper', 'uniform|pixel-clustering v1|paper', 'x|none|paper']);
    assert.equal(new Set(rows.map((r) => r.key)).size, 4);
    const merged = rows.find((r) => r.density === 'uniform' && r.defense === 'none' && r.preset === 'paper')!;
    assert.deepEqual([merged.successes, merged.trials, merged.experimentCount, merged.organizationCount], [4, 4, 2, 1]);
    assert.deepEqual(rows.find((r) => r.density === 'x')!.successes, 0);
    assert.equal(rows[0], merged); // sorted by trials, descending
    // the same setting from another organization joins the row
    await experiment('lab b', m, { org: b, outcome: () => ({ success: false, acc: 0.9 }) });
    const again = (await uncached.page(null, args({ filter: { datasets: ['svhn'], presets: ['paper'], defenses: ['none'], densities: ['uniform'] } as any }))).edges.map((e) => e.node);
    assert.deepEqual(again.map((r) => [r.successes, r.trials, r.experimentCount, r.organizationCount]), [[4, 6, 3, 2]]);
  });

  it('counts private experiments for their organization only', async () => {
    await experiment('private', { datasets: ['stl10'], labels: [40] }, { visibility: 'PRIVATE', outcome: () => ({ success: true, acc: 0.9 }) });
    const anon = await gql(server, BOARD, { filter: { datasets: ['stl10'] } });
    assert.equal(anon.data.leaderboard.totalCount, 0);
    const other = await gql(server, BOARD, { filter: { datasets: ['stl10'] } }, b.token);
    assert.equal(other.data.leaderboard.totalCount, 0);
    const own = await gql(server, BOARD, { filter: { datasets: ['stl10'] } }, a.token);
    assert.deepEqual(own.data.leaderboard.edges.map((e: any) => [e.node.successes, e.node.trials]), [[2, 2]]);
  });

  it('flags near-chance trials and leaves them out of ranks', async () => {
    // cifar10 has 10 classes: chance 0.1, near chance below 0.19
    await experiment('collapsed', { labels: [250], trialsPerCell: 3 }, { outcome: (t) => ({ success: true, acc: t.replicate === 0 ? 0.12 : 0.9 }) });
    await experiment('all collapsed', { labels: [4000] }, { outcome: () => ({ success: true, acc: 0.1 }) });
    const rows = (await uncached.page(null, args({ filter: { datasets: ['cifar10'], labels: [250, 4000] } as any }))).edges.map((e) => e.node);
    assert.deepEqual(rows.map((r) => [r.labels, r.successes, r.trials, r.nearChanceTrials]), [[250, 2, 2, 1]]);
    const all = (await uncached.page(null, args({ includeNearChance: true, filter: { datasets: ['cifar10'], labels: [250, 4000] } as any }))).edges.map((e) => e.node);
    assert.deepEqual(all.map((r) => [r.labels, r.rank, r.trials, r.nearChanceTrials]), [[250, 1, 2, 1], [4000, null, 0, 2]]);
  });

  it('ranks by the Wilson lower bound, pages by cursor, carries the paper value; a new result shows at once', async () => {
    const full = await gql(server, BOARD, { first: 100 });
    const rows = full.data.leaderboard.edges.map((e: any) => e.node);
    assert.equal(full.data.leaderboard.totalCount, rows.length);
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].wilsonLow >= rows[i].wilsonLow - 1e-9);
    assert.deepEqual(rows.map((r: any) => r.rank), rows.map((r: any, i: number) => rows.findIndex((x: any) => Math.abs(x.wilsonLow - r.wilsonLow) < 1e-9) + 1));
    // cifar10 / 40 labels / fixmatch / 0.1% / uniform: Table 3's row "1" (4/8)
    const oldest = rows.find((r: any) => r.dataset === 'cifar10' && r.labels === 40 && r.algorithm === 'fixmatch');
    assert.deepEqual(oldest.paper, { successes: 4, trials: 8, table: 'table3_density_functions', rowKey: '1' });
    const keys: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await gql(server, BOARD, { first: 2, after });
      assert.equal(page.errors, undefined);
      keys.push(...page.data.leaderboard.edges.map((e: any) => e.node.key));
      after = page.data.leaderboard.pageInfo.hasNextPage ? page.data.leaderboard.pageInfo.endCursor : null;
    } while (after);
    assert.deepEqual(keys, rows.map((r: any) => r.key));
    assert.deepEqual(codes(await gql(server, BOARD, { after: 'bm90IGEgY3Vyc29y' })), ['BAD_USER_INPUT']);
    assert.deepEqual(codes(await gql(server, BOARD, { after: Buffer.from('["x", 1]').toString('base64url') })), ['BAD_USER_INPUT']);
    assert.deepEqual(codes(await gql(server, BOARD, { first: 1000 })), ['BAD_USER_INPUT']);

    // Cached page, then a result lands (worker path, no API call): the NOTIFY drops the cached page.
    const e = await experiment('late', { datasets: ['mnist'], labels: [100] });
    const q = { filter: { datasets: ['mnist'] } };
    assert.equal((await gql(server, BOARD, q)).data.leaderboard.totalCount, 0);
    const [t] = await server.ds.query(`SELECT id FROM trial WHERE experiment_id = $1 ORDER BY ordinal LIMIT 1`, [e.id]);
    await recordAsWorker(server, t.id, { success: true, cleanAccuracy: 0.9, backend: 'cpu', configHash: 'h' });
    let seen = 0;
    for (let i = 0; i < 100 && seen === 0; i++) {
      seen = (await gql(server, BOARD, q)).data.leaderboard.totalCount;
      if (!seen) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(seen, 1);
  });

  it("puts the platform's k/n beside each cell a paper reports, per attack version and preset", async () => {
    const r = await gql(server, `{ publications { slug permalink reportedResults { id tableKey rowKey columnKey dataset labels algorithm rate density }
      reproductions { reportedResultId attack preset successes trials experimentCount } } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const carlini = r.data.publications.find((p: any) => p.slug === 'carlini2021');
    assert.match(carlini.permalink, /\/publications\/carlini2021$/);
    const cellOf = (id: string) => carlini.reportedResults.find((x: any) => x.id === id);
    const found = carlini.reproductions.map((x: any) => ({ ...x, cell: cellOf(x.reportedResultId) }));
    // 'oldest' (cifar10, 40 labels, fixmatch, 0.1%, uniform density, 1/2) is Table 3's row "1" and Table 1's FixMatch cell
    const t3 = found.find((x: any) => x.cell.tableKey === 'table3_density_functions' && x.cell.rowKey === '1' && x.cell.columnKey === '0.1%');
    assert.deepEqual([t3.attack, t3.preset, t3.successes, t3.trials, t3.experimentCount], ['interpolation v1', 'paper', 1, 2, 1]);
    assert.ok(found.some((x: any) => x.cell.tableKey.startsWith('table1') && x.cell.rowKey === 'FixMatch' && x.cell.columnKey === 'CIFAR-10@0.1%' && x.trials === 2));
    // the private stl10 experiment of lab-a is not shown to anonymous readers
    assert.ok(!found.some((x: any) => x.cell.dataset === 'stl10'));
  });
});
