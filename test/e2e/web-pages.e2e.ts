import 'reflect-metadata';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/src/server';
import { loadNextHandler } from '../../server/src/web/next-handler';
import { failureRecorder } from '../../server/src/modules/queue/queue.recorder';
import { chromiumExecutable, CHROMIUM_ARGS, REPO, freshDatabase, freshProfileDir, requireWebBuild, tearDown } from './e2e-support';

/**
 * Every page of the web app in headless Chromium: at 390 px wide nothing scrolls sideways, the dark theme applies,
 * and axe-core finds no serious or critical violation in either theme. Then the experiment page's cancel and retry,
 * its pivot parameters, and a toy trial's scatter of the decision regions.
 */
const SHOTS = path.join(REPO, 'test-output', 'e2e');
const COMPLETION_TIMEOUT_MS = Number(process.env.E2E_COMPLETION_TIMEOUT_MS ?? 300_000);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server: RunningServer;
let dropDb: () => Promise<void>;
let dbUrl = '';
let browser: BrowserContext;
let page: Page;
let profile: string;
let token = '';
let orgId = '';
let attackId = '';
let finished = '';
let trialId = '';
/** An experiment with a deep k-NN cell and a no-defense cell, one toy trial each. */
let defended = '';

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(server.graphqlUrl, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

async function launch(name: string, trialsPerCell: number, defenses?: string[]): Promise<string> {
  const data = await api<{ createExperiment: { experiment: { id: string } } }>(
    `mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id } } }`,
    { input: { organizationId: orgId, name, preset: 'toy', matrix: { datasets: ['moons'], algorithms: ['fixmatch'], attacks: [attackId], labels: [10], rates: [0.05], trialsPerCell, defenses } } },
  );
  return data.createExperiment.experiment.id;
}

/** Waits until every trial of an experiment has finished (succeeded or failed). */
async function settled(id: string): Promise<void> {
  const deadline = Date.now() + COMPLETION_TIMEOUT_MS;
  for (;;) {
    const p = await api<{ experimentProgress: { succeeded: number; failed: number; cancelled: number; total: number } }>(
      `query($id: ID!) { experimentProgress(id: $id) { succeeded failed cancelled total } }`, { id });
    const x = p.experimentProgress;
    if (x.succeeded + x.failed + x.cancelled === x.total) return;
    assert.ok(Date.now() < deadline, `experiment ${id} finishes`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const boot = async (workers: number, web: unknown) => startServer({
  config: { port: 0, host: '127.0.0.1', databaseUrl: dbUrl, emitSchema: false, nodeEnv: 'production', workers, benchmarkBaselines: false },
  fallbackHandler: web as never,
  log: () => {},
});

before(async () => {
  requireWebBuild();
  fs.mkdirSync(SHOTS, { recursive: true });
  const db = await freshDatabase();
  dropDb = db.drop;
  dbUrl = db.url;
  const web = await loadNextHandler({ quiet: true });
  assert.ok(web, 'the Next.js build must load');
  server = await boot(1, web);
  token = (await server.services.organizations.bootstrapAdmin('pages-lab')).token;
  orgId = (await api<{ viewer: { organization: { id: string } } }>('{ viewer { organization { id } } }')).viewer.organization.id;
  attackId = (await api<{ createAttack: { id: string } }>(
    `mutation($input: CreateAttackInput!) { createAttack(input: $input) { id } }`,
    { input: { organizationId: orgId, name: 'Linear interpolation', slug: 'linear-interpolation', kind: 'INTERPOLATION' } },
  )).createAttack.id;
  finished = await launch('Finished toy run', 1);
  const { defenses } = await api<{ defenses: { edges: { node: { id: string; slug: string } }[] } }>('{ defenses(first: 50) { edges { node { id slug } } } }');
  const defenseId = (slug: string) => defenses.edges.find((e) => e.node.slug === slug)!.node.id;
  defended = await launch('Defended toy run', 1, [defenseId('none'), defenseId('deep-knn')]);
  await settled(finished);
  await settled(defended);
  trialId = (await api<{ experiment: { trials: { edges: { node: { id: string } }[] } } }>(`query($id: ID!) { experiment(id: $id) { trials(first: 1) { edges { node { id } } } } }`, { id: finished })).experiment.trials.edges[0].node.id;
  profile = freshProfileDir();
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS, viewport: { width: 390, height: 844 }, bypassCSP: true,
  });
  // Signed in as the web does it: a short-lived session token (never the API token) in the session cookie.
  const session = (await api<{ createSession: { token: string } }>('mutation { createSession { token } }')).createSession.token;
  await browser.addCookies([{ name: 'frogpond_session', value: session, url: server.url, httpOnly: true }]);
  page = browser.pages()[0] ?? (await browser.newPage());
});

after(() => tearDown({ browser, server, dropDb, dirs: [profile] }));

async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.where.join(', ')}`);
}

const pages = () => [
  '/', '/experiments', '/experiments/new', `/experiments/${finished}`, `/experiments/${defended}`, `/trials/${trialId}`, '/datasets', '/algorithms',
  '/densities', '/attacks', '/attacks/new', '/defenses', '/publications', '/benchmarks', '/benchmarks/mini-mnist-interpolation',
  '/benchmarks/mini-mnist-interpolation/submit', '/sign-in', '/no-such-page',
];

for (const scheme of ['light', 'dark'] as const) {
  test(`every page at 390 px in the ${scheme} theme: no sideways scroll, no serious axe violation`, async () => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of pages()) {
      await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
      const { doc, view, bg } = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth, view: window.innerWidth, bg: getComputedStyle(document.body).backgroundColor,
      }));
      assert.ok(doc <= view, `${url}: the document is ${doc}px wide in a ${view}px viewport`);
      const [r, g, b] = bg.match(/\d+/g)!.map(Number);
      const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      if (scheme === 'dark') assert.ok(luminance < 0.2, `${url}: dark background expected, got ${bg}`);
      else assert.ok(luminance > 0.8, `${url}: light background expected, got ${bg}`);
      assert.deepEqual(await axeViolations(), [], `${url} (${scheme})`);
      if (url.endsWith('/submit')) {
        // The form's second mode: a verified run, with the contract's parameters of the chosen defense.
        await page.getByRole('radio', { name: /^Verified run/ }).check();
        await page.getByLabel('Defense', { exact: true }).waitFor();
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${url} (verified run): sideways scroll`);
        assert.deepEqual(await axeViolations(), [], `${url}, verified run (${scheme})`);
      }
      if (/^\/(experiments|trials)\/[0-9a-f-]{36}$/.test(url)) {
        await page.screenshot({ path: `${SHOTS}/390-${scheme}-${url === `/experiments/${defended}` ? 'defended-experiment' : url.split('/')[1]}.png`, fullPage: true });
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
}

