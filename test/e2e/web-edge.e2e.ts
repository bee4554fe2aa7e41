import 'reflect-metadata';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/src/server';
import { loadConfig } from '../../server/src/config/config';
import { loadNextHandler } from '../../server/src/web/next-handler';
import { chromiumExecutable, CHROMIUM_ARGS, freshDatabase, freshProfileDir, requireWebBuild, tearDown } from './e2e-support';

/**
 * The web app's edge against the real Next.js build: the GraphQL explorer (off under the production default, GraphiQL
 * from this origin when switched on, running a query in Chromium), HTTP statuses of pages whose data is missing or
 * whose API is down, and server actions with a forged Origin and X-Forwarded-Host, also when the app is hosted
 * apart from the API's HTTP guards.
 */
const TOKEN_COOKIE = 'frogpond_session';
const UNKNOWN = '3f0c1a9e-8d2b-4c55-9e1f-2a7b6c5d4e3f';

let server: RunningServer;
let apart: http.Server;
let apartUrl = '';
let dropDb: () => Promise<void>;
let browser: BrowserContext;
let profile: string;
let token = '';

before(async () => {
  requireWebBuild();
  const db = await freshDatabase();
  dropDb = db.drop;
  const web = await loadNextHandler({ quiet: true });
  assert.ok(web, 'the Next.js build must load');
  server = await startServer({
    // the explorer switch as production leaves it by default
    config: { port: 0, host: '127.0.0.1', databaseUrl: db.url, emitSchema: false, nodeEnv: 'production', workers: 0,
      graphqlExplorer: loadConfig({ NODE_ENV: 'production' }).graphqlExplorer, mutationsPerMinutePerIp: 0, mutationsPerMinutePerToken: 0 },
    fallbackHandler: web,
    log: () => {},
  });
  token = (await server.services.organizations.bootstrapAdmin('edge-lab')).token;
  // The same web app with nothing in front of it (as `next start` would serve it): only its own checks apply.
  apart = http.createServer((req, res) => { void web(req, res); });
  await new Promise<void>((r) => apart.listen(0, '127.0.0.1', r));
  apartUrl = `http://127.0.0.1:${(apart.address() as AddressInfo).port}`;
  profile = freshProfileDir();
  browser = await chromium.launchPersistentContext(profile, { executablePath: await chromiumExecutable(), headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await new Promise((r) => apart?.close(r));
  await tearDown({ browser, server, dropDb, dirs: [profile] });
});

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Serious and critical axe-core findings on the page around `exclude` (axe evaluated through the debugger, so the CSP
 * stays on).
 */
async function axeViolations(page: Page, exclude: string): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async (exclude) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run({ include: [document], exclude: [[exclude]] } as unknown as Document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, exclude);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.where.join(', ')}`);
}

const visit = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') ?? '', csp: res.headers.get('content-security-policy') ?? '', text: await res.text() };
};

test('production default: a browser opening /graphql gets no explorer', async () => {
  assert.equal(server.config.graphqlExplorer, false);
  for (const headers of [{}, { 'x-frogpond-explorer': '1' }, { rsc: '1' }] as Record<string, string>[]) {
    const r = await visit(`${server.url}/graphql`, headers);
    assert.ok(r.status === 400 || r.status === 404, `${JSON.stringify(headers)}: HTTP ${r.status}`);
    assert.doesNotMatch(r.type, /html/);
    assert.doesNotMatch(r.text, /graphiql|<script/i);
  }
  // the API itself still answers GET queries
  const q = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ datasets { slug } }')}`, { headers: { 'apollo-require-preflight': '1' } });
  assert.equal(q.status, 200);
  await q.arrayBuffer();
  // the app hosted apart has no explorer of its own: the page needs the server's mark
  assert.equal((await visit(`${apartUrl}/graphql`)).status, 404);
});

