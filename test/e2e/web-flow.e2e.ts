import 'reflect-metadata';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/src/server';
import { loadNextHandler } from '../../server/src/web/next-handler';
import { chromiumExecutable, CHROMIUM_ARGS, REPO, freshDatabase, freshProfileDir, requireWebBuild, tearDown } from './e2e-support';

/**
 * The web front end end to end, in headless Debian Chromium against the real server (API + Next.js in one
 * process, one in-process worker) on a fresh database: sign in, refuse an invalid density next to its field,
 * launch a toy experiment from the form, watch it finish, read its table and open a trial's image strip.
 */
const SHOTS = path.join(REPO, 'test-output', 'e2e');
const COMPLETION_TIMEOUT_MS = Number(process.env.E2E_COMPLETION_TIMEOUT_MS ?? 300_000);

let server: RunningServer;
let dropDb: () => Promise<void>;
let browser: BrowserContext;
let page: Page;
let profile: string;
let token: string;
let experimentUrl = '';
const cspViolations: string[] = [];

async function shot(name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

before(async () => {
  requireWebBuild();
  fs.mkdirSync(SHOTS, { recursive: true });
  const db = await freshDatabase();
  dropDb = db.drop;
  const web = await loadNextHandler({ quiet: true });
  assert.ok(web, 'the Next.js build must load');
  server = await startServer({
    config: { port: 0, host: '127.0.0.1', databaseUrl: db.url, emitSchema: false, nodeEnv: 'production', workers: 1, benchmarkBaselines: false },
    fallbackHandler: web,
    log: () => {},
  });
  token = (await server.services.organizations.bootstrapAdmin('e2e-lab')).token;
  profile = freshProfileDir();
  // A fresh profile directory per run (playwright passes it to Chromium as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, { executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
  page = browser.pages()[0] ?? (await browser.newPage());
  // Every page must run under its Content Security Policy: collect any violation the browser reports.
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
});

after(() => tearDown({ browser, server, dropDb, dirs: [profile] }));

test('signs in with an API token kept in an httpOnly cookie', async () => {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('API token').fill('not-a-real-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('error-token').waitFor();
  assert.match(await page.getByTestId('error-token').innerText(), /refused/i);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('viewer').waitFor();
  assert.match(await page.getByTestId('viewer').innerText(), /e2e-lab/);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'frogpond_session');
  assert.ok(cookie?.httpOnly, 'token cookie is httpOnly');
  assert.ok(cookie && cookie.value !== token && cookie.value.length > 20, 'the cookie holds a session token, not the API token');
  assert.equal(await page.evaluate(() => document.cookie.includes('frogpond_session')), false);
  await shot('01-signed-in');
});

test('an invalid density is refused by the API and shown next to its field', async () => {
  await page.goto(`${server.url}/attacks/new`);
  await page.getByLabel('Name').fill('Steep interpolation');
  await page.getByLabel('Slug', { exact: true }).fill('steep-interpolation');
  await page.getByLabel('Kind').selectOption('interpolation');
  // The parameters are the compute contract's, with its bounds: two out of range are refused in one round trip,
  // each next to its field, and each error goes when its own field changes.
  await page.getByLabel('evasionSteps').fill('5000');
  await page.getByLabel('codecEpochs').fill('500');
  await page.getByRole('button', { name: 'Save attack' }).click();
  const paramError = page.getByTestId('error-param:evasionSteps');
  const otherError = page.getByTestId('error-param:codecEpochs');
  await paramError.waitFor();
  await otherError.waitFor();
  assert.match(await paramError.innerText(), /<=\s*1000/);
  assert.match(await otherError.innerText(), /<=\s*200/);
  await page.getByLabel('evasionSteps').fill('');
  await paramError.waitFor({ state: 'detached' });
  assert.equal(await otherError.count(), 1, 'the other field keeps its error until it changes');
  await page.getByLabel('codecEpochs').fill('');
  await otherError.waitFor({ state: 'detached' });
  await page.getByLabel('Density', { exact: true }).selectOption('custom');
  // Negative on part of [0, 1]: the API must refuse it.
  await page.getByLabel('Density expression').fill('x-0.5');
  await page.getByRole('button', { name: 'Save attack' }).click();
  const error = page.getByTestId('error-densityExpression');
  await error.waitFor();
  assert.match(await error.innerText(), /negative/i);
  assert.equal(await page.getByLabel('Density expression').getAttribute('aria-invalid'), 'true');
  await shot('02-invalid-density');

  // The error goes as soon as its field changes.
  await page.getByLabel('Density expression').fill('2-x');
  await error.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Save attack' }).click();
  await page.waitForURL(/\/attacks\?created=/);
  assert.match(await page.locator('table').innerText(), /steep-interpolation/);
  await shot('03-attack-saved');
});

/** Waits until the launch form's count (asked of the API's previewExperiment) matches `re`. */
async function countMatches(re: RegExp): Promise<void> {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid=trial-count]')?.textContent ?? ''), re.source, { timeout: 30_000, polling: 200 });
}

