import 'reflect-metadata';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { extractSplitArchive } from '@frogpond/compute/benchmark';
import { startServer, type RunningServer } from '../../server/src/server';
import { loadNextHandler } from '../../server/src/web/next-handler';
import { insertToyBenchmark, TEST_SECRET } from '../integration/benchmark-helpers';
import { chromiumExecutable, CHROMIUM_ARGS, REPO, freshDatabase, freshProfileDir, requireWebBuild, tearDown } from './e2e-support';

/**
 * A team's whole path in headless Chromium against the real server (API + Next.js, one in-process worker) on a
 * toy benchmark (two moons: retraining takes seconds): sign in, download the test split, make scores with
 * `frogpond defend --defense pixel-clustering`, have a malformed file refused beside its field, upload, watch the
 * submission reach SCORED, publish it; then submit a verified run from the form's second mode (a parameter refused
 * beside its field first), publish it too, and find the team's latest entry ranked beside the baselines, which were
 * queued when the benchmark was created.
 */
const exec = promisify(execFile);
const CLI = path.join(REPO, 'compute', 'dist', 'cli', 'main.js');
const SHOTS = path.join(REPO, 'test-output', 'e2e');
const TIMEOUT_MS = Number(process.env.E2E_COMPLETION_TIMEOUT_MS ?? 300_000);

let server: RunningServer;
let dropDb: () => Promise<void>;
let browser: BrowserContext;
let page: Page;
let profile: string;
let home: string;
let token: string;

before(async () => {
  requireWebBuild();
  fs.mkdirSync(SHOTS, { recursive: true });
  const db = await freshDatabase();
  dropDb = db.drop;
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-e2e-bench-'));
  const web = await loadNextHandler({ quiet: true });
  assert.ok(web, 'the Next.js build must load');
  server = await startServer({
    // The seeded mini MNIST benchmark's baselines (96 trials) are not this test's subject: only the toy benchmark's.
    config: { port: 0, host: '127.0.0.1', databaseUrl: db.url, emitSchema: false, nodeEnv: 'production', workers: 1, home, benchmarkSecret: TEST_SECRET, benchmarkBaselines: false },
    fallbackHandler: web,
    log: () => {},
  });
  await insertToyBenchmark(server);
  // What creating a benchmark does: its baselines are queued at once (the board shows them pending until scored).
  await server.services.baselines.ensure(await server.services.benchmarks.get('toy-moons'));
  token = (await server.services.organizations.bootstrapAdmin('e2e-defenders')).token;
  profile = freshProfileDir();
  browser = await chromium.launchPersistentContext(profile, { executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = browser.pages()[0] ?? (await browser.newPage());
});

after(() => tearDown({ browser, server, dropDb, dirs: [profile, home] }));

test('a team downloads, defends, submits, watches scoring and finds itself on the board', async () => {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('viewer').waitFor();

  await page.goto(`${server.url}/`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Benchmarks' }).click();
  await page.getByRole('link', { name: 'Toy moons' }).click();
  await page.getByTestId('download-test').waitFor();
  // 18 baseline trials on one worker: the first visit finds them pending, with their progress.
  assert.match(await page.getByTestId('pending-baselines').innerText(), /\d\/3 replicates/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-test').click()]);
  const tar = path.join(home, 'test.tar');
  await download.saveAs(tar);
  const dir = path.join(home, 'test');
  const manifest = extractSplitArchive(fs.readFileSync(tar), dir);
  assert.equal(manifest.replicates.length, 3);
  await page.screenshot({ path: path.join(SHOTS, 'benchmark-page.png'), fullPage: true });

  const scores = path.join(home, 'scores.npy');
  const defend = await exec(process.execPath, [CLI, 'defend', '--defense', 'pixel-clustering', '--in', dir, '--out', scores], { encoding: 'utf8' });
  assert.match(defend.stdout, /pixel-clustering on 3 replicates/);
  const bad = path.join(home, 'bad.csv');
  fs.writeFileSync(bad, 'replicate,index,score\ntest-00,0,NaN\n');

  await page.getByRole('link', { name: 'Submit a defense' }).click();
  await page.getByLabel('Defense name').fill('pixel clustering');
  await page.getByLabel('Score file', { exact: true }).setInputFiles(bad);
  await page.getByLabel('Removal fraction').fill('0.05');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByTestId('error-scoreFile').waitFor();
  assert.match(await page.getByTestId('error-scoreFile').innerText(), /bad\.csv:2: score "NaN" is not a finite number/);

  await page.getByLabel('Score file', { exact: true }).setInputFiles(scores);
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.waitForURL(/\/benchmarks\/toy-moons\/submissions\/[0-9a-f-]{36}$/);
  await page.getByTestId('submission-status').getByText('scored').waitFor({ timeout: TIMEOUT_MS });
  assert.match(await page.getByTestId('success').innerText(), /^\d+\/3$/);
  await page.getByRole('button', { name: 'Publish to the board' }).click();
  await page.getByRole('button', { name: 'Publish to the board' }).waitFor({ state: 'detached' });
  await page.screenshot({ path: path.join(SHOTS, 'submission-page.png'), fullPage: true });

  // A verified run from the form's second mode: the contract's parameters of the chosen defense, checked by the API.
  await page.goto(`${server.url}/benchmarks/toy-moons/submit`);
  await page.getByRole('radio', { name: /^Verified run/ }).check();
  await page.getByLabel('Defense', { exact: true }).selectOption('pixel-clustering');
  await page.getByLabel('thresholdRatio').fill('0');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByTestId('error-param:thresholdRatio').waitFor();
  assert.match(await page.getByTestId('error-param:thresholdRatio').innerText(), /thresholdRatio|>0/);
  await page.getByLabel('thresholdRatio').fill('0.4');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.waitForURL(/\/benchmarks\/toy-moons\/submissions\/[0-9a-f-]{36}$/);
  assert.equal(await page.getByTestId('submission-kind').innerText(), 'verified run');
  await page.getByTestId('submission-status').getByText('scored').waitFor({ timeout: TIMEOUT_MS });
  await page.getByRole('button', { name: 'Publish to the board' }).click();
  await page.getByRole('button', { name: 'Publish to the board' }).waitFor({ state: 'detached' });
  await page.screenshot({ path: path.join(SHOTS, 'verified-run-page.png'), fullPage: true });

  // The baselines were queued when the benchmark was created; the board ranks them once scored, with each team's
  // latest entry (here the verified run).
  const deadline = Date.now() + TIMEOUT_MS;
  let rows: string[] = [];
  while (Date.now() < deadline) {
    await page.goto(`${server.url}/benchmarks/toy-moons`);
    rows = await page.getByTestId('defense-board').locator('tbody tr').allInnerTexts().catch(() => []);
    if (rows.length === 7 && (await page.getByTestId('pending-baselines').count()) === 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  assert.equal(rows.length, 7, rows.join('\n'));
  assert.ok(rows.some((r) => /pixel-clustering/.test(r) && /e2e-defenders/.test(r) && /verified run/.test(r)), rows.join('\n'));
  for (const b of ['No defense', 'Random scores', 'Oracle', 'Pixel-space clustering', 'Training-dynamics influence', 'Deep k-NN']) assert.ok(rows.some((r) => r.includes(b)), `${b} on the board`);
  await page.screenshot({ path: path.join(SHOTS, 'benchmark-board.png'), fullPage: true });

  // 390 px wide: the page itself never scrolls sideways (wide tables scroll inside their own box).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.url}/benchmarks/toy-moons`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no horizontal page scroll at 390 px');
});