test('switched on: GraphiQL from this origin only, under the page CSP, runs a query', async () => {
  server.config.graphqlExplorer = true;
  let page: Page | undefined;
  try {
    const r = await visit(`${server.url}/graphql`);
    assert.equal(r.status, 200);
    assert.match(r.type, /text\/html/);
    const nonce = /'nonce-([^']+)'/.exec(r.csp)?.[1];
    assert.ok(nonce && /script-src 'self' 'nonce-/.test(r.csp), r.csp);
    const scripts = [...r.text.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    assert.ok(scripts.length > 0);
    for (const attrs of scripts) {
      const src = /\bsrc="([^"]*)"/.exec(attrs)?.[1];
      if (src) assert.equal(new URL(src, server.url).origin, server.url, `script from ${src}`);
      else assert.match(attrs, new RegExp(`nonce="${nonce!.replace(/[+/=]/g, '\\$&')}"`), `inline script without the nonce: ${attrs}`);
    }

    page = await browser.newPage();
    const elsewhere: string[] = [];
    const violations: string[] = [];
    // Offline: anything not from this origin is refused (and recorded).
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === server.url || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    page.on('pageerror', (e) => violations.push(String(e)));
    await page.goto(`${server.url}/graphql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    // the default query is in the editor before it runs
    await page.waitForFunction(() => (document.querySelector('.graphiql-query-editor')?.textContent ?? '').includes('numClasses'), undefined, { timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    const answered = await page.waitForFunction(() => (document.querySelector('.graphiql-response')?.textContent ?? '').includes('moons'), undefined, { timeout: 30_000 })
      .then(() => true, () => false);
    assert.ok(answered, `the query's answer is shown: ${await page.locator('.graphiql-response').innerText().catch(() => '?')} ${violations.join(' | ').slice(0, 2000)} ${elsewhere.join(' ')}`);
    assert.deepEqual(elsewhere, [], 'nothing loads from another origin');
    assert.deepEqual(violations.map((v) => v.slice(0, 300)), [], 'no CSP violation or page error');

    // like every page: at 390 px nothing scrolls sideways, both themes apply, axe finds nothing serious (in the page
    // around GraphiQL: GraphiQL's own editors have upstream findings, listed in docs/web.md)
    await page.setViewportSize({ width: 390, height: 844 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
      const { doc, view, bg } = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth, view: window.innerWidth, bg: getComputedStyle(document.body).backgroundColor,
      }));
      assert.ok(doc <= view, `${scheme}: the document is ${doc}px wide in a ${view}px viewport`);
      const [red, green, blue] = bg.match(/\d+/g)!.map(Number);
      const luminance = (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255;
      assert.ok(scheme === 'dark' ? luminance < 0.2 : luminance > 0.8, `${scheme}: background ${bg}`);
      assert.deepEqual(await axeViolations(page, '.graphiql-container'), [], scheme);
    }
    assert.deepEqual(violations.map((v) => v.slice(0, 300)), [], 'no CSP violation or page error after reloads');
  } finally {
    await page?.close();
    server.config.graphqlExplorer = false;
  }
});

test('pages answer 404 for unknown or malformed ids, and the not-found page is 404', async () => {
  for (const path of [`/experiments/${UNKNOWN}`, '/experiments/not-a-uuid', `/trials/${UNKNOWN}`, '/trials/1%27%20OR%201=1', `/benchmarks/cifar10-nope`,
    `/benchmarks/cifar10-nope/submissions/${UNKNOWN}`, '/publications/no-such-paper', '/attacks/no-such-attack/v1', '/no-such-page']) {
    const r = await visit(`${server.url}${path}`);
    assert.equal(r.status, 404, `${path}: HTTP ${r.status}`);
    assert.match(r.text, /Not found/, path);
    assert.doesNotMatch(r.text, /Could not load/, path);
  }
});

test('pages answer 5xx when the API cannot be reached, without internals', async () => {
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const dead = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/graphql`;
  await new Promise((r) => closed.close(r));
  const saved = process.env.FROGPOND_API_URL;
  process.env.FROGPOND_API_URL = dead;
  try {
    for (const path of ['/densities', '/datasets', '/experiments', `/experiments/${UNKNOWN}`, `/trials/${UNKNOWN}`, '/benchmarks', '/attacks/new']) {
      const r = await visit(`${server.url}${path}`);
      assert.ok(r.status >= 500 && r.status <= 599, `${path}: HTTP ${r.status}`);
      assert.doesNotMatch(r.text, /ECONNREFUSED|fetch failed|node_modules|\.ts:\d+/, path);
    }
  } finally {
    process.env.FROGPOND_API_URL = saved;
  }
  assert.equal((await visit(`${server.url}/densities`)).status, 200, 'back once the API answers');
});

/** The sign-in server action as Chromium sends it (signing in on the server's own origin), to replay with other headers. */
async function captureSignIn(): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  try {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('API token').fill(token);
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && r.url().startsWith(`${server.url}/sign-in`)),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(await request.allHeaders())) {
      if (!k.startsWith(':') && !['host', 'origin', 'referer', 'cookie', 'content-length', 'connection'].includes(k)) headers[k] = v;
    }
    assert.ok(headers['next-action'], 'a server action request');
    return { body: request.postDataBuffer() ?? Buffer.alloc(0), headers };
  } finally {
    await page.close();
  }
}

test('server actions with a forged Origin and X-Forwarded-Host are refused, in front of the app and inside it', async () => {
  const action = await captureSignIn();
  const replay = async (base: string, headers: Record<string, string>) => {
    const res = await fetch(`${base}/sign-in`, { method: 'POST', headers: { ...action.headers, ...headers }, body: new Uint8Array(action.body), redirect: 'manual' });
    await res.arrayBuffer();
    return { status: res.status, signedIn: (res.headers.get('set-cookie') ?? '').includes(`${TOKEN_COOKIE}=`) };
  };
  const forged = { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' };
  assert.deepEqual(await replay(server.url, forged), { status: 403, signedIn: false }, 'through the API server');
  assert.deepEqual(await replay(apartUrl, forged), { status: 403, signedIn: false }, 'the app hosted apart');
  assert.deepEqual(await replay(apartUrl, { ...forged, host: 'evil.example' }), { status: 403, signedIn: false }, 'hosted apart, Host forged too');
  // the same request from the configured origin signs in (as a reverse proxy in front of the app would deliver it)
  const own = await replay(apartUrl, { origin: process.env.FROGPOND_PUBLIC_ORIGIN! });
  assert.equal(own.signedIn, true, `own origin: HTTP ${own.status}`);
  // sign-out (a route handler) likewise
  const out = await fetch(`${apartUrl}/sign-in/out`, { method: 'POST', headers: forged, redirect: 'manual' });
  assert.equal(out.status, 403);
  await out.arrayBuffer();
});