test('the experiment page: intervals in the cells, sortable sticky headers, case-insensitive pivot parameters', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}/experiments/${finished}`);
  const cell = page.locator('[data-testid=matrix] td[data-cell]').first();
  await cell.waitFor();
  assert.match(await cell.innerText(), /^[01]\/1\s+\d+%–\d+%/);
  const head = page.locator('[data-testid=matrix] thead th').first();
  assert.equal(await head.evaluate((el) => getComputedStyle(el).position), 'sticky');
  // The default pivot keeps attack, density and defense apart: each is a row header.
  assert.match(await page.locator('[data-testid=matrix] thead').innerText(), /Attack[\s\S]*Density[\s\S]*Defense/);
  await page.getByRole('button', { name: /Attack/ }).click();
  assert.match((await page.locator('[data-testid=matrix] th[aria-sort]').getAttribute('aria-sort')) ?? '', /ascending|descending/);
  assert.equal(await page.locator('[data-testid=progress]').getAttribute('data-live'), 'false');

  await page.goto(`${server.url}/experiments/${finished}?rows=ALGORITHM&cols=Dataset`);
  assert.equal(await page.locator('[data-testid=matrix] thead th').first().innerText(), 'Algorithm');
  assert.equal(await page.getByRole('group', { name: 'Rows' }).getByLabel('Algorithm').isChecked(), true);
  await page.goto(`${server.url}/experiments/${finished}?rows=colour`);
  assert.match(await page.getByRole('status').filter({ hasText: 'Ignored' }).innerText(), /colour/);
});

test('cancel stops a running experiment; retry runs its failed trials again', async () => {
  // The worker is kept busy by a long experiment; the second one waits behind it, so one of its trials can be
  // failed the way a worker reports a failure before any worker reaches it.
  const long = await launch('Long toy run', 20);
  const failing = await launch('Failing toy run', 2);
  const ids = (await api<{ experiment: { trials: { edges: { node: { id: string } }[] } } }>(`query($id: ID!) { experiment(id: $id) { trials(first: 5) { edges { node { id } } } } }`, { id: failing })).experiment.trials.edges.map((e) => e.node.id);
  await server.ds.transaction((m) => failureRecorder(server.ds)(m, ids[0], 'worker ran out of memory'));

  await page.goto(`${server.url}/experiments/${long}`);
  assert.equal(await page.getByTestId('progress').getAttribute('data-live'), 'true');
  assert.match(await page.getByTestId('eta').innerText(), /left/);
  await page.getByTestId('cancel').click();
  await page.locator('h1 .badge', { hasText: 'cancelled' }).waitFor();
  assert.equal(await page.getByTestId('cancel').count(), 0, 'nothing left to cancel');
  assert.match(await page.getByTestId('progress').innerText(), /\d+ cancelled/);

  await page.goto(`${server.url}/experiments/${failing}`);
  assert.match(await page.getByTestId('failed-trials').innerText(), /worker ran out of memory/);
  assert.match(await page.locator('[data-testid=trials] tr', { hasText: 'failed' }).innerText(), /worker ran out of memory/);
  await page.getByTestId('retry').click();
  await page.getByTestId('retry').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('failed-trials').count(), 0);
  // The page follows the retried trial to the end by itself (no reload).
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid=progress]');
    return !!el && el.getAttribute('data-live') === 'false' && el.getAttribute('data-done') === el.getAttribute('data-total');
  }, undefined, { timeout: COMPLETION_TIMEOUT_MS, polling: 1000 });
  assert.doesNotMatch(await page.getByTestId('progress').innerText(), /failed/);
  const href = await page.getByTestId('clone').getAttribute('href');
  assert.match(href ?? '', /^\/experiments\/new\?.*datasets=moons/);
  // The clone link opens the launch form prefilled with this experiment's matrix (rates shown in percent).
  await page.goto(`${server.url}${href}`);
  assert.equal(await page.locator('#name').inputValue(), 'Failing toy run (copy)');
  assert.equal(await page.locator('input[name=datasets][value=moons]').isChecked(), true);
  assert.equal(await page.locator('#rates').inputValue(), '5');
});

test("a toy trial's page draws its decision regions, the data and the poison path", async () => {
  await page.goto(`${server.url}/trials/${trialId}`);
  const scatter = page.getByTestId('decision-scatter');
  await scatter.locator('svg').first().waitFor();
  // 40 x 40 region cells behind the points, and the path's triangles.
  assert.ok((await scatter.locator('g[aria-hidden=true] rect').count()) >= 1600);
  assert.ok((await scatter.locator('.recharts-scatter-symbol').count()) > 20);
  assert.match(await scatter.innerText(), /poisons \(\d+, labeled y\* = \d by the attacker\)/);
  assert.match(await scatter.innerText(), /target x\*/);
});

test('a defended cell shows its success with the defense above the same trials without it, on the pivot and the leaderboard', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const { experiment } = await api<{ experiment: { matrix: { cells: { rowLabels: string[]; successes: number; trials: number; withoutDefense: { successes: number; trials: number } | null }[] } } }>(
    `query($id: ID!) { experiment(id: $id) { matrix(rows: [DEFENSE]) { cells { rowLabels successes trials withoutDefense { successes trials } } } } }`, { id: defended });
  const knn = experiment.matrix.cells.find((c) => c.rowLabels[0].startsWith('deep-knn'))!;
  const none = experiment.matrix.cells.find((c) => c.rowLabels[0].startsWith('none'))!;
  assert.equal(none.withoutDefense, null);
  assert.equal(knn.withoutDefense!.trials, 1, 'the worker recorded the run without the defense');
  await page.goto(`${server.url}/experiments/${defended}?rows=defense`);
  const row = (label: string) => page.locator('[data-testid=matrix] tbody tr', { has: page.locator('th', { hasText: label }) });
  const knnCell = row('deep-knn').locator('td[data-cell]');
  const text = await knnCell.innerText();
  assert.match(text, new RegExp(`^with defense\\s+${knn.successes}/1\\s+\\d+%–\\d+%\\s+without\\s+${knn.withoutDefense!.successes}/1\\s+\\d+%–\\d+%`), text);
  assert.match(text, /AUC \d\.\d\d/);
  assert.match((await knnCell.getAttribute('title')) ?? '', /without the defense \d\/1 = \d+\.\d%/);
  assert.equal(await row('none').getByTestId('without-defense').count(), 0, 'no comparison without a defense');
  await page.getByTestId('matrix').screenshot({ path: `${SHOTS}/1280-defended-pivot.png` });
  // The leaderboard row as the API ranks it (a near-chance toy model is flagged and left out of both rates).
  const { leaderboard } = await api<{ leaderboard: { edges: { node: { defenseKind: string; withoutDefense: { successes: number; trials: number } | null } }[] } }>(
    '{ leaderboard(first: 50, filter: { datasets: ["moons"] }, includeNearChance: true) { edges { node { defenseKind withoutDefense { successes trials } } } } }');
  const ranked = leaderboard.edges.find((e) => e.node.defenseKind === 'deep-knn')!.node.withoutDefense!;
  await page.goto(`${server.url}/?dataset=moons&near=1`);
  const board = page.getByTestId('leaderboard');
  const knnRow = board.locator('tbody tr', { hasText: 'deep-knn' });
  assert.match(await knnRow.innerText(), /with defense/);
  if (ranked.trials) assert.match(await knnRow.getByTestId('without-defense').innerText(), new RegExp(`^\\d+% ${ranked.successes}/${ranked.trials}$`));
  else assert.equal(await knnRow.getByTestId('without-defense').count(), 0);
  assert.equal(await board.locator('tbody tr', { hasNotText: 'deep-knn' }).getByTestId('without-defense').count(), 0);
  await board.screenshot({ path: `${SHOTS}/1280-defended-leaderboard.png` });
});

test("a defended trial's page charts its suspicion scores, poisons against benign", async () => {
  const { experiment } = await api<{ experiment: { trials: { edges: { node: { id: string; status: string; defenseKind: string } }[] } } }>(
    `query($id: ID!) { experiment(id: $id) { trials(first: 5) { edges { node { id status defenseKind } } } } }`, { id: defended });
  const trial = experiment.trials.edges.map((e) => e.node).find((t) => t.defenseKind === 'deep-knn')!;
  assert.equal(trial.status, 'SUCCEEDED');
  await page.goto(`${server.url}/trials/${trial.id}`, { waitUntil: 'networkidle' });
  assert.match(await page.getByTestId('detection').innerText(), /ROC AUC/);
  const chart = page.getByTestId('score-histogram');
  await chart.locator('.recharts-bar-rectangle').first().waitFor();
  assert.match(await chart.innerText(), /benign \(left axis\)[\s\S]*poisons \(right axis\)/);
  assert.deepEqual(await axeViolations(), []);
});