test('launches a small mini experiment from the matrix builder', async () => {
  await page.goto(`${server.url}/experiments/new`);
  await page.getByLabel('Name').fill('E2E mini poisoning');
  await page.getByLabel('Scale preset').selectOption('toy');
  const pick = async (group: string, label: string | RegExp, on: boolean) => {
    const box = page.getByRole('group', { name: group }).getByLabel(label, { exact: typeof label === 'string' });
    if ((await box.isChecked()) !== on) await box.click();
  };
  for (const label of await page.getByRole('group', { name: 'Datasets' }).getByRole('checkbox').all()) if (await label.isChecked()) await label.click();
  for (const label of await page.getByRole('group', { name: 'Algorithms' }).getByRole('checkbox').all()) if (await label.isChecked()) await label.click();
  for (const label of await page.getByRole('group', { name: 'Attacks' }).getByRole('checkbox').all()) if (await label.isChecked()) await label.click();
  // Two cells of images (MNIST and Fashion-MNIST), so that every trial draws its poison strip.
  await pick('Datasets', 'MNIST', true);
  await pick('Datasets', 'Fashion-MNIST', true);
  await pick('Algorithms', 'FixMatch', true);
  await pick('Attacks', /Steep interpolation/, true);
  await pick('Densities', '1.5-x', true);
  await page.getByLabel('Label budgets').fill('20');
  await page.getByLabel('Poison rates (%)').fill('5');
  await page.getByLabel('Trials per cell').fill('1');
  // The toy preset's MLP cannot learn images: the API says so before anything is sent.
  await countMatches(/toy preset cannot learn mnist/);
  await page.getByLabel('Scale preset').selectOption('mini');
  await countMatches(/expands into 2 trials/);
  // The count follows the builder before anything is sent.
  await page.getByLabel('Trials per cell').fill('3');
  await countMatches(/expands into 6 trials/);
  // Over the trial cap (10,000 by default): refused before anything is sent.
  await page.getByLabel('Trials per cell').fill('6000');
  await countMatches(/over the cap/);
  assert.equal(await page.getByRole('button', { name: /Launch/ }).isDisabled(), true);
  await page.getByLabel('Trials per cell').fill('1');
  // Training overrides from the contract keep the two trials to seconds.
  await page.getByLabel('steps', { exact: true }).fill('30');
  await page.getByLabel('maxUnlabeled').fill('300');
  await page.getByLabel('maxTest').fill('200');
  await page.getByText('Model, algorithm, augmentation and toy data (JSON)').click();
  await page.getByLabel('model').fill('{"kind":"mlp","hidden":[32]}');
  await countMatches(/expands into 2 trials/);
  await shot('04-launch-form');
  await page.getByRole('button', { name: /Launch 2 trials/ }).click();
  await page.waitForURL(/\/experiments\/[0-9a-f-]{36}/);
  experimentUrl = page.url();
  assert.match(await page.locator('h1').innerText(), /E2E mini poisoning/);
  await shot('05-launched');
});

test('shows live progress until every trial has finished, then the table', async () => {
  assert.ok(experimentUrl, 'experiment launched');
  const progress = page.getByTestId('progress');
  // The page refreshes itself while trials run (no reload here): wait for the counter to reach the total.
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid=progress]');
      return !!el && Number(el.getAttribute('data-done')) === Number(el.getAttribute('data-total'));
    },
    undefined,
    { timeout: COMPLETION_TIMEOUT_MS, polling: 1000 },
  );
  assert.equal(await progress.getAttribute('data-total'), '2');
  await shot('06-progress-complete');
  await page.reload();
  const cells = page.locator('[data-testid=matrix] td[data-cell]');
  await cells.first().waitFor();
  assert.equal(await cells.count(), 2, 'one column per dataset');
  for (const cell of await cells.all()) {
    assert.match(await cell.innerText(), /^[01]\/1/);
    assert.match((await cell.getAttribute('title')) ?? '', /Wilson 95% interval/);
  }
  const csv = await page.request.get(`${experimentUrl}/export?format=csv&rows=algorithm&cols=dataset,rate`);
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), /^algorithm,dataset,poison_rate,successes,trials/);
  await shot('07-completed-table');

  // The finished trials reach the leaderboard, ranked per attack and setting.
  await page.goto(`${server.url}/?dataset=mnist`);
  const board = page.getByTestId('leaderboard');
  await board.waitFor();
  assert.match(await board.innerText(), /steep-interpolation v1/);
  assert.match(await board.innerText(), /[01]\/1/);
  await shot('07b-leaderboard');
  await page.goto(experimentUrl);
});

test('opens a trial page with its poison image strip', async () => {
  await page.locator('[data-testid=trials] tr', { hasText: 'mnist' }).first().getByRole('link').click();
  await page.waitForURL(/\/trials\/[0-9a-f-]{36}/);
  await page.getByTestId('outcome').waitFor();
  const img = page.locator('[data-testid=image-strip] img').first();
  await img.waitFor();
  const width = await img.evaluate(async (el: HTMLImageElement) => {
    if (!el.complete) await new Promise((r) => el.addEventListener('load', r, { once: true }));
    return el.naturalWidth;
  });
  assert.ok(width > 0, 'the strip image decodes');
  assert.match(await page.getByTestId('config').innerText(), /"preset": "mini"/);
  // Provenance: the command that reproduces the trial, and what compute recorded.
  assert.match(await page.getByTestId('command').innerText(), /^frogpond trial --preset mini --dataset (fashion-)?mnist .*--override steps=30 .*--seed \d+$/);
  assert.match(await page.getByTestId('provenance').innerText(), /Dataset sha256\s*[0-9a-f]{64}/);
  await shot('08-trial');
});

test('unknown ids answer 404', async () => {
  const res = await page.goto(`${server.url}/experiments/00000000-0000-0000-0000-000000000000`);
  assert.equal(res?.status(), 404);
  const trial = await page.goto(`${server.url}/trials/00000000-0000-0000-0000-000000000000`);
  assert.equal(trial?.status(), 404);
});

test('pages carry security headers and run under their CSP without violations', async () => {
  const res = await page.goto(`${server.url}/experiments`);
  const headers = res!.headers();
  assert.match(headers['content-security-policy'] ?? '', /script-src 'self' 'nonce-[^']+'/);
  assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.ok(headers['referrer-policy']);
  assert.deepEqual(cspViolations, []);
});

test('sign-out revokes the session on the server', async () => {
  const session = (await page.context().cookies()).find((c) => c.name === 'frogpond_session')!.value;
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${server.url}/`);
  assert.equal((await page.context().cookies()).find((c) => c.name === 'frogpond_session'), undefined);
  const [row] = await server.ds.query(`SELECT count(*)::int AS n FROM api_token WHERE session AND revoked_at IS NOT NULL`);
  assert.ok(row.n >= 1, 'the session token was revoked');
  const res = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` }, body: '{"query":"{ viewer { role } }"}' });
  assert.equal(res.status, 401);
});
